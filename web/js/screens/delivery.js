// 配達 (phone layout for delivery staff): type a parcel number, or scan the label with a
// barcode scanner that types into the same field and presses Enter; see the destination,
// marks and what the hand-over needs (never what is inside); record the pickup, the delivery
// with the recipient's name, identity check and a signature drawn on a <canvas> (pointer
// events: finger, pen or mouse), or a failed attempt with its reason.
import { get, post } from '../api.js';
import { announce, busy, clearErrors, field, formatTokyo, h, showError } from '../dom.js';
import { flashNotice, heading } from './common.js';
import { custodyBadge, marksList } from './dispatch.js';

const kIdentityChecks = [
  ['my_number_card', 'マイナンバーカード'],
  ['driver_licence', '運転免許証'],
  ['passport', 'パスポート'],
  ['insurance_card', '保険証'],
  ['other', 'その他'],
  ['none', '確認していない'],
];
const kFailureReasons = ['不在', '受取拒否', '住所不明', '本人確認ができない', 'その他'];
const kEventLabels = {
  packed: '梱包',
  handed_to_carrier: '配送業者へ引渡し',
  out_with_staff: '持ち出し（配達に出発）',
  delivered: '受渡し',
  failed: '配達できず',
  returned_to_pharmacy: '薬局へ返送',
  receipt_confirmed: '受取確認',
  temperature_reading: '温度記録',
  pharmacist_decision: '薬剤師の判断',
};

/** A signature pad: draws with pointer events, `empty()` until something is drawn, `png()` as a data URL. */
export function signaturePad(label) {
  const canvas = h('canvas', { class: 'signature-canvas', role: 'img', 'aria-label': label, 'data-signature': 'pad' });
  let ink = false;
  let last = null;
  const ctx2d = () => canvas.getContext('2d');
  // The bitmap follows the displayed size (and the screen's pixel ratio) so lines stay sharp.
  const fit = () => {
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const hgt = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width === w && canvas.height === hgt) return;
    canvas.width = w;
    canvas.height = hgt;
    clear();
  };
  const clear = () => {
    const c = ctx2d();
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, canvas.width, canvas.height);
    ink = false;
    canvas.dataset.ink = 'false';
  };
  const point = (event) => {
    const r = canvas.getBoundingClientRect();
    return { x: ((event.clientX - r.left) * canvas.width) / r.width, y: ((event.clientY - r.top) * canvas.height) / r.height };
  };
  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    fit();
    canvas.setPointerCapture(event.pointerId);
    last = point(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!last) return;
    event.preventDefault();
    const p = point(event);
    const c = ctx2d();
    c.strokeStyle = '#111111';
    c.lineWidth = Math.max(2, 3 * (window.devicePixelRatio || 1));
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(last.x, last.y);
    c.lineTo(p.x, p.y);
    c.stroke();
    last = p;
    ink = true;
    canvas.dataset.ink = 'true';
  });
  const end = () => {
    last = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  const clearButton = h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'clear-signature', onclick: () => clear() }, '書き直す');
  const element = h('div', { class: 'signature' }, canvas, h('div', { class: 'signature-actions' }, h('span', { class: 'hint' }, '枠の中に指で署名してください'), clearButton));
  return {
    element,
    fit,
    empty: () => !ink,
    png: () => canvas.toDataURL('image/png'),
    clear,
  };
}

