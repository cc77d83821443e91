// The prescription content: shown as read-only data and edited in a form (manual entry of a
// fax without a readable QR, or correcting what the QR gave). Every control is named by its
// path in the request body (e.g. prescription.rps[0].items[1].amount), so an error the server
// reports for a field lands next to that control. Members the form does not show (insurance,
// codes of the usage, supplements …) are kept as they came.
import { field, h } from '../dom.js';

const kForms = [
  ['oral', '内服'],
  ['as_needed', '頓服'],
  ['external', '外用'],
  ['oral_drops', '内服滴剤'],
  ['injection', '注射'],
  ['material', '医療材料'],
  ['unknown', '不明'],
];
const kCodeSystems = [
  ['none', 'コードなし'],
  ['claims', 'レセ電コード'],
  ['yj', 'YJ コード'],
  ['generic_name', '一般名コード'],
  ['mhlw', '薬価基準コード'],
  ['hot', 'HOT コード'],
];
const kSex = { male: '男', female: '女' };
const usesDays = (form) => form === 'oral' || form === 'oral_drops';
const formLabel = (form) => (kForms.find(([f]) => f === form) || [form, form])[1];

// ------------------------------------------------------------------ read-only view

function dl(pairs) {
  const rows = pairs.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return h('dl', { class: 'rx-dl' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

function yesNo(value) {
  if (value === true) return 'はい';
  if (value === false) return 'いいえ';
  return null;
}

/** The decoded prescription as read-only data. */
export function contentView(rx, view) {
  const p = rx.patient || {};
  const inst = rx.institution || {};
  const doc = rx.prescriber || {};
  const remarks = (rx.remarks || []).map((r) => (typeof r === 'string' ? r : r.text));
  return h(
    'div',
    { class: 'rx-content', 'data-testid': 'rx-content' },
    h('h3', {}, '患者'),
    dl([
      ['氏名', p.name_kanji],
      ['カナ', p.name_kana],
      ['性別', kSex[p.sex]],
      ['生年月日', p.birth_date],
    ]),
    h('h3', {}, '医療機関・処方医'),
    dl([
      ['医療機関', inst.name],
      ['医療機関コード', view.institution_code || inst.code],
      ['所在地', inst.address],
      ['電話', inst.phone],
      ['処方医', doc.name_kanji],
      ['診療科', doc.department],
    ]),
    h('h3', {}, '処方箋'),
    dl([
      ['交付年月日', rx.issue_date],
      ['使用期間', rx.use_by_date],
      ['処方箋番号', rx.prescription_number],
      ['初診（オンライン）', yesNo(rx.online?.initial_visit)],
      ['基礎疾患の把握', yesNo(rx.online?.underlying_conditions_known)],
    ]),
    remarks.length ? h('div', {}, h('h3', {}, '備考'), h('ul', { class: 'rx-remarks' }, remarks.map((t) => h('li', {}, t)))) : null,
    h('h3', {}, '処方（Rp）'),
    (rx.rps || []).map((rp) =>
      h(
        'div',
        { class: 'rp', 'data-rp': rp.rp_no },
        h(
          'p',
          { class: 'rp-head' },
          h('strong', {}, `Rp${rp.rp_no}`),
          ` ${formLabel(rp.form)}`,
          rp.days ? ` ${rp.days}日分` : '',
          rp.quantity ? ` ${rp.quantity}${rp.form === 'as_needed' ? '回分' : ''}` : '',
          ` ／ ${rp.usage?.text || ''}`,
        ),
        h(
          'ul',
          { class: 'rp-items' },
          (rp.items || []).map((item) =>
            h(
              'li',
              {},
              h('span', { class: 'rp-item-name' }, item.name),
              ` ${item.amount}${item.unit}`,
              item.code ? h('span', { class: 'muted' }, `（${item.code}）`) : null,
              (item.supplements || []).length
                ? h('span', { class: 'rp-supplement' }, (item.supplements || []).map((s) => (typeof s === 'string' ? s : s.text)).join('、'))
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

// ------------------------------------------------------------------ edit form

function textArea(label, name, value, hint) {
  const id = `${name}-area`;
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('textarea', { id, name, rows: 3, 'aria-describedby': hint ? `${id}-hint` : null }, value || ''),
    h('p', { class: 'field-error', hidden: true, id: `${id}-error` }),
  );
}

function setValue(form, name, value) {
  const control = form.elements.namedItem(name);
  if (control && value !== undefined && value !== null) control.value = String(value);
}

const kTriState = [
  ['', '不明'],
  ['true', 'はい'],
  ['false', 'いいえ'],
];

/**
 * The content form. onSubmit(prescriptionJson) is called with the body's prescription;
 * returns {element, focus()}.
 */
export function contentForm(original, { onSubmit, onCancel, submitLabel = '内容を保存' }) {
  const base = structuredClone(original || {});
  // The working copy of the Rps: the form reads into it before adding or removing rows.
  let rps = (base.rps && base.rps.length ? base.rps : [{ form: 'oral', usage: {}, items: [{}] }]).map((rp) => ({
    orig: rp,
    form: rp.form || 'oral',
    count: rp.days ?? rp.quantity ?? '',
    usage: rp.usage?.text || '',
    items: (rp.items && rp.items.length ? rp.items : [{}]).map((item) => ({
      orig: item,
      name: item.name || '',
      code_system: item.code_system || 'none',
      code: item.code || '',
      amount: item.amount ?? '',
      unit: item.unit || '',
    })),
  }));

  const rpArea = h('div', { class: 'rp-edit-list' });
  const form = h(
    'form',
    { class: 'form rx-form', novalidate: true, 'aria-label': '処方内容の入力' },
    h(
      'fieldset',
      {},
      h('legend', {}, '患者'),
      h(
        'div',
        { class: 'grid-2' },
        field('氏名（漢字）', { name: 'prescription.patient.name_kanji', autocomplete: 'off', required: true }),
        field('氏名（カナ）', { name: 'prescription.patient.name_kana', autocomplete: 'off' }),
        field('性別', { name: 'prescription.patient.sex' }, { options: [['', '不明'], ['male', '男'], ['female', '女']] }),
        field('生年月日', { name: 'prescription.patient.birth_date', type: 'date', required: true }),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, '医療機関・処方医'),
      h(
        'div',
        { class: 'grid-2' },
        field('医療機関コード', { name: 'prescription.institution.code', inputmode: 'numeric', autocomplete: 'off', required: true }, { hint: '7桁または10桁' }),
        field('医療機関名', { name: 'prescription.institution.name', autocomplete: 'off', required: true }),
        field('処方医の氏名', { name: 'prescription.prescriber.name_kanji', autocomplete: 'off', required: true }),
        field('診療科', { name: 'prescription.prescriber.department', autocomplete: 'off' }),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, '処方箋'),
      h(
        'div',
        { class: 'grid-2' },
        field('交付年月日', { name: 'prescription.issue_date', type: 'date', required: true }),
        field('使用期間（4日を超える場合）', { name: 'prescription.use_by_date', type: 'date' }),
        field('オンライン診療の初診', { name: 'prescription.online.initial_visit' }, { options: kTriState }),
        field('基礎疾患の情報を把握', { name: 'prescription.online.underlying_conditions_known' }, { options: kTriState }),
      ),
      textArea('備考', 'prescription.remarks', (base.remarks || []).map((r) => (typeof r === 'string' ? r : r.text)).join('\n'), '1行に1件（例: オンライン対応）'),
    ),
    h('fieldset', {}, h('legend', {}, '処方（Rp）'), rpArea, h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'add-rp', onclick: () => addRp() }, '＋ Rp を追加')),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button', 'data-action': 'save-content' }, submitLabel),
      onCancel ? h('button', { type: 'button', class: 'button button-secondary', onclick: onCancel }, '編集をやめる') : null,
    ),
  );

  const p = base.patient || {};
  setValue(form, 'prescription.patient.name_kanji', p.name_kanji);
  setValue(form, 'prescription.patient.name_kana', p.name_kana);
  setValue(form, 'prescription.patient.sex', p.sex);
  setValue(form, 'prescription.patient.birth_date', p.birth_date);
  // The 10-digit code (prefecture + fee table + 7) when the QR split it.
  const inst = base.institution || {};
  const fullCode = inst.code && inst.code.length === 7 && inst.prefecture && inst.code_type ? `${inst.prefecture}${inst.code_type}${inst.code}` : inst.code;
  setValue(form, 'prescription.institution.code', fullCode);
  setValue(form, 'prescription.institution.name', inst.name);
  setValue(form, 'prescription.prescriber.name_kanji', base.prescriber?.name_kanji);
  setValue(form, 'prescription.prescriber.department', base.prescriber?.department);
  setValue(form, 'prescription.issue_date', base.issue_date);
  setValue(form, 'prescription.use_by_date', base.use_by_date);
  setValue(form, 'prescription.online.initial_visit', base.online?.initial_visit);
  setValue(form, 'prescription.online.underlying_conditions_known', base.online?.underlying_conditions_known);

  function rpFieldset(rp, i) {
    const prefix = `prescription.rps[${i}]`;
    const countName = usesDays(rp.form) ? `${prefix}.days` : `${prefix}.quantity`;
    const fs = h(
      'fieldset',
      { class: 'rp-edit', 'data-rp-index': i },
      h('legend', {}, `Rp${i + 1}`),
      h(
        'div',
        { class: 'grid-3' },
        field('剤形', { name: `${prefix}.form` }, { options: kForms }),
        field(usesDays(rp.form) ? '日数' : '数量・回数', { name: countName, type: 'number', min: 1, max: 999, inputmode: 'numeric', 'data-count': 'true' }),
        field('用法', { name: `${prefix}.usage.text`, autocomplete: 'off' }, { hint: '例: 1日3回朝昼夕食後' }),
      ),
      h(
        'div',
        { class: 'rp-edit-items' },
        rp.items.map((item, j) => {
          const ip = `${prefix}.items[${j}]`;
          return h(
            'div',
            { class: 'rp-edit-item', 'data-item-index': j },
            field(`薬品名（Rp${i + 1}-${j + 1}）`, { name: `${ip}.name`, autocomplete: 'off' }),
            field('コード種別', { name: `${ip}.code_system` }, { options: kCodeSystems }),
            field('コード', { name: `${ip}.code`, autocomplete: 'off' }),
            field('用量', { name: `${ip}.amount`, inputmode: 'decimal', autocomplete: 'off' }),
            field('単位', { name: `${ip}.unit`, autocomplete: 'off' }, { hint: '錠、g など' }),
            rp.items.length > 1
              ? h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Rp${i + 1} の薬品 ${j + 1} を削除`, onclick: () => removeItem(i, j) }, '削除')
              : null,
          );
        }),
      ),
      h(
        'div',
        { class: 'form-actions' },
        h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Rp${i + 1} に薬品を追加`, onclick: () => addItem(i) }, '＋ 薬品を追加'),
        rps.length > 1 ? h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Rp${i + 1} を削除`, onclick: () => removeRp(i) }, 'この Rp を削除') : null,
      ),
    );
    return fs;
  }

  function renderRps() {
    rpArea.replaceChildren(...rps.map(rpFieldset));
    rps.forEach((rp, i) => {
      const prefix = `prescription.rps[${i}]`;
      setValue(form, `${prefix}.form`, rp.form);
      setValue(form, usesDays(rp.form) ? `${prefix}.days` : `${prefix}.quantity`, rp.count);
      setValue(form, `${prefix}.usage.text`, rp.usage);
      rp.items.forEach((item, j) => {
        const ip = `${prefix}.items[${j}]`;
        for (const k of ['name', 'code_system', 'code', 'amount', 'unit']) setValue(form, `${ip}.${k}`, item[k]);
      });
    });
  }

  // Reads the Rp controls back into the working copy (before re-rendering them).
  function readRps() {
    rps.forEach((rp, i) => {
      const prefix = `prescription.rps[${i}]`;
      const v = (name) => form.elements.namedItem(name)?.value ?? '';
      rp.form = v(`${prefix}.form`);
      rp.count = form.querySelector(`[data-rp-index="${i}"] [data-count]`)?.value ?? '';
      rp.usage = v(`${prefix}.usage.text`);
      rp.items.forEach((item, j) => {
        const ip = `${prefix}.items[${j}]`;
        for (const k of ['name', 'code_system', 'code', 'amount', 'unit']) item[k] = v(`${ip}.${k}`);
      });
    });
  }

  const focusName = (name) => setTimeout(() => form.elements.namedItem(name)?.focus(), 0);
  function addRp() {
    readRps();
    rps.push({ orig: {}, form: 'oral', count: '', usage: '', items: [{ orig: {}, name: '', code_system: 'none', code: '', amount: '', unit: '' }] });
    renderRps();
    focusName(`prescription.rps[${rps.length - 1}].form`);
  }
  function removeRp(i) {
    readRps();
    rps.splice(i, 1);
    renderRps();
    focusName(`prescription.rps[${Math.max(0, i - 1)}].form`);
  }
  function addItem(i) {
    readRps();
    rps[i].items.push({ orig: {}, name: '', code_system: 'none', code: '', amount: '', unit: '' });
    renderRps();
    focusName(`prescription.rps[${i}].items[${rps[i].items.length - 1}].name`);
  }
  function removeItem(i, j) {
    readRps();
    rps[i].items.splice(j, 1);
    renderRps();
    focusName(`prescription.rps[${i}].items[${Math.max(0, j - 1)}].name`);
  }
  // Changing the form switches between days (内服) and quantity (the others).
  rpArea.addEventListener('change', (event) => {
    if (!/\.form$/.test(event.target.name || '')) return;
    const name = event.target.name;
    readRps();
    renderRps();
    focusName(name);
  });
  renderRps();

  /** The body's `prescription`, merged over what came from the server. */
  function build() {
    readRps();
    const v = (name) => (form.elements.namedItem(name)?.value ?? '').trim();
    const put = (obj, key, value) => {
      if (value === '' || value === undefined || value === null) delete obj[key];
      else obj[key] = value;
    };
    const out = structuredClone(base);
    out.patient = { ...(base.patient || {}) };
    put(out.patient, 'name_kanji', v('prescription.patient.name_kanji'));
    put(out.patient, 'name_kana', v('prescription.patient.name_kana'));
    put(out.patient, 'sex', v('prescription.patient.sex'));
    put(out.patient, 'birth_date', v('prescription.patient.birth_date'));
    out.institution = { ...(base.institution || {}) };
    const code = v('prescription.institution.code');
    if (code !== fullCode) {
      // A new code replaces the split one the QR gave.
      delete out.institution.prefecture;
      delete out.institution.code_type;
      put(out.institution, 'code', code);
    }
    put(out.institution, 'name', v('prescription.institution.name'));
    out.prescriber = { ...(base.prescriber || {}) };
    put(out.prescriber, 'name_kanji', v('prescription.prescriber.name_kanji'));
    put(out.prescriber, 'department', v('prescription.prescriber.department'));
    put(out, 'issue_date', v('prescription.issue_date'));
    put(out, 'use_by_date', v('prescription.use_by_date'));
    const online = { ...(base.online || {}) };
    for (const k of ['initial_visit', 'underlying_conditions_known']) {
      const value = v(`prescription.online.${k}`);
      if (value === '') delete online[k];
      else online[k] = value === 'true';
    }
    if (Object.keys(online).length) out.online = online;
    else delete out.online;

    const origRemarks = base.remarks || [];
    const lines = form.elements.namedItem('prescription.remarks').value.split('\n').map((t) => t.trim()).filter(Boolean);
    out.remarks = lines.map((text, i) => {
      const orig = origRemarks.find((r) => typeof r !== 'string' && r.text === text);
      const remark = { seq: i + 1, text };
      if (orig && orig.kind) remark.kind = orig.kind;
      return remark;
    });
    if (!out.remarks.length) delete out.remarks;

    out.rps = rps.map((rp, i) => {
      const r = { ...rp.orig, rp_no: i + 1, form: rp.form };
      delete r.days;
      delete r.quantity;
      const count = String(rp.count).trim();
      if (count !== '') r[usesDays(rp.form) ? 'days' : 'quantity'] = /^\d+$/.test(count) ? Number(count) : count;
      r.usage = { ...(rp.orig.usage || {}) };
      put(r.usage, 'text', rp.usage.trim());
      r.items = rp.items.map((item, j) => {
        const it = { ...item.orig, seq: j + 1 };
        put(it, 'name', item.name.trim());
        it.code_system = item.code_system || 'none';
        if (it.code_system === 'none') delete it.code;
        else put(it, 'code', item.code.trim());
        put(it, 'amount', String(item.amount).trim());
        put(it, 'unit', item.unit.trim());
        return it;
      });
      return r;
    });
    return out;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(build(), form);
  });

  return {
    element: form,
    form,
    focus: () => form.elements.namedItem('prescription.patient.name_kanji').focus(),
  };
}
