// 原本照合: one prescription's faxed (or sent) copy and its original side by side, each in its
// own page viewer; recording the original's arrival (a scan, or "arrived without a scan");
// the differences the server found (or the pharmacist's comparison by eye when the original's
// QR could not be read), each with its path, label, fax value and original value; and the
// inquiry to the prescriber (疑義照会): who called, when, the clinic's answer, the resolution.
import { get, post } from '../api.js';
import { announce, busy, clearErrors, formatTokyo, h, nextId, showError } from '../dom.js';
import { heading, loadError, section } from './common.js';
import { pageViewer } from './pageViewer.js';
import { statusBadge } from './rx.js';

const kMaxBytes = 20 * 1024 * 1024;
const kTypes = ['image/png', 'image/jpeg', 'image/tiff', 'application/pdf'];
const kMethods = { qr: 'QR コードで自動照合', manual: '目視で照合', no_scan: 'スキャンなし' };
const kReasons = { original_mismatch: '原本の内容が FAX（送信された写し）と異なる' };
const kKinds = { changed: '相違', only_on_fax: 'FAX のみ', only_in_original: '原本のみ' };

/** datetime-local value (Tokyo) for now. */
function nowLocal() {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date());
  return parts.replace(' ', 'T');
}

function textField(label, name, attrs = {}, hint = null) {
  const id = nextId(name);
  const control = attrs.rows ? h('textarea', { id, name, maxlength: 2000, ...attrs }) : h('input', { type: 'text', id, name, autocomplete: 'off', ...attrs });
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, label), hint ? h('p', { class: 'hint' }, hint) : null, control, h('p', { class: 'field-error', hidden: true }));
}

