// Drug data (医薬品データ): upload the claims master (医薬品マスター, the Shift_JIS CSV as
// published) or the pharmacy's supplement CSV, see what the import did (counts and the lines
// left out), and look one drug up by its code.
import { get, post } from '../api.js';
import { confirmDialog } from '../dialog.js';
import { announce, append, busy, clearErrors, field, h, showError } from '../dom.js';
import { adminTabs, flashNotice, heading, section } from './common.js';
import { tokyoDate, tokyoHhmm } from './tokyo.js';

const kDataSets = {
  master: {
    path: '/api/v1/drugs/master',
    title: '医薬品マスター',
    hint: '社会保険診療報酬支払基金が公開する医薬品マスター（CSV、Shift_JIS）をそのまま選びます。取り込むと今のマスターを置き換えます（載っていない医薬品は消えます）。',
  },
  supplement: {
    path: '/api/v1/drugs/supplement',
    title: '薬局の補足データ',
    hint: '保管温度・遮光・劇薬などを薬局で定めた補足 CSV（1行目が見出し）。取り込むと今の補足を置き換えます。',
  },
};

const kControlClasses = {
  none: 'なし',
  narcotic: '麻薬',
  poison: '毒薬',
  stimulant_raw_material: '覚醒剤原料',
  psychotropic: '向精神薬',
};
const kStorage = { room: '室温', cold: '冷所（2〜8℃）', frozen: '冷凍' };

const yesNo = (b) => (b ? 'あり' : 'なし');

function resultView(setName, fileName, r) {
  const counts = [
    ['取り込んだ件数', r.accepted, 'accepted'],
    ['新規', r.added, 'added'],
    ['更新', r.updated, 'updated'],
    ['変更なし', r.unchanged, 'unchanged'],
    ['削除（ファイルに無い）', r.removed, 'removed'],
    ['取り込めなかった行', r.rejected, 'rejected'],
  ];
  const badLines = r.bad_lines.length
    ? [
        h(
          'table',
          { class: 'data-table', 'data-bad-lines': true },
          h('caption', {}, '取り込めなかった行'),
          h('thead', {}, h('tr', {}, ['行', '理由', 'コード'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            r.bad_lines.map((b) => h('tr', { 'data-line': String(b.line) }, h('td', {}, `${b.line} 行目`), h('td', {}, b.reason), h('td', {}, h('code', {}, b.code)))),
          ),
        ),
        r.bad_lines_truncated ? h('p', { class: 'hint' }, `最初の ${r.bad_lines.length} 行だけを表示しています（全部で ${r.rejected} 行）。`) : null,
      ]
    : [];
  return h(
    'div',
    { class: 'import-result', 'data-result': r.data_set },
    h(
      'p',
      { class: `result ${r.rejected ? 'result-partial' : 'result-ok'}`, role: 'status' },
      h('strong', {}, `${setName}を取り込みました`),
      `${fileName}: ${r.accepted} 件${r.rejected ? `（${r.rejected} 行は取り込めませんでした）` : ''}`,
    ),
    h('dl', { class: 'import-counts' }, counts.map(([label, value, key]) => h('div', { 'data-count': key }, h('dt', {}, label), h('dd', {}, `${value} 件`)))),
    badLines,
  );
}

function drugView(d) {
  const flags = [
    ['保管', kStorage[d.storage] || d.storage],
    ['遮光', yesNo(d.protect_from_light)],
    ['劇薬', yesNo(d.powerful)],
    ['放射性医薬品', yesNo(d.radiopharmaceutical)],
    ['至急', yesNo(d.urgent)],
    ['振らない', yesNo(d.do_not_shake)],
    ['緊急避妊薬', yesNo(d.emergency_contraceptive)],
    ['ハイリスク薬', yesNo(d.high_risk)],
  ];
  const rows = [
    ['名称', d.name],
    ['医薬品コード（レセ電）', d.claims_code || '—'],
    ['YJ コード', d.yj_code || '—'],
    ['単位', d.unit || '—'],
    ['規制区分', kControlClasses[d.control_class] || d.control_class],
    ['マスター', d.in_master ? '収載' : '未収載（補足のみ）'],
    ...flags,
    ['補足のメモ', d.note || '—'],
  ];
  return h(
    'div',
    { class: 'drug-view', 'data-drug': d.code },
    h('h3', {}, d.name),
    h('dl', { class: 'drug-facts' }, rows.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, String(value))))),
  );
}

