// 帳票: choose a report, its period (from/to, a month or a day, as the report needs) and the
// format (PDF, CSV in UTF-8 with BOM, or CSV in Shift_JIS for older spreadsheet tools). The
// file is fetched by a plain same-origin link (GET /api/v1/reports/{name}), so the browser
// downloads it itself; the link exists only once the form is complete.
import { h, nextId } from '../dom.js';
import { flashNotice, heading, section } from './common.js';

// period: 'range' (from/to required), 'range-optional', 'month', 'date'; extra: audit subject.
const kReports = [
  { name: 'outstanding-originals', label: '原本未着一覧', period: 'range-optional', hint: '期間は受付日で絞り込みます（省略すると未着のすべて）。' },
  { name: 'route-sheet', label: '配送一覧（ルートシート）', period: 'date', hint: '配送日の荷物の一覧です。' },
  { name: 'guidance-records', label: '服薬指導記録', period: 'range', hint: '期間内に行った服薬指導の記録です。' },
  { name: 'fees', label: '算定集計', period: 'month', hint: '算定月ごとの点数の集計です。' },
  { name: 'controlled-handovers', label: '麻薬・向精神薬 交付記録', period: 'range', hint: '期間内に交付した麻薬・向精神薬の記録です。' },
  { name: 'audit-extract', label: '監査抽出', period: 'range', subject: true, hint: '患者または処方箋に関するアクセス記録を期間で抽出します。' },
];
const kFormats = [
  ['pdf', 'PDF（印刷用）'],
  ['csv', 'CSV（UTF-8、BOM 付き）'],
  ['csv-sjis', 'CSV（Shift_JIS、古い表計算ソフト向け）'],
];

function tokyoToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function input(label, attrs, hint) {
  const id = nextId(attrs.name);
  return h('div', { class: 'field', 'data-field': attrs.name }, h('label', { for: id }, label), hint ? h('p', { class: 'hint' }, hint) : null, h('input', { id, autocomplete: 'off', ...attrs }));
}

export function render(main, ctx) {
  ctx.setTitle('帳票');
  const today = tokyoToday();
  const first = `${today.slice(0, 8)}01`;
  const reportId = nextId('report');
  const form = h(
    'form',
    { class: 'form report-form', novalidate: true, 'aria-label': '帳票の条件' },
    h(
      'fieldset',
      { class: 'report-choice' },
      h('legend', {}, '帳票'),
      kReports.map((r, i) =>
        h('label', { class: 'radio report-option' }, h('input', { type: 'radio', name: 'report', value: r.name, checked: i === 0, id: i === 0 ? reportId : null }), ` ${r.label}`),
      ),
    ),
    h('p', { class: 'hint report-hint', id: 'report-hint' }),
    h(
      'div',
      { class: 'grid-3 report-period' },
      input('開始日', { type: 'date', name: 'from', value: first }),
      input('終了日', { type: 'date', name: 'to', value: today }),
      input('算定月', { type: 'month', name: 'month', value: today.slice(0, 7) }),
      input('配送日', { type: 'date', name: 'date', value: today }),
    ),
    h(
      'div',
      { class: 'grid-3 report-subject' },
      input('患者 ID', { type: 'text', name: 'patient_ref' }, 'どちらか一方を入力'),
      input('受付番号', { type: 'text', name: 'prescription_id', inputmode: 'numeric' }),
    ),
    h(
      'div',
      { class: 'field', 'data-field': 'format' },
      h('label', { for: 'report-format' }, '形式'),
      h('select', { id: 'report-format', name: 'format' }, kFormats.map(([v, l]) => h('option', { value: v }, l))),
    ),
  );
  const problem = h('p', { class: 'field-error report-problem', role: 'status', hidden: true });
  const link = h('a', { class: 'button button-wide report-download', 'data-action': 'download-report' }, 'ダウンロード');
  const urlText = h('code', { class: 'report-url' });
  main.append(
    heading('帳票'),
    flashNotice(ctx.flash) || '',
    section(
      'report-heading',
      '帳票の出力',
      h('p', { class: 'hint' }, '帳票の種類と期間を選び、ダウンロードしてください。出力は監査ログに記録されます。PDF は A4、CSV は表計算ソフトでそのまま開けます。'),
      form,
      h('div', { class: 'form-actions' }, link),
      problem,
      h('p', { class: 'hint' }, '要求: ', urlText),
    ),
  );

  const shown = (name, visible) => {
    const el = form.querySelector(`.field[data-field="${name}"]`);
    el.hidden = !visible;
  };

  function update() {
    const f = form.elements;
    const report = kReports.find((r) => r.name === form.querySelector('input[name="report"]:checked').value);
    form.querySelector('#report-hint').textContent = report.hint;
    const range = report.period === 'range' || report.period === 'range-optional';
    shown('from', range);
    shown('to', range);
    shown('month', report.period === 'month');
    shown('date', report.period === 'date');
    shown('patient_ref', !!report.subject);
    shown('prescription_id', !!report.subject);
    const p = new URLSearchParams();
    let missing = '';
    if (range) {
      if (f.from.value) p.set('from', f.from.value);
      if (f.to.value) p.set('to', f.to.value);
      if (report.period === 'range' && (!f.from.value || !f.to.value)) missing = '開始日と終了日を入力してください';
      if (f.from.value && f.to.value && f.from.value > f.to.value) missing = '開始日は終了日以前にしてください';
    } else if (report.period === 'month') {
      if (f.month.value) p.set('month', f.month.value);
      else missing = '算定月を入力してください';
    } else if (report.period === 'date') {
      if (f.date.value) p.set('date', f.date.value);
      else missing = '配送日を入力してください';
    }
    if (report.subject) {
      const ref = f.patient_ref.value.trim();
      const rx = f.prescription_id.value.trim().replace(/^#/, '');
      if (ref) p.set('patient_ref', ref);
      if (rx) {
        if (/^[1-9][0-9]{0,15}$/.test(rx)) p.set('prescription_id', rx);
        else missing = '受付番号は数字で入力してください';
      }
      if (!ref && !rx && !missing) missing = '患者 ID または受付番号を入力してください';
    }
    const format = f.format.value;
    p.set('format', format === 'pdf' ? 'pdf' : 'csv');
    if (format === 'csv-sjis') p.set('encoding', 'sjis');
    const url = `/api/v1/reports/${report.name}?${p}`;
    urlText.textContent = url;
    if (missing) {
      link.removeAttribute('href');
      link.removeAttribute('download');
      link.setAttribute('aria-disabled', 'true');
      link.classList.add('is-disabled');
      problem.textContent = missing;
      problem.hidden = false;
    } else {
      link.href = url;
      // Empty: the browser keeps the server's file name (report name and period).
      link.setAttribute('download', '');
      link.removeAttribute('aria-disabled');
      link.classList.remove('is-disabled');
      problem.hidden = true;
    }
    link.textContent = `${report.label}を${format === 'pdf' ? ' PDF' : format === 'csv' ? ' CSV' : ' CSV（Shift_JIS）'}でダウンロード`;
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (link.href) link.click();
  });
  update();
  return null;
}