export function render(main, ctx) {
  const id = Number(ctx.params.id);
  const role = ctx.user.role;
  ctx.setTitle(`原本照合 #${id}`);
  const titleEl = heading(`原本照合 #${id}`);
  const facts = h('div', { class: 'rx-summary' });
  const pagesArea = h('div', { class: 'reconcile-pages' });
  const work = h('div', { class: 'reconcile-work' });
  main.append(
    h(
      'div',
      { class: 'screen-head' },
      titleEl,
      h('div', { class: 'actions' }, h('a', { class: 'button button-secondary', href: '/originals', 'data-link': true }, '← 原本管理へ'), h('a', { class: 'button button-secondary', href: `/prescriptions/${id}`, 'data-link': true }, '処方箋の詳細')),
    ),
    ctx.flash ? h('div', { class: `notice notice-${ctx.flash.kind}`, role: 'status' }, ctx.flash.text) : '',
    facts,
    pagesArea,
    work,
  );

  let view = null;
  let viewers = [];
  let pagesKey = '';
  ctx.onLeave(() => viewers.forEach((v) => v.stop()));

  async function load({ focus } = {}) {
    try {
      const fresh = await get(`/api/v1/prescriptions/${id}/original`);
      if (!ctx.alive()) return;
      show(fresh, focus);
    } catch (e) {
      if (!ctx.alive()) return;
      work.replaceChildren(e.status === 404 ? h('div', { class: 'notice notice-error', role: 'alert' }, 'この処方箋は見つかりません。') : loadError(e));
    }
  }

  function changed(fresh, message, focus) {
    announce(message);
    show(fresh, focus);
  }

  function errorBox(e, what) {
    const box = h('div', { class: 'notice notice-error', role: 'alert', tabindex: '-1', 'data-error-code': e.code }, `${what}できませんでした: ${e.message}`);
    if (e.status === 409)
      box.append(' ', h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'reload', onclick: () => load() }, '最新の内容を読み込む'));
    return box;
  }

  function show(fresh, focus) {
    view = fresh;
    const rx = view.prescription || {};
    titleEl.textContent = `原本照合 #${id}${rx.patient_name ? `　${rx.patient_name}` : ''}`;
    const state = view.original_state || 'none';
    facts.replaceChildren(
      h(
        'dl',
        { class: 'rx-facts' },
        h('div', {}, h('dt', {}, '原本'), h('dd', {}, h('span', { class: `original-state original-${state}`, 'data-original-state': state }, view.original_state_label || '対象外'))),
        h('div', {}, h('dt', {}, '処方箋の状態'), h('dd', {}, statusBadge(rx))),
        h('div', {}, h('dt', {}, '経路'), h('dd', {}, rx.channel_label || '')),
        h('div', {}, h('dt', {}, '医療機関'), h('dd', {}, rx.institution_name || rx.institution_code || '不明')),
        h('div', {}, h('dt', {}, '受付'), h('dd', {}, formatTokyo(rx.received_at))),
        h('div', {}, h('dt', {}, '版'), h('dd', { 'data-version': view.version }, String(view.version))),
      ),
    );
    renderPages(rx.pages || []);
    const parts = [];
    if (state === 'awaiting') parts.push(arrivalSection());
    parts.push(comparisonSection());
    parts.push(inquirySection());
    work.replaceChildren(...parts);
    if (focus) document.getElementById(focus)?.focus();
  }

  // ------------------------------------------------------------ the two copies

  function renderPages(pages) {
    const copy = pages.filter((p) => p.kind !== 'original');
    const original = pages.filter((p) => p.kind === 'original');
    // The empty original pane's text depends on the state, so the state is part of the key.
    const key = `${view.original_state}|${pages.map((p) => p.image_url).join('|')}`;
    if (key === pagesKey && viewers.length) return;
    pagesKey = key;
    viewers.forEach((v) => v.stop());
    viewers = [];
    const pane = (headingId, title, list, emptyText, which) => {
      if (!list.length) return section(headingId, title, h('p', { class: 'muted page-empty', 'data-pane': which }, emptyText));
      const v = pageViewer(list);
      viewers.push(v);
      // Two viewers on one screen: give the second its own id for the key help it points to.
      const help = v.element.querySelector('#page-keys');
      if (help) {
        help.id = `page-keys-${which}`;
        v.element.querySelector('.page-stage').setAttribute('aria-describedby', help.id);
      }
      const s = section(headingId, title, v.element);
      s.dataset.pane = which;
      return s;
    };
    pagesArea.replaceChildren(
      pane('copy-heading', 'FAX・送信された写し', copy, 'FAX・送信画像はありません（医療機関連携のデータのみ）。', 'copy'),
      pane(
        'original-heading',
        '原本',
        original,
        view.original_state === 'awaiting' ? '原本はまだ届いていません。' : '原本の画像はありません（スキャンせずに到着を記録）。',
        'original',
      ),
    );
  }

  // ------------------------------------------------------------ arrival

  function arrivalSection() {
    const result = h('div', {});
    const fileId = 'original-scan';
    const scanForm = h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': '原本のスキャンを記録' },
      h(
        'div',
        { class: 'field', 'data-field': 'file' },
        h('label', { for: fileId }, '原本のスキャン画像'),
        h('p', { class: 'hint', id: `${fileId}-hint` }, 'PNG・JPEG・TIFF・PDF、20 MB まで。QR コードを読み取れれば FAX の内容と項目ごとに照合します。'),
        h('input', { type: 'file', id: fileId, name: 'file', accept: 'image/*,application/pdf', 'aria-describedby': `${fileId}-hint` }),
        h('p', { class: 'field-error', hidden: true }),
      ),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'record-scan' }, 'スキャンを記録して照合')),
    );
    scanForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(scanForm);
      result.replaceChildren();
      const file = scanForm.elements.file.files[0];
      if (!file) return showError(scanForm, '画像ファイルを選んでください', 'file');
      if (file.size > kMaxBytes) return showError(scanForm, 'ファイルが大きすぎます（20 MB まで）', 'file');
      const type = kTypes.includes(file.type) ? file.type : /\.tiff?$/i.test(file.name) ? 'image/tiff' : /\.pdf$/i.test(file.name) ? 'application/pdf' : null;
      if (!type) return showError(scanForm, 'PNG・JPEG・TIFF・PDF のいずれかを選んでください', 'file');
      const done = busy(scanForm);
      try {
        const fresh = await post(`/api/v1/prescriptions/${id}/original?version=${view.version}`, new Blob([file], { type }));
        if (!ctx.alive()) return;
        changed(fresh, `原本を記録しました: ${fresh.original_state_label}`, 'comparison-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        if (e.field === 'file') showError(scanForm, e.message, 'file');
        else {
          result.replaceChildren(errorBox(e, '原本の記録'));
          result.firstChild.focus();
        }
      }
    });

    const noScanForm = h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': 'スキャンせずに到着を記録' },
      textField('メモ（任意）', 'note', { maxlength: 2000 }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary', 'data-action': 'record-without-scan' }, 'スキャンせずに到着を記録')),
    );
    noScanForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      result.replaceChildren();
      const done = busy(noScanForm);
      try {
        const fresh = await post(`/api/v1/prescriptions/${id}/original`, { version: view.version, arrived_without_scan: true, note: noScanForm.elements.note.value.trim() });
        if (!ctx.alive()) return;
        changed(fresh, `原本の到着を記録しました: ${fresh.original_state_label}`, 'comparison-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        result.replaceChildren(errorBox(e, '到着の記録'));
        result.firstChild.focus();
      }
    });
    return section('arrival-heading', '原本の到着を記録', h('div', { class: 'arrival-forms' }, scanForm, noScanForm), result);
  }

  // ------------------------------------------------------------ comparison

  function differencesTable(list) {
    if (!list.length) return h('p', { class: 'muted', 'data-differences': '0' }, '相違点はありません。');
    return h(
      'div',
      { class: 'table-area' },
      h(
        'table',
        { class: 'data-table diff-table', 'data-differences': String(list.length) },
        h('caption', { class: 'visually-hidden' }, 'FAX と原本の相違点'),
        h('thead', {}, h('tr', {}, ['項目', 'FAX の値', '原本の値', '種別'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          list.map((d) =>
            h(
              'tr',
              { class: 'diff-row', 'data-path': d.path || '' },
              h('th', { scope: 'row' }, d.label, d.path && d.path !== 'manual' ? h('span', { class: 'diff-path' }, d.path) : null),
              h('td', { class: 'diff-fax' }, d.fax_value || h('span', { class: 'muted' }, '（なし）')),
              h('td', { class: 'diff-original' }, d.original_value || h('span', { class: 'muted' }, '（なし）')),
              h('td', {}, h('span', { class: 'marker marker-diff' }, h('span', { 'aria-hidden': 'true' }, '≠ '), kKinds[d.kind] || '相違')),
            ),
          ),
        ),
      ),
    );
  }

  function comparisonSection() {
    const r = view.reconciliation;
    const parts = [];
    if (view.needs_manual_comparison)
      parts.push(
        h(
          'div',
          { class: 'notice notice-warning', 'data-notice': 'manual-comparison' },
          '原本の QR コードを読み取れませんでした（読み取り不可）。FAX と原本の画像を見比べて、目視で照合してください。',
        ),
      );
    if (r) {
      parts.push(
        h(
          'dl',
          { class: 'rx-dl' },
          h('div', {}, h('dt', {}, '方法'), h('dd', {}, kMethods[r.method] || r.method)),
          h('div', {}, h('dt', {}, '日時'), h('dd', {}, formatTokyo(r.at))),
          h('div', {}, h('dt', {}, 'QR'), h('dd', { 'data-readable': String(r.readable) }, !r.readable && r.method !== 'no_scan' ? '読み取り不可' : r.method === 'qr' ? '読み取り済' : r.method === 'manual' ? '―（目視で照合）' : '―')),
          h('div', {}, h('dt', {}, '結果'), h('dd', {}, r.matched ? '一致' : ['matched', 'mismatched', 'resolved'].includes(view.original_state) ? '不一致' : '未照合')),
          r.note ? h('div', {}, h('dt', {}, 'メモ'), h('dd', {}, r.note)) : null,
        ),
        differencesTable(r.differences || []),
      );
    } else if (view.original_state === 'awaiting') {
      parts.push(h('p', { class: 'muted' }, '原本が届いたら、ここに照合結果が表示されます。'));
    }
    if (view.original_state === 'arrived') parts.push(manualForm());
    return section('comparison-heading', '照合結果', ...parts);
  }

  function manualForm() {
    if (role !== 'pharmacist') return h('p', { class: 'hint' }, '目視の照合は薬剤師が行います。');
    const rows = h('div', { class: 'diff-inputs' });
    const addRow = () => {
      const n = rows.children.length;
      const row = h(
        'fieldset',
        { class: 'diff-input' },
        h('legend', {}, `相違 ${n + 1}`),
        h('div', { class: 'grid-3' }, textField('項目', `differences[${n}].label`, { maxlength: 200 }), textField('FAX の値', `differences[${n}].fax_value`, { maxlength: 1000 }), textField('原本の値', `differences[${n}].original_value`, { maxlength: 1000 })),
      );
      rows.append(row);
      row.querySelector('input').focus();
    };
    const matchedId = nextId('matched');
    const form = h(
      'form',
      { class: 'form manual-comparison', novalidate: true, 'aria-label': '目視の照合結果' },
      h('h3', {}, '目視の照合結果を記録'),
      h(
        'fieldset',
        { class: 'field', 'data-field': 'matched' },
        h('legend', {}, '結果'),
        h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'matched', value: 'true', id: matchedId }), ' 一致（FAX と同じ内容）'),
        h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'matched', value: 'false' }), ' 相違あり（疑義照会を開始）'),
        h('p', { class: 'field-error', hidden: true }),
      ),
      rows,
      h('p', {}, h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'add-difference', onclick: addRow }, '＋ 相違を追加')),
      textField('メモ', 'note', { rows: 2 }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'save-comparison' }, '照合結果を記録')),
    );
    form.addEventListener('change', (event) => {
      if (event.target.name === 'matched' && event.target.value === 'false' && rows.children.length === 0) addRow();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const choice = form.querySelector('input[name="matched"]:checked');
      if (!choice) return showError(form, '一致か相違ありかを選んでください', 'matched');
      const matched = choice.value === 'true';
      const differences = [...rows.children]
        .map((_, i) => ({
          label: form.elements[`differences[${i}].label`].value.trim(),
          fax_value: form.elements[`differences[${i}].fax_value`].value.trim(),
          original_value: form.elements[`differences[${i}].original_value`].value.trim(),
        }))
        .filter((d) => d.label || d.fax_value || d.original_value);
      if (!matched) {
        if (!differences.length) return showError(form, '相違点を 1 件以上入力してください', 'differences[0].label');
        const missing = differences.findIndex((d) => !d.label);
        if (missing >= 0) return showError(form, '項目名を入力してください', `differences[${missing}].label`);
      }
      const done = busy(form);
      try {
        const fresh = await post(`/api/v1/prescriptions/${id}/original/comparison`, { version: view.version, matched, note: form.elements.note.value.trim(), differences: matched ? [] : differences });
        if (!ctx.alive()) return;
        changed(fresh, `照合結果を記録しました: ${fresh.original_state_label}`, matched ? 'comparison-heading' : 'inquiry-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        const name = e.field && form.querySelector(`.field[data-field="${CSS.escape(e.field.replace(/\[(\d+)\]$/, '[$1].label'))}"]`) ? e.field.replace(/\[(\d+)\]$/, '[$1].label') : null;
        showError(form, e.message, name);
      }
    });
    return form;
  }

  // ------------------------------------------------------------ inquiries (疑義照会)

  function inquirySection() {
    const list = view.inquiries || [];
    const mismatched = view.original_state === 'mismatched';
    const items = list.map((q) =>
      h(
        'li',
        { class: q.open ? 'inquiry inquiry-open' : 'inquiry', 'data-inquiry': q.id },
        h('div', { class: 'finding-head' }, h('span', { class: q.open ? 'marker marker-entry' : 'marker marker-resolved' }, q.open ? '対応中' : '解決済'), h('span', { class: 'muted' }, `開始 ${formatTokyo(q.opened_at)}`)),
        q.reason ? h('p', { class: 'inquiry-reason' }, kReasons[q.reason] || q.reason) : null,
        h(
          'dl',
          { class: 'rx-dl' },
          h('div', {}, h('dt', {}, '照会者'), h('dd', {}, q.called_by || h('span', { class: 'muted' }, '未記録'))),
          h('div', {}, h('dt', {}, '照会日時'), h('dd', {}, q.called_at ? formatTokyo(q.called_at) : h('span', { class: 'muted' }, '未記録'))),
          h('div', {}, h('dt', {}, '医療機関の応答者'), h('dd', {}, q.clinic_contact || h('span', { class: 'muted' }, '未記録'))),
          h('div', {}, h('dt', {}, '回答'), h('dd', {}, q.answer || h('span', { class: 'muted' }, '未記録'))),
          q.resolution ? h('div', {}, h('dt', {}, '対応'), h('dd', {}, q.resolution)) : null,
          q.resolved_at ? h('div', {}, h('dt', {}, '解決日時'), h('dd', {}, formatTokyo(q.resolved_at))) : null,
        ),
        q.open && q.called_at ? resolveForm(q) : null,
      ),
    );
    const parts = [items.length ? h('ul', { class: 'findings inquiries' }, items) : h('p', { class: 'muted' }, mismatched ? '疑義照会はまだありません。' : '原本が FAX と異なるとき、ここで疑義照会を記録します。')];
    if (mismatched) parts.push(callForm());
    return section('inquiry-heading', '疑義照会', ...parts);
  }

  function callForm() {
    const form = h(
      'form',
      { class: 'form inquiry-form', novalidate: true, 'aria-label': '疑義照会の記録' },
      h('h3', {}, '照会の記録'),
      h(
        'div',
        { class: 'grid-3' },
        textField('照会した人', 'called_by', { maxlength: 100, value: ctx.user.display_name || ctx.user.login }),
        textField('照会日時', 'called_at', { type: 'datetime-local', value: nowLocal() }),
        textField('医療機関の応答者', 'clinic_contact', { maxlength: 200 }, '例: 工業会医師、受付 田中さん'),
      ),
      textField('回答', 'answer', { rows: 3 }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'record-inquiry' }, '照会を記録')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const f = form.elements;
      const body = { called_by: f.called_by.value.trim(), clinic_contact: f.clinic_contact.value.trim(), answer: f.answer.value.trim() };
      if (!body.called_by) return showError(form, '照会した人を入力してください', 'called_by');
      if (!f.called_at.value) return showError(form, '照会日時を入力してください', 'called_at');
      if (!body.clinic_contact) return showError(form, '医療機関の応答者を入力してください', 'clinic_contact');
      if (!body.answer) return showError(form, '回答を入力してください', 'answer');
      body.called_at = `${f.called_at.value.length === 16 ? `${f.called_at.value}:00` : f.called_at.value}+09:00`;
      const done = busy(form);
      try {
        await post(`/api/v1/prescriptions/${id}/inquiries`, body);
        if (!ctx.alive()) return;
        const fresh = await get(`/api/v1/prescriptions/${id}/original`);
        if (!ctx.alive()) return;
        changed(fresh, '疑義照会を記録しました', 'inquiry-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        showError(form, e.message, e.field && form.querySelector(`.field[data-field="${CSS.escape(e.field)}"]`) ? e.field : null);
      }
    });
    return form;
  }

  function resolveForm(q) {
    if (role !== 'pharmacist') return h('p', { class: 'hint' }, '疑義照会の解決は薬剤師が行います。');
    const form = h(
      'form',
      { class: 'form resolve-form', novalidate: true, 'aria-label': `疑義照会 ${q.id} の解決` },
      textField('対応内容（必須）', 'resolution', { maxlength: 2000 }, '例: 原本の内容で調剤済みの薬を差し替え、患者に連絡'),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-small', 'data-action': 'resolve-inquiry' }, '解決する')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const resolution = form.elements.resolution.value.trim();
      if (!resolution) return showError(form, '対応内容を入力してください', 'resolution');
      const done = busy(form);
      try {
        const fresh = await post(`/api/v1/prescriptions/${id}/inquiries/${q.id}/resolve`, { version: view.version, resolution });
        if (!ctx.alive()) return;
        changed(fresh, `疑義照会を解決しました: ${fresh.original_state_label}`, 'inquiry-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        showError(form, e.message, e.field === 'resolution' ? 'resolution' : null);
      }
    });
    return form;
  }

  load();
  return null;
}