export function render(main, ctx) {
  ctx.setTitle('配達');
  document.body.classList.add('phone-layout');
  ctx.onLeave(() => document.body.classList.remove('phone-layout'));

  const lookup = h(
    'form',
    { class: 'form delivery-lookup', novalidate: true, 'aria-label': '荷物番号で探す' },
    h(
      'div',
      { class: 'field', 'data-field': 'number' },
      h('label', { for: 'parcel-number' }, '荷物番号（12桁）'),
      h('p', { class: 'hint', id: 'parcel-number-hint' }, 'ラベルのバーコードを読み取るか、数字を入力してください'),
      h('input', {
        type: 'text',
        id: 'parcel-number',
        name: 'number',
        inputmode: 'numeric',
        autocomplete: 'off',
        autocapitalize: 'off',
        spellcheck: 'false',
        enterkeyhint: 'search',
        maxlength: 40,
        class: 'input-big',
        'aria-describedby': 'parcel-number-hint',
      }),
      h('p', { class: 'field-error', hidden: true, id: 'parcel-number-error' }),
    ),
    h('button', { type: 'submit', class: 'button button-wide button-big' }, '荷物を表示'),
  );
  const card = h('div', { class: 'parcel-card', 'aria-live': 'polite' });
  main.append(heading('配達'), flashNotice(ctx.flash) || '', lookup, card);

  let current = null;

  async function show(number, { announceText, focus = true } = {}) {
    const status = await get(`/api/v1/parcels/by-number/${encodeURIComponent(number)}`);
    if (!ctx.alive()) return;
    current = status;
    card.replaceChildren(...parcelCard(status).filter(Boolean));
    if (announceText) announce(announceText);
    if (focus) document.getElementById('parcel-heading')?.focus();
  }

  lookup.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(lookup);
    // Scanners may add spaces or a prefix; the number is the 12 digits.
    const digits = lookup.elements.number.value.replace(/\D/g, '');
    if (digits.length !== 12) return showError(lookup, '荷物番号は12桁の数字です', 'number');
    lookup.elements.number.value = digits;
    const done = busy(lookup);
    try {
      await show(digits);
    } catch (e) {
      if (!ctx.alive()) return;
      card.replaceChildren();
      showError(lookup, e.status === 404 ? 'この番号の荷物は見つかりません' : e.message, 'number');
    } finally {
      done();
    }
  });

  async function record(kind, body, form, okText) {
    clearErrors(form);
    const done = busy(form);
    try {
      await post(`/api/v1/parcels/${current.parcel.id}/events`, { kind, ...body });
      if (!ctx.alive()) return;
      await show(current.parcel.parcel_number, { announceText: okText });
      card.prepend(h('div', { class: 'notice notice-success', role: 'status', 'data-done': kind }, okText));
    } catch (e) {
      if (!ctx.alive()) return;
      done();
      const fieldName = { identity_check_required: 'identity_check', signature_required: 'signature', recipient_required: 'recipient_name', reason_required: 'reason' }[e.code] || e.field;
      showError(form, e.message, fieldName && form.querySelector(`.field[data-field="${fieldName}"]`) ? fieldName : null);
    }
  }

  function parcelCard(s) {
    const p = s.parcel;
    const d = s.destination || {};
    const state = s.custody.state;
    const parts = [
      h('h2', { id: 'parcel-heading', tabindex: '-1' }, `荷物 ${p.parcel_number}`),
      h(
        'dl',
        { class: 'parcel-facts' },
        h('div', {}, h('dt', {}, '状態'), h('dd', {}, custodyBadge(state))),
        h('div', {}, h('dt', {}, 'お届け先'), h('dd', { class: 'parcel-dest' }, h('strong', {}, `${d.name || ''} 様`), h('br'), `〒${d.postcode || ''} ${d.address || ''}`)),
        d.phone ? h('div', {}, h('dt', {}, '電話'), h('dd', {}, h('a', { href: `tel:${d.phone}`, class: 'tel-link' }, d.phone))) : null,
        s.time_slot ? h('div', {}, h('dt', {}, '時間帯'), h('dd', {}, s.time_slot.replace(/^(\d\d)(\d\d)$/, '$1〜$2時'))) : null,
        s.cash_on_delivery ? h('div', {}, h('dt', {}, '代金引換'), h('dd', { class: 'cod' }, `${Number(s.cash_on_delivery).toLocaleString('ja-JP')} 円を受け取る`)) : null,
        h('div', {}, h('dt', {}, '受渡し'), h('dd', {}, [p.requires?.signature ? '署名が必要' : '署名は任意', p.requires?.identity_check ? '本人確認が必要' : null].filter(Boolean).join('・'))),
      ),
      marksList(p.marks),
    ];
    if (s.custody.awaiting_pharmacist_decision) parts.push(h('p', { class: 'notice notice-error', role: 'alert' }, '温度の逸脱があり、薬剤師の判断を待っています。受け渡さないでください。'));
    if (state === 'packed') parts.push(pickupForm());
    else if (state === 'out_with_staff') parts.push(deliveryForm(p), failureForm());
    else if (state === 'failed') parts.push(h('p', { class: 'notice notice-warning', 'data-next': 'return' }, '配達できませんでした。荷物を薬局へ持ち帰ったら記録してください。'), returnForm());
    else if (state === 'returned_to_pharmacy') parts.push(h('p', { class: 'notice notice-info', 'data-next': 'pharmacy' }, '薬局へ持ち帰りました。荷物は薬局に渡し、再配達は薬局で手配します。'));
    else if (state === 'not_packed') parts.push(h('p', { class: 'notice notice-warning' }, 'まだ梱包されていません。薬局で梱包を記録してから持ち出してください。'));
    const events = s.custody.events || [];
    if (events.length)
      parts.push(
        h('details', { class: 'parcel-events' }, h('summary', {}, `記録 ${events.length} 件`), h('ol', {}, events.map((e) => h('li', {}, `${formatTokyo(e.at)} ${kEventLabels[e.kind] || e.kind}`)))),
      );
    return parts;
  }

  function pickupForm() {
    const form = h('form', { class: 'form delivery-action', novalidate: true, 'aria-label': '持ち出し' }, h('button', { type: 'submit', class: 'button button-wide button-big', 'data-action': 'pickup' }, '持ち出しを記録（配達に出発）'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      record('out_with_staff', {}, form, '持ち出しを記録しました');
    });
    return form;
  }

  function deliveryForm(p) {
    const pad = signaturePad('受取人の署名欄');
    const form = h(
      'form',
      { class: 'form delivery-action', novalidate: true, 'aria-labelledby': 'deliver-heading' },
      h('h3', { id: 'deliver-heading' }, '受け渡し'),
      field('受け取った人の氏名', { name: 'recipient_name', autocomplete: 'off', maxlength: 100, class: 'input-big' }),
      field(`本人確認の方法${p.requires?.identity_check ? '（必須）' : ''}`, { name: 'identity_check', class: 'input-big' }, { options: p.requires?.identity_check ? kIdentityChecks.filter(([v]) => v !== 'none') : kIdentityChecks }),
      h('div', { class: 'field', 'data-field': 'signature' }, h('span', { class: 'field-label', id: 'signature-label' }, `署名${p.requires?.signature ? '（必須）' : '（任意）'}`), pad.element, h('input', { type: 'hidden', name: 'signature' }), h('p', { class: 'field-error', hidden: true, id: 'signature-error' })),
      h('button', { type: 'submit', class: 'button button-wide button-big', 'data-action': 'deliver' }, '受け渡しを記録'),
    );
    requestAnimationFrame(() => pad.fit());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      const name = form.elements.recipient_name.value.trim();
      if (!name) return showError(form, '受け取った人の氏名を入力してください', 'recipient_name');
      if (p.requires?.signature && pad.empty()) {
        showError(form, '受取人に署名してもらってください');
        form.querySelector('.signature-canvas').scrollIntoView({ block: 'center' });
        return;
      }
      const body = { recipient_name: name, identity_check: form.elements.identity_check.value };
      if (!pad.empty()) body.signature = pad.png();
      record('delivered', body, form, '受け渡しを記録しました');
    });
    return form;
  }

  function failureForm() {
    const form = h(
      'form',
      { class: 'form delivery-action delivery-failure', novalidate: true, 'aria-labelledby': 'fail-heading' },
      h('h3', { id: 'fail-heading' }, '配達できなかった'),
      h('div', { class: 'field', 'data-field': 'reason' }, h('label', { for: 'fail-reason' }, '理由'), h('select', { id: 'fail-reason', name: 'reason', class: 'input-big' }, h('option', { value: '' }, '選んでください'), kFailureReasons.map((r) => h('option', { value: r }, r))), h('p', { class: 'field-error', hidden: true, id: 'fail-reason-error' })),
      field('メモ（「その他」のときは必須）', { name: 'note', autocomplete: 'off', maxlength: 1000, class: 'input-big' }),
      h('button', { type: 'submit', class: 'button button-danger button-wide button-big', 'data-action': 'fail' }, '配達できなかったことを記録'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      const reason = form.elements.reason.value;
      const note = form.elements.note.value.trim();
      if (!reason) return showError(form, '理由を選んでください', 'reason');
      if (reason === 'その他' && !note) return showError(form, 'その他の理由をメモに書いてください', 'note');
      record('failed', { reason: reason === 'その他' ? note : reason, note }, form, '配達できなかったことを記録しました');
    });
    return form;
  }

  function returnForm() {
    const form = h('form', { class: 'form delivery-action', novalidate: true, 'aria-label': '薬局へ返送' }, h('button', { type: 'submit', class: 'button button-secondary button-wide button-big', 'data-action': 'return' }, '薬局へ持ち帰ったことを記録'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      record('returned', {}, form, '薬局へ持ち帰ったことを記録しました');
    });
    return form;
  }

  lookup.elements.number.focus();
  return lookup.elements.number;
}
