// Counter intake: a paper prescription brought by the patient, scanned or photographed at the
// counter (POST /api/v1/scans), and an e-prescription retrieved with its exchange number
// (POST /api/v1/eprescriptions/retrieve). Both open the new prescription when done.
import { post } from '../api.js';
import { busy, clearErrors, field, h, showError } from '../dom.js';
import { heading, section } from './common.js';

const kMaxBytes = 20 * 1024 * 1024;
const kTypes = ['image/png', 'image/jpeg', 'image/tiff', 'application/pdf'];

// Upstream outcomes of the e-prescription service, said so a clerk knows what to do next.
const kUpstreamHints = {
  eprescription_not_found: '引換番号・保険者番号を確認してください。患者さんの控えと一致しているかも確認してください。',
  eprescription_expired: '使用期限を過ぎています。医療機関に連絡してください。',
  eprescription_identity_mismatch: '保険者番号または生年月日が処方箋と一致しません。保険証・マイナ保険証で確認してください。',
  eprescription_already_dispensed: '既に他の薬局で受け付けられています。二重に調剤しないでください。',
  upstream_unavailable: '電子処方箋管理サービスに接続できません。しばらくしてからもう一度お試しください。',
  upstream_timeout: '電子処方箋管理サービスの応答がありません。しばらくしてからもう一度お試しください。',
  eprescription_not_configured: 'この薬局では電子処方箋管理サービスへの接続が設定されていません。管理者に連絡してください。',
};

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function render(main, ctx) {
  ctx.setTitle('窓口スキャン・電子処方箋の受付');

  // ------------------------------------------------------------ scan upload
  const fileId = 'scan-file';
  const scanForm = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': '持参された処方箋のスキャン' },
    h(
      'div',
      { class: 'field', 'data-field': 'file' },
      h('label', { for: fileId }, '処方箋の画像（スキャンまたは写真）'),
      h('p', { class: 'hint', id: `${fileId}-hint` }, 'PNG・JPEG・TIFF・PDF、20 MB まで。QR コードがあれば内容を読み取ります。'),
      h('input', { type: 'file', id: fileId, name: 'file', accept: 'image/*,application/pdf', 'aria-describedby': `${fileId}-hint` }),
      h('p', { class: 'field-error', hidden: true }),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'upload-scan' }, '受け付ける')),
  );
  // One key per chosen file: pressing the button again after a lost answer does not queue it twice.
  let scanKey = newKey();
  scanForm.elements.file.addEventListener('change', () => {
    scanKey = newKey();
  });
  scanForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(scanForm);
    const file = scanForm.elements.file.files[0];
    if (!file) return showError(scanForm, '画像ファイルを選んでください', 'file');
    if (file.size > kMaxBytes) return showError(scanForm, 'ファイルが大きすぎます（20 MB まで）', 'file');
    let blob = file;
    if (!kTypes.includes(file.type)) {
      const byName = /\.tiff?$/i.test(file.name) ? 'image/tiff' : /\.pdf$/i.test(file.name) ? 'application/pdf' : null;
      if (!byName) return showError(scanForm, 'PNG・JPEG・TIFF・PDF のいずれかを選んでください', 'file');
      blob = new Blob([file], { type: byName });
    }
    const done = busy(scanForm);
    try {
      const rx = await post('/api/v1/scans', blob, { headers: { 'Idempotency-Key': scanKey } });
      if (!ctx.alive()) return;
      ctx.navigate(`/prescriptions/${rx.id}`, {
        flash: { kind: 'success', text: rx.needs_entry ? `受付番号 #${rx.id} で受け付けました。QR コードを読み取れなかったため、内容を入力してください。` : `受付番号 #${rx.id} で受け付けました。` },
      });
    } catch (e) {
      done();
      showError(scanForm, e.message, e.field ? 'file' : null);
    }
  });

  // ------------------------------------------------------------ e-prescription
  const eForm = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': '電子処方箋の取得' },
    h(
      'div',
      { class: 'grid-3' },
      field('引換番号', { name: 'exchange_number', inputmode: 'numeric', autocomplete: 'off' }, { hint: '患者さんの控えに記載' }),
      field('保険者番号', { name: 'insurer_number', inputmode: 'numeric', autocomplete: 'off' }, { hint: '6桁または8桁' }),
      field('生年月日', { name: 'birth_date', type: 'date' }),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'retrieve' }, '電子処方箋を取得')),
  );
  const eResult = h('div', { class: 'eprescription-result' });
  eForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(eForm);
    eResult.replaceChildren();
    const f = eForm.elements;
    const exchange = f.exchange_number.value.replace(/[\s-]/g, '');
    const insurer = f.insurer_number.value.replace(/[\s-]/g, '');
    if (!/^[0-9A-Za-z]{1,32}$/.test(exchange)) return showError(eForm, '引換番号を入力してください', 'exchange_number');
    if (!/^[0-9]{6,8}$/.test(insurer)) return showError(eForm, '保険者番号は6桁または8桁の数字です', 'insurer_number');
    if (!f.birth_date.value) return showError(eForm, '生年月日を入力してください', 'birth_date');
    const done = busy(eForm);
    try {
      const rx = await post('/api/v1/eprescriptions/retrieve', { exchange_number: exchange, insurer_number: insurer, birth_date: f.birth_date.value });
      if (!ctx.alive()) return;
      ctx.navigate(`/prescriptions/${rx.id}`, { flash: { kind: 'success', text: `電子処方箋を取得しました（受付番号 #${rx.id}）。` } });
    } catch (e) {
      done();
      if (!ctx.alive()) return;
      if (e.field && eForm.querySelector(`[data-field="${e.field}"]`)) return showError(eForm, e.message, e.field);
      const hint = kUpstreamHints[e.code];
      const box = h(
        'div',
        { class: 'notice notice-error', role: 'alert', tabindex: '-1', 'data-error-code': e.code },
        h('p', {}, h('strong', {}, '取得できませんでした: '), e.message),
        hint ? h('p', {}, hint) : null,
        e.status === 502 ? h('p', { class: 'hint' }, '入力した内容はそのまま残っています。') : null,
      );
      eResult.replaceChildren(box);
      box.focus();
    }
  });

  main.append(
    h('div', { class: 'screen-head' }, heading('窓口スキャン・電子処方箋の受付'), h('a', { class: 'button button-secondary', href: '/prescriptions', 'data-link': true }, '← 受付キューへ')),
    section('scan-heading', '持参された紙の処方箋', scanForm),
    section('eprescription-heading', '電子処方箋（引換番号）', eForm, eResult),
  );
  return null;
}
