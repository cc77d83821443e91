// 配送: the parcels of a day and what waits to be sent, the shipment plan of a prescription
// (a dry run first shows every parcel's allowed methods and the rules that refuse the others,
// then the shipment is stored), and a stored shipment with its labels and handling notes as
// PDFs for the printer, each parcel's custody state, the packing and carrier hand-over steps
// and the receipt confirmation of a parcel sent by carrier (receipts.js).
import { get, post } from '../api.js';
import { announce, busy, clearErrors, field, formatTokyo, h, showError } from '../dom.js';
import { flashNotice, heading, loadError, section } from './common.js';
import { receiptForm } from './receipts.js';
import { dayLabel, idempotencyKey, newTabLink, tokyoDate } from './tokyo.js';

export const kMethods = [
  ['carrier', '配送業者（温度帯に合わせて自動）'],
  ['carrier_normal', '配送業者・常温'],
  ['carrier_chilled', '配送業者・冷蔵'],
  ['carrier_frozen', '配送業者・冷凍'],
  ['staff_hand_delivery', '薬局職員が届ける'],
  ['patient_pickup', '来局して受け取り'],
];
const kTimeSlots = [
  ['', '指定なし'],
  ['0812', '午前中'],
  ['1416', '14〜16時'],
  ['1618', '16〜18時'],
  ['1820', '18〜20時'],
  ['1921', '19〜21時'],
];
const kTemperatures = { room: '常温', chilled: '冷蔵（2〜8℃）', frozen: '冷凍' };
export const kCustodyStates = {
  not_packed: '未梱包',
  packed: '梱包済',
  handed_to_carrier: '配送業者へ引渡し済',
  out_with_staff: '職員が配達中',
  delivered: '受渡し済',
  failed: '配達できず',
  returned_to_pharmacy: '薬局へ返送',
  withdrawn: '回収（出荷中止）',
};

export function methodLabel(m) {
  return (kMethods.find(([v]) => v === m) || [m, m])[1];
}

export function custodyBadge(state) {
  return h('span', { class: `custody custody-${state}`, 'data-custody': state }, kCustodyStates[state] || state);
}

const kDispatchTabs = [
  ['/dispatch', '発送'],
  ['/dispatch/receipts', '受取確認'],
];

/** The dispatch area's sub-navigation (the day's work, receipt confirmation). */
export function dispatchTabs(current) {
  return h(
    'nav',
    { class: 'sub-nav', 'aria-label': '配送メニュー' },
    h(
      'ul',
      {},
      kDispatchTabs.map(([path, label]) => h('li', {}, h('a', { href: path, 'data-link': true, 'aria-current': path === current ? 'page' : null }, label))),
    ),
  );
}

/** Whether a parcel goes by carrier (its receipt is confirmed by the pharmacy afterwards). */
export function isCarrierMethod(method) {
  return typeof method === 'string' && method.startsWith('carrier');
}

export function marksList(marks) {
  if (!marks || !marks.length) return null;
  return h('ul', { class: 'marks' }, marks.map((m) => h('li', { class: `mark mark-${m.mark}`, 'data-mark': m.mark }, m.text)));
}

// ---------------------------------------------------------------- the day's work