// Which data the checks and labels use now: the latest import of each data set.
function currentView(current) {
  const row = (key) => {
    const stamp = current?.[key];
    const when = stamp ? new Date(stamp.imported_at) : null;
    return h(
      'tr',
      { 'data-current': key },
      h('th', { scope: 'row' }, kDataSets[key].title),
      stamp
        ? [
            h('td', {}, stamp.source_name),
            h('td', {}, `${tokyoDate(when)} ${tokyoHhmm(when)}`),
            h('td', {}, stamp.imported_by),
            h('td', { class: 'num' }, `${stamp.accepted} 件`),
            h('td', { class: 'num' }, `${stamp.rejected} 行`),
          ]
        : h('td', { colspan: 5 }, 'まだ取り込まれていません'),
    );
  };
  return h(
    'table',
    { class: 'data-table', 'data-current-drug-data': true },
    h('caption', {}, '使用中のデータ（最後の取り込み）'),
    h('thead', {}, h('tr', {}, ['データ', 'ファイル', '取り込み日時', '取り込んだ人', '件数', '取り込めなかった行'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, row('master'), row('supplement')),
  );
}

export function render(main, ctx) {
  ctx.setTitle('医薬品データの管理');
  const currentArea = h('div', { class: 'result-area', 'aria-live': 'polite' }, h('p', { class: 'loading' }, '読み込み中…'));
  async function refreshCurrent() {
    try {
      const data = await get('/api/v1/drug-data');
      if (ctx.alive()) currentArea.replaceChildren(currentView({ master: data.claims_master, supplement: data.supplement }));
    } catch (e) {
      if (ctx.alive()) currentArea.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, `使用中のデータを読み込めませんでした: ${e.message}`));
    }
  }

  function uploadForm(key) {
    const set = kDataSets[key];
    const resultArea = h('div', { class: 'result-area', 'aria-live': 'polite' });
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': `${set.title}の取り込み`, 'data-upload': key },
      field(`${set.title}の CSV ファイル`, { name: 'file', type: 'file', accept: '.csv,.txt,text/csv' }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '取り込む')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const file = form.elements.file.files[0];
      if (!file) return showError(form, 'ファイルを選んでください', 'file');
      const ok = await confirmDialog({
        title: `${set.title}を取り込む`,
        message: `「${file.name}」で今の${set.title}を置き換えます。使える行が1行もないファイルは取り込まず、今のデータをそのまま残します。`,
        confirmLabel: '取り込む',
        danger: false,
      });
      if (!ok || !ctx.alive()) return;
      const done = busy(form);
      resultArea.replaceChildren(h('p', { class: 'loading' }, '取り込み中…（大きなファイルは時間がかかります）'));
      let report;
      try {
        // The bytes go as they are (Shift_JIS stays Shift_JIS); the type tells the server it is a CSV.
        report = await post(`${set.path}?file_name=${encodeURIComponent(file.name)}`, new Blob([file], { type: 'text/csv' }));
      } catch (e) {
        done();
        resultArea.replaceChildren();
        return showError(form, e.message, 'file');
      }
      done();
      if (!ctx.alive()) return;
      form.reset();
      resultArea.replaceChildren(resultView(set.title, file.name, report));
      refreshCurrent();
      announce(`${set.title}を ${report.accepted} 件取り込みました`);
    });
    return section(`upload-${key}-heading`, `${set.title}の取り込み`, h('p', { class: 'hint' }, set.hint), form, resultArea);
  }

  const lookupArea = h('div', { class: 'result-area' });
  const lookupForm = h(
    'form',
    { class: 'form form-inline', novalidate: true, 'aria-label': '医薬品の検索' },
    field('医薬品コード', { name: 'code', inputmode: 'numeric', autocomplete: 'off', maxlength: '13' }, { hint: 'レセ電コード9桁・YJ コード12桁・HOT コード' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '調べる')),
  );
  lookupForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(lookupForm);
    const code = lookupForm.elements.code.value.trim().toUpperCase();
    if (!/^[0-9A-Z]{7,13}$/.test(code)) return showError(lookupForm, '医薬品コードは7〜13桁の英数字で入力してください', 'code');
    const done = busy(lookupForm);
    let drug;
    try {
      drug = await get(`/api/v1/drugs/${encodeURIComponent(code)}`);
    } catch (e) {
      done();
      lookupArea.replaceChildren();
      return showError(lookupForm, e.message, 'code');
    }
    done();
    if (ctx.alive()) lookupArea.replaceChildren(drugView(drug));
  });

  append(main, [
    heading('管理'),
    adminTabs('/admin/drugs'),
    flashNotice(ctx.flash),
    section('current-drug-data-heading', '使用中の医薬品データ', currentArea),
    uploadForm('master'),
    uploadForm('supplement'),
    section('lookup-drug-heading', '医薬品を調べる', lookupForm, lookupArea),
  ]);
  refreshCurrent();
  return null;
}