export function render(main, ctx) {
  ctx.setTitle('配送');
  const today = tokyoDate();
  const openForm = h(
    'form',
    { class: 'form form-inline', 'aria-label': '処方箋の配送を計画' },
    field('受付番号', { name: 'rx', inputmode: 'numeric', autocomplete: 'off' }, { hint: '配送を計画する処方箋' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '配送を計画')),
  );
  openForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(openForm);
    const id = openForm.elements.rx.value.trim();
    if (!/^[1-9][0-9]{0,15}$/.test(id)) return showError(openForm, '受付番号を数字で入力してください', 'rx');
    ctx.navigate(`/dispatch/prescriptions/${id}`);
  });
  const shipmentForm = h(
    'form',
    { class: 'form form-inline', 'aria-label': '発送番号で開く' },
    field('発送番号', { name: 'shipment', inputmode: 'numeric', autocomplete: 'off' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary' }, '開く')),
  );
  shipmentForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(shipmentForm);
    const id = shipmentForm.elements.shipment.value.trim();
    if (!/^[1-9][0-9]{0,15}$/.test(id)) return showError(shipmentForm, '発送番号を数字で入力してください', 'shipment');
    ctx.navigate(`/dispatch/shipments/${id}`);
  });
  const dateInput = h('input', { type: 'date', id: 'labels-date', name: 'date', value: today });
  const labelsLink = newTabLink(`/api/v1/parcels/labels?date=${today}`, 'この日のラベルをまとめて開く（PDF）', { 'data-pdf': 'day-labels' });
  const b2Link = h('a', { href: `/api/v1/shipments/export/b2?date=${today}`, class: 'button button-secondary', download: '' }, 'ヤマト B2 CSV');
  dateInput.addEventListener('change', () => {
    const d = dateInput.value || today;
    labelsLink.href = `/api/v1/parcels/labels?date=${d}`;
    b2Link.href = `/api/v1/shipments/export/b2?date=${d}`;
  });
  const waiting = h('div', {}, h('p', { class: 'muted' }, '読み込み中…'));
  const onTheWay = h('div', {}, h('p', { class: 'muted' }, '読み込み中…'));
  const unconfirmed = h('div', {}, h('p', { class: 'muted' }, '読み込み中…'));

  main.append(
    h('div', { class: 'screen-head' }, heading('配送')),
    dispatchTabs('/dispatch'),
    flashNotice(ctx.flash) || '',
    h('div', { class: 'dispatch-tools' }, openForm, shipmentForm),
    section(
      'day-heading',
      `出荷日のラベル（${dayLabel(today)}）`,
      h('div', { class: 'form form-inline' }, h('div', { class: 'field' }, h('label', { for: 'labels-date' }, '出荷日'), dateInput), h('div', { class: 'form-actions' }, labelsLink, b2Link)),
    ),
    section('waiting-heading', '配送待ち（服薬指導済・調剤済）', waiting),
    section('shipped-heading', '本日までに発送した荷物（受取確認待ち）', onTheWay),
    section('unconfirmed-heading', '受取が確認できていない配送', unconfirmed),
  );

  const rxTable = (list, action) =>
    list.length
      ? h(
          'table',
          { class: 'data-table' },
          h('thead', {}, h('tr', {}, ['受付番号', '患者', '医療機関', '状態', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            list.map((rx) =>
              h(
                'tr',
                { 'data-id': rx.id },
                h('td', {}, h('a', { href: `/prescriptions/${rx.id}`, 'data-link': true }, `#${rx.id}`)),
                h('td', {}, rx.patient_name || '（未入力）'),
                h('td', {}, rx.institution_name || '—'),
                h('td', {}, rx.status_label || rx.status),
                h('td', {}, action(rx)),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '該当する処方箋はありません。');

  (async () => {
    try {
      const [ready, shipped, open] = await Promise.all([
        get('/api/v1/prescriptions?status=guided,dispensed&limit=100'),
        get('/api/v1/prescriptions?status=shipped&limit=100'),
        get('/api/v1/parcels/unconfirmed'),
      ]);
      if (!ctx.alive()) return;
      waiting.replaceChildren(rxTable(ready.prescriptions, (rx) => h('a', { href: `/dispatch/prescriptions/${rx.id}`, 'data-link': true, class: 'button button-small' }, '配送を計画')));
      onTheWay.replaceChildren(rxTable(shipped.prescriptions, (rx) => h('a', { href: `/prescriptions/${rx.id}`, 'data-link': true, class: 'button button-secondary button-small' }, '処方箋を開く')));
      unconfirmed.replaceChildren(
        open.parcels.length
          ? h(
              'table',
              { class: 'data-table' },
              h('thead', {}, h('tr', {}, ['荷物番号', '宛先', '状態', 'いつから', ''].map((t) => h('th', { scope: 'col' }, t)))),
              h(
                'tbody',
                {},
                open.parcels.map((p) =>
                  h(
                    'tr',
                    { 'data-parcel': p.parcel_number },
                    h('td', { class: 'parcel-number' }, p.parcel_number),
                    h('td', {}, p.destination?.name || '—'),
                    h('td', {}, custodyBadge(p.state)),
                    h('td', {}, formatTokyo(p.since)),
                    h(
                      'td',
                      {},
                      h('a', { href: '/dispatch/receipts', 'data-link': true, class: 'button button-small' }, '受取確認へ'),
                      ' ',
                      h('a', { href: `/dispatch/shipments/${p.shipment_id}`, 'data-link': true, class: 'button button-secondary button-small' }, '発送を開く'),
                    ),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, '受取確認を待っている配送はありません。'),
      );
    } catch (e) {
      if (ctx.alive()) waiting.replaceChildren(loadError(e));
    }
  })();
  return null;
}

// ---------------------------------------------------------------- plan

function planView(plan, chosen) {
  const parcels = plan.parcels || [];
  return h(
    'div',
    { class: 'plan', 'data-plan': 'true' },
    plan.refused ? h('div', { class: 'notice notice-error', role: 'alert', 'data-rule': plan.refused.rule_id }, `発送できません: ${plan.refused.reason}（規則 ${plan.refused.rule_id}）`) : null,
    h(
      'ol',
      { class: 'plan-parcels' },
      parcels.map((p) => {
        const allowedHere = chosen === 'carrier' ? p.allowed_methods.some((m) => m.startsWith('carrier_')) : p.allowed_methods.includes(chosen);
        return h(
          'li',
          { class: allowedHere ? 'plan-parcel' : 'plan-parcel plan-parcel-refused', 'data-parcel-seq': p.seq },
          h('h3', {}, `荷物 ${p.seq}：${kTemperatures[p.temperature] || p.temperature}`),
          h('ul', { class: 'plan-items' }, (p.items || []).map((i) => h('li', {}, `${i.name} ${i.amount}`, i.storage ? h('span', { class: 'badge' }, i.storage) : null))),
          h(
            'div',
            { class: 'plan-methods' },
            h('p', {}, '使える方法: '),
            h('ul', { class: 'method-list' }, p.allowed_methods.map((m) => h('li', { class: m === chosen ? 'method method-chosen' : 'method', 'data-allowed': m }, methodLabel(m)))),
          ),
          p.refused_methods.length
            ? h(
                'div',
                { class: 'plan-refusals' },
                h('p', {}, '使えない方法と理由:'),
                h('ul', {}, p.refused_methods.map((r) => h('li', { 'data-refused': r.method, 'data-rule': r.rule_id }, h('strong', {}, methodLabel(r.method)), `：${r.reason}`, h('span', { class: 'muted' }, `（${r.rule_id}）`)))),
              )
            : null,
          p.notes && p.notes.length ? h('ul', { class: 'plan-notes' }, p.notes.map((n) => h('li', { 'data-note': n.kind }, n.text))) : null,
        );
      }),
    ),
  );
}

export function renderPlan(main, ctx) {
  const id = Number(ctx.params.id);
  ctx.setTitle(`配送の計画（処方箋 #${id}）`);
  const facts = h('div', {});
  const result = h('div', { class: 'plan-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'button', class: 'button', 'data-action': 'create-shipment', disabled: true }, 'この内容で発送を登録');
  const form = h(
    'form',
    { class: 'form shipment-form', novalidate: true, 'aria-labelledby': 'plan-heading' },
    h(
      'fieldset',
      { class: 'field-group' },
      h('legend', {}, 'お届け先'),
      h(
        'div',
        { class: 'form-grid' },
        field('氏名', { name: 'name', autocomplete: 'off', maxlength: 100 }, { hint: '空欄なら処方箋の患者名' }),
        field('郵便番号', { name: 'postcode', autocomplete: 'off', maxlength: 10, inputmode: 'numeric' }),
        field('住所', { name: 'address', autocomplete: 'off', maxlength: 300 }),
        field('電話番号', { name: 'phone', autocomplete: 'off', maxlength: 20, inputmode: 'tel' }),
        field('国', { name: 'country', value: 'JP', autocomplete: 'off', maxlength: 40 }, { hint: '海外へは発送できません' }),
      ),
    ),
    h(
      'div',
      { class: 'form-grid' },
      field('配送方法', { name: 'preferred_method' }, { options: kMethods }),
      field('配達時間帯', { name: 'time_slot' }, { options: kTimeSlots }),
      field('代金引換（円・任意）', { name: 'cash_on_delivery', type: 'number', min: 0, max: 300000, step: 1, inputmode: 'numeric' }),
      field('出荷日', { name: 'ship_date', type: 'date', value: tokyoDate() }),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary', 'data-action': 'dry-run' }, '配送方法を確認（試算）'), submit),
  );
  main.append(
    h('div', { class: 'screen-head' }, heading(`配送の計画（処方箋 #${id}）`), h('a', { class: 'button button-secondary', href: '/dispatch', 'data-link': true }, '← 配送へ')),
    facts,
    section('plan-heading', '発送の内容', h('p', { class: 'hint' }, 'まず「配送方法を確認」で荷物ごとに使える方法と規則を確かめてから登録します。'), form, result),
  );

  let checked = null; // the body of the last successful dry run
  const key = idempotencyKey();

  function body() {
    const f = form.elements;
    const b = {
      prescription_id: id,
      destination: { name: f.name.value.trim(), postcode: f.postcode.value.trim(), address: f.address.value.trim(), phone: f.phone.value.trim(), country: f.country.value.trim() || 'JP' },
      preferred_method: f.preferred_method.value,
      time_slot: f.time_slot.value,
    };
    const cod = Number(f.cash_on_delivery.value || 0);
    if (cod > 0) b.cash_on_delivery = cod;
    if (f.ship_date.value) b.ship_date = f.ship_date.value;
    return b;
  }

  (async () => {
    try {
      const rx = await get(`/api/v1/prescriptions/${id}`);
      if (!ctx.alive()) return;
      if (!form.elements.name.value) form.elements.name.placeholder = rx.patient_name || '';
      facts.replaceChildren(
        h(
          'dl',
          { class: 'rx-facts' },
          h('div', {}, h('dt', {}, '患者'), h('dd', {}, rx.patient_name || '（未入力）')),
          h('div', {}, h('dt', {}, '状態'), h('dd', { 'data-status': rx.status }, rx.status_label || rx.status)),
          h('div', {}, h('dt', {}, '処方箋'), h('dd', {}, h('a', { href: `/prescriptions/${id}`, 'data-link': true }, `#${id} を開く`))),
        ),
        ['guided', 'dispensed'].includes(rx.status) ? '' : h('p', { class: 'notice notice-warning' }, `この処方箋は「${rx.status_label || rx.status}」です。発送の梱包は服薬指導の後に行います。`),
      );
    } catch (e) {
      if (ctx.alive()) facts.replaceChildren(loadError(e));
    }
  })();

  form.addEventListener('input', () => {
    if (checked && JSON.stringify(body()) !== checked) {
      submit.disabled = true;
      result.prepend(h('p', { class: 'hint', 'data-stale': true }, '内容が変わりました。もう一度「配送方法を確認」してください。'));
      checked = null;
    }
  });
  form.addEventListener('change', () => form.dispatchEvent(new Event('input')));

  function showFailure(e) {
    const plan = e.details?.plan;
    const name = e.field && form.querySelector(`.field[data-field="${CSS.escape(e.field)}"]`) ? e.field : null;
    result.replaceChildren(
      h('div', { class: 'notice notice-error', role: 'alert', 'data-error-code': e.code, 'data-rule': e.details?.error?.rule_id || null }, `${e.message}${e.details?.error?.rule_id ? `（規則 ${e.details.error.rule_id}）` : ''}`),
      plan ? planView(plan, body().preferred_method) : '',
    );
    if (name && e.field !== 'preferred_method' && e.field !== 'destination') showError(form, e.message, name);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    const b = body();
    const done = busy(form);
    try {
      const out = await post('/api/v1/shipments', { ...b, dry_run: true });
      if (!ctx.alive()) return;
      done();
      checked = JSON.stringify(b);
      submit.disabled = false;
      result.replaceChildren(h('p', { class: 'notice notice-success', role: 'status' }, `${methodLabel(b.preferred_method)}で発送できます（荷物 ${out.plan.parcels.length} 個）。`), planView(out.plan, b.preferred_method));
      announce('配送方法を確認しました');
    } catch (e) {
      if (!ctx.alive()) return;
      done();
      submit.disabled = true;
      showFailure(e);
    }
  });

  submit.addEventListener('click', async () => {
    if (!checked) return;
    const done = busy(form);
    submit.disabled = true;
    try {
      const out = await post('/api/v1/shipments', JSON.parse(checked), { headers: { 'Idempotency-Key': key } });
      if (!ctx.alive()) return;
      ctx.navigate(`/dispatch/shipments/${out.shipment.id}`, { flash: { kind: 'success', text: `発送 #${out.shipment.id} を登録しました（荷物 ${out.shipment.parcels.length} 個）。ラベルと同梱書類を印刷してください。` } });
    } catch (e) {
      if (!ctx.alive()) return;
      done();
      showFailure(e);
    }
  });
  return null;
}

// ---------------------------------------------------------------- a stored shipment

export function renderShipment(main, ctx) {
  const id = Number(ctx.params.id);
  ctx.setTitle(`発送 #${id}`);
  const body = h('div', {});
  main.append(
    h('div', { class: 'screen-head' }, heading(`発送 #${id}`), h('a', { class: 'button button-secondary', href: '/dispatch', 'data-link': true }, '← 配送へ')),
    flashNotice(ctx.flash) || '',
    body,
  );

  async function load(focus) {
    try {
      const s = await get(`/api/v1/shipments/${id}`);
      const statuses = await Promise.all(s.parcels.map((p) => get(`/api/v1/parcels/${p.id}`)));
      if (!ctx.alive()) return;
      show(s, statuses);
      if (focus) document.getElementById(focus)?.focus();
    } catch (e) {
      if (ctx.alive()) body.replaceChildren(loadError(e));
    }
  }

  function show(s, statuses) {
    const d = s.destination || {};
    const row = (dt, dd) => h('div', {}, h('dt', {}, dt), h('dd', {}, dd));
    const actionResult = h('div', {});
    body.replaceChildren(
      section(
        'shipment-heading',
        '発送の内容',
        h(
          'dl',
          { class: 'rx-facts' },
          row('処方箋', h('a', { href: `/prescriptions/${s.prescription_id}`, 'data-link': true }, `#${s.prescription_id}`)),
          row('方法', methodLabel(s.method)),
          row('出荷日', s.ship_date),
          row('時間帯', (kTimeSlots.find(([v]) => v === s.time_slot) || ['', s.time_slot])[1]),
          s.cash_on_delivery ? row('代金引換', `${s.cash_on_delivery.toLocaleString('ja-JP')} 円`) : null,
          row('お届け先', `${d.name || ''} 〒${d.postcode || ''} ${d.address || ''} ${d.phone || ''}`),
        ),
      ),
      section(
        'print-heading',
        '印刷',
        h(
          'div',
          { class: 'form-actions print-links' },
          newTabLink(`/api/v1/shipments/${id}/labels?format=a6`, 'ラベル（A6）を開く', { 'data-pdf': 'labels' }),
          newTabLink(`/api/v1/shipments/${id}/labels?format=roll62`, 'ラベル（62mm ロール）を開く', { 'data-pdf': 'labels-roll' }),
          newTabLink(`/api/v1/shipments/${id}/handling-note`, '同梱書類を開く', { 'data-pdf': 'handling-note' }),
        ),
        h('p', { class: 'hint' }, 'PDF が新しいタブで開きます。ブラウザーの印刷でラベルプリンターを選んでください。ラベルに薬の名前は印刷されません。'),
      ),
      section(
        'parcels-heading',
        '荷物',
        h(
          'table',
          { class: 'data-table parcel-table' },
          h('thead', {}, h('tr', {}, ['荷物番号', '方法', '温度', '表示', '受渡しの条件', '状態', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            statuses.map((st) => {
              const p = st.parcel;
              const state = st.custody.state;
              // One custody step per button: packing, then (by carrier) the hand-over to the carrier.
              const eventButton = (kind, action, label, doneText, what) =>
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button button-small',
                    'data-action': action,
                    'aria-label': `荷物 ${p.parcel_number} を${label}`,
                    onclick: async (event) => {
                      event.target.disabled = true;
                      try {
                        await post(`/api/v1/parcels/${p.id}/events`, { kind });
                        announce(`荷物 ${p.parcel_number} を${doneText}`);
                        await load('parcels-heading');
                      } catch (e) {
                        event.target.disabled = false;
                        actionResult.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert', 'data-error-code': e.code }, `${what}を記録できませんでした: ${e.message}`));
                      }
                    },
                  },
                  label,
                );
              let pack = null;
              if (state === 'not_packed') {
                pack = eventButton('packed', 'pack', '梱包済にする', '梱包済にしました', '梱包');
              } else if (state === 'packed' && isCarrierMethod(p.method) && !st.custody.awaiting_pharmacist_decision && !st.custody.withdrawn) {
                pack = eventButton('handed_to_carrier', 'hand-to-carrier', '配送業者へ引き渡す', '配送業者へ引き渡しました', '配送業者への引渡し');
              }
              const requires = [p.requires?.signature ? '署名' : null, p.requires?.identity_check ? '本人確認' : null].filter(Boolean).join('・') || '—';
              return h(
                'tr',
                { 'data-parcel': p.parcel_number, 'data-parcel-id': p.id },
                h('td', { class: 'parcel-number' }, p.parcel_number),
                h('td', {}, methodLabel(p.method)),
                h('td', {}, kTemperatures[p.temperature] || p.temperature),
                h('td', {}, marksList(p.marks) || '—'),
                h('td', {}, requires),
                h(
                  'td',
                  {},
                  custodyBadge(state),
                  st.custody.receipt_confirmed ? h('span', { class: 'badge' }, '受取確認済') : null,
                  st.custody.awaiting_pharmacist_decision ? h('span', { class: 'badge badge-alert', 'data-excursion': 'pending' }, '温度逸脱・判断待ち') : null,
                  st.custody.withdrawn && state !== 'withdrawn' ? h('span', { class: 'badge badge-alert', 'data-excursion': 'withdrawn' }, '出荷中止') : null,
                ),
                h('td', {}, pack),
              );
            }),
          ),
        ),
        actionResult,
      ),
      // Either section may be absent (null): replaceChildren would print it as text.
      ...[decisionSection(statuses), receiptsSection(statuses)].filter(Boolean),
    );
  }

  // A temperature excursion stops the parcel until a pharmacist decides: release it (the
  // medicine is still fit to use) or withdraw it (it is not sent; the pharmacy dispenses again).
  function decisionSection(statuses) {
    const waiting = statuses.filter((st) => st.custody.awaiting_pharmacist_decision);
    if (!waiting.length) return null;
    const pharmacist = ctx.user.role === 'pharmacist';
    return section(
      'decision-heading',
      '温度逸脱の判断',
      h('p', { class: 'notice notice-error', role: 'alert' }, '保管温度を外れた記録があります。薬剤師が判断するまで、引き渡しも配達もできません。'),
      waiting.map((st) => {
        const x = st.custody.excursion || {};
        const base = `decision-${st.parcel.id}`;
        const card = h(
          'div',
          { class: 'receipt-card decision-card', 'data-parcel': st.parcel.parcel_number },
          h('h3', {}, '荷物 ', h('span', { class: 'parcel-number' }, st.parcel.parcel_number), `（${kTemperatures[st.parcel.temperature] || st.parcel.temperature}）`),
          h(
            'dl',
            { class: 'rx-facts' },
            h('div', {}, h('dt', {}, '最初の逸脱'), h('dd', {}, x.first_at ? formatTokyo(x.first_at) : '—')),
            h('div', {}, h('dt', {}, '最も外れた温度'), h('dd', { 'data-worst': x.worst_celsius ?? '' }, x.worst_celsius !== undefined ? `${x.worst_celsius} ℃` : '—')),
            h('div', {}, h('dt', {}, '範囲外の記録'), h('dd', {}, `${x.readings_outside ?? 0} 件`)),
          ),
        );
        if (!pharmacist) {
          card.append(h('p', { class: 'muted' }, '判断は薬剤師が行います。'));
          return card;
        }
        const form = h(
          'form',
          { class: 'form decision-form', novalidate: true, 'aria-label': `荷物 ${st.parcel.parcel_number} の温度逸脱の判断` },
          h(
            'fieldset',
            { class: 'field', 'data-field': 'decision' },
            h('legend', {}, '判断'),
            h(
              'div',
              { class: 'choices receipt-methods' },
              [
                ['release', '品質に問題なし：出荷してよい'],
                ['withdraw', '出荷を中止する（回収）'],
              ].map(([value, label]) => h('label', { class: 'choice', for: `${base}-${value}` }, h('input', { type: 'radio', id: `${base}-${value}`, name: 'decision', value }), ` ${label}`)),
            ),
            h('p', { class: 'field-error', hidden: true, id: `${base}-decision-error` }),
          ),
          h(
            'div',
            { class: 'field', 'data-field': 'note' },
            h('label', { for: `${base}-note` }, '判断の理由（必須）'),
            h('textarea', { id: `${base}-note`, name: 'note', rows: 2, maxlength: 1000 }),
            h('p', { class: 'field-error', hidden: true, id: `${base}-note-error` }),
          ),
          h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'decide' }, '判断を記録')),
        );
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          clearErrors(form);
          const decision = form.querySelector('input[name="decision"]:checked')?.value;
          const note = form.elements.note.value.trim();
          if (!decision) return showError(form, '判断を選んでください', 'decision');
          if (!note) return showError(form, '判断の理由を入力してください', 'note');
          const done = busy(form);
          try {
            await post(`/api/v1/parcels/${st.parcel.id}/decision`, { decision, note });
            if (!ctx.alive()) return;
            announce(decision === 'release' ? `荷物 ${st.parcel.parcel_number} を出荷可としました` : `荷物 ${st.parcel.parcel_number} の出荷を中止しました`);
            load('parcels-heading');
          } catch (e) {
            done();
            showError(form, e.message, e.field === 'decision' || e.field === 'note' ? e.field : null);
          }
        });
        card.append(form);
        return card;
      }),
    );
  }

  // Parcels with the carrier (or delivered by it) whose receipt is not confirmed yet: the
  // pharmacy records how it learnt that the patient has them.
  function receiptsSection(statuses) {
    const waiting = statuses.filter(
      (st) => isCarrierMethod(st.parcel.method) && ['handed_to_carrier', 'delivered'].includes(st.custody.state) && !st.custody.receipt_confirmed,
    );
    if (!waiting.length) return null;
    return section(
      'receipt-heading',
      '受取確認',
      h('p', { class: 'hint' }, '配送業者に引き渡した荷物です。患者さんが受け取ったことを確認したら、確認した方法を記録してください。'),
      waiting.map((st) =>
        h(
          'div',
          { class: 'receipt-card', 'data-parcel': st.parcel.parcel_number },
          h('h3', {}, '荷物 ', h('span', { class: 'parcel-number' }, st.parcel.parcel_number)),
          receiptForm(st.parcel, () => {
            if (!ctx.alive()) return;
            announce(`荷物 ${st.parcel.parcel_number} の受取確認を記録しました`);
            load('parcels-heading');
          }),
        ),
      ),
    );
  }

  load();
  return null;
}
