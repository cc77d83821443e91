// The clinic registry (医療機関): list, add, edit name / fax numbers / deadline for originals,
// deactivate and reactivate. A deactivated clinic stays listed; its fax numbers no longer
// identify it, so a fax from them is flagged as from an unknown sender.
import { get, post, put } from '../api.js';
import { confirmDialog } from '../dialog.js';
import { announce, append, busy, clearErrors, field, h, showError } from '../dom.js';
import { adminTabs, flashNotice, heading, loadError, section } from './common.js';

/** "03-1111-2222, 0311113333" or one per line -> ["03-1111-2222", "0311113333"]. */
function splitFaxNumbers(text) {
  return text
    .split(/[\s,、，]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 0311112222 -> 03-1111-2222 style grouping for reading only (the server keeps digits). */
function formatFax(digits) {
  if (/^0[36]\d{8}$/.test(digits)) return `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6)}`;
  if (/^0\d{9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (/^0\d{10}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  return digits;
}

/** The deadline field's value as the API wants it: a number 1–90, null when empty, or undefined when invalid. */
function deadlineValue(text) {
  const t = text.trim();
  if (!t) return null;
  if (!/^[0-9]{1,2}$/.test(t) || Number(t) < 1 || Number(t) > 90) return undefined;
  return Number(t);
}

// The API names a bad fax number "fax_numbers[2]"; the form has one field for all of them.
const formField = (name) => (name && name.startsWith('fax_numbers') ? 'fax_numbers' : name);

function clinicFields({ withCode }) {
  return [
    withCode
      ? field('医療機関コード', { name: 'institution_code', inputmode: 'numeric', autocomplete: 'off', maxlength: '10' }, { hint: '10桁の数字（都道府県2桁＋点数表1桁＋7桁）' })
      : null,
    field('名称', { name: 'name', autocomplete: 'off', maxlength: '200' }, { hint: '例: さくら内科クリニック' }),
    field('FAX 番号', { name: 'fax_numbers', autocomplete: 'off', inputmode: 'tel' }, { hint: '複数あるときは「,」で区切る（例: 03-1111-2222, 03-1111-3333）' }),
    field('原本の期限（日）', { name: 'original_deadline_days', inputmode: 'numeric', autocomplete: 'off', maxlength: '2' }, { hint: '1〜90。空欄は薬局の標準' }),
  ];
}

/** Reads and checks the common fields; shows the first problem and answers null. */
function readClinicForm(form) {
  const name = form.elements.name.value.trim();
  if (!name) {
    showError(form, '名称を入力してください', 'name');
    return null;
  }
  const faxNumbers = splitFaxNumbers(form.elements.fax_numbers.value);
  const bad = faxNumbers.find((n) => !/^[0-9()+\- ]+$/.test(n) || n.replace(/[^0-9]/g, '').length < 9 || n.replace(/[^0-9]/g, '').length > 11);
  if (bad) {
    showError(form, `FAX 番号「${bad}」が正しくありません（9〜11桁の数字）`, 'fax_numbers');
    return null;
  }
  const days = deadlineValue(form.elements.original_deadline_days.value);
  if (days === undefined) {
    showError(form, '原本の期限は1〜90の日数で入力してください', 'original_deadline_days');
    return null;
  }
  return { name, fax_numbers: faxNumbers, original_deadline_days: days };
}

export function render(main, ctx) {
  ctx.setTitle('医療機関の管理');
  const listArea = h('div', { class: 'table-area' }, h('p', {}, '読み込み中…'));
  const addForm = h(
    'form',
    { class: 'form form-inline', novalidate: true, 'aria-label': '医療機関の追加' },
    clinicFields({ withCode: true }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '追加')),
  );
  const editTitle = h('p', { class: 'lead', id: 'edit-clinic-target' });
  const editForm = h(
    'form',
    { class: 'form form-inline', novalidate: true, 'aria-labelledby': 'edit-clinic-heading edit-clinic-target' },
    clinicFields({ withCode: false }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button' }, '保存'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'cancel-edit', onclick: () => closeEdit() }, 'キャンセル'),
    ),
  );
  const editSection = section('edit-clinic-heading', '医療機関を編集', editTitle, editForm);
  editSection.hidden = true;
  let editing = null;

  append(main, [
    heading('管理'),
    adminTabs('/admin/clinics'),
    flashNotice(ctx.flash),
    section('add-clinic-heading', '医療機関を追加', h('p', { class: 'hint' }, 'FAX で届いた処方箋は、送信元の FAX 番号で医療機関を特定します。'), addForm),
    editSection,
    section('clinics-heading', '医療機関一覧', listArea),
  ]);

  const focusList = () => {
    if (ctx.alive()) document.getElementById('clinics-heading').focus();
  };

  async function load() {
    try {
      const { clinics } = await get('/api/v1/clinics');
      if (ctx.alive()) listArea.replaceChildren(table(clinics));
    } catch (e) {
      if (ctx.alive()) listArea.replaceChildren(loadError(e));
    }
  }

  function table(clinics) {
    if (!clinics.length) return h('p', {}, '登録された医療機関はありません。');
    return h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, '医療機関一覧'),
      h('thead', {}, h('tr', {}, ['医療機関コード', '名称', 'FAX 番号', '原本の期限', '状態', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, clinics.map(row)),
    );
  }

  function row(clinic) {
    const status = clinic.active ? ['active', '有効'] : ['disabled', '無効'];
    const actions = [
      h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'edit', 'aria-label': `${clinic.name} を編集`, onclick: () => openEdit(clinic) }, '編集'),
      clinic.active
        ? h('button', { type: 'button', class: 'button button-danger button-small', 'data-action': 'deactivate', 'aria-label': `${clinic.name} を無効化`, onclick: () => deactivate(clinic) }, '無効化')
        : h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'reactivate', 'aria-label': `${clinic.name} を再び有効にする`, onclick: () => reactivate(clinic) }, '有効に戻す'),
    ];
    return h(
      'tr',
      { 'data-clinic-id': String(clinic.id) },
      h('td', {}, h('code', {}, clinic.institution_code)),
      h('td', {}, clinic.name),
      h('td', {}, clinic.fax_numbers.length ? clinic.fax_numbers.map(formatFax).join('、') : '—'),
      h('td', {}, clinic.original_deadline_days ? `${clinic.original_deadline_days} 日` : '標準'),
      h('td', {}, h('span', { class: `status status-${status[0]}`, 'data-status': status[0] }, status[1])),
      h('td', { class: 'actions' }, actions),
    );
  }

  function openEdit(clinic) {
    editing = clinic;
    clearErrors(editForm);
    editTitle.textContent = `${clinic.name}（医療機関コード ${clinic.institution_code}）`;
    editForm.elements.name.value = clinic.name;
    editForm.elements.fax_numbers.value = clinic.fax_numbers.map(formatFax).join(', ');
    editForm.elements.original_deadline_days.value = clinic.original_deadline_days ? String(clinic.original_deadline_days) : '';
    editSection.hidden = false;
    editForm.elements.name.focus();
  }

  function closeEdit() {
    editing = null;
    editSection.hidden = true;
    focusList();
  }

  async function setActive(clinic, active) {
    try {
      await put(`/api/v1/clinics/${encodeURIComponent(clinic.id)}`, { active });
      announce(active ? `${clinic.name} を有効に戻しました` : `${clinic.name} を無効化しました`);
    } catch (e) {
      listArea.prepend(h('div', { class: 'notice notice-error', role: 'alert' }, `変更できませんでした: ${e.message}`));
      return;
    }
    await load();
    focusList();
  }

  async function deactivate(clinic) {
    const ok = await confirmDialog({
      title: '医療機関を無効化',
      message: `${clinic.name}（${clinic.institution_code}）を無効化します。一覧には残りますが、この医療機関の FAX 番号から届いた処方箋は「登録されていない FAX 番号」として警告されます。後から有効に戻せます。`,
      confirmLabel: '無効化する',
    });
    if (!ok || !ctx.alive()) return;
    await setActive(clinic, false);
  }

  async function reactivate(clinic) {
    await setActive(clinic, true);
  }

  editForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(editForm);
    if (!editing) return;
    const body = readClinicForm(editForm);
    if (!body) return;
    const done = busy(editForm);
    let saved;
    try {
      saved = await put(`/api/v1/clinics/${encodeURIComponent(editing.id)}`, body);
    } catch (e) {
      done();
      return showError(editForm, e.message, formField(e.field));
    }
    done();
    announce(`${saved.name} を保存しました`);
    editing = null;
    editSection.hidden = true;
    await load();
    focusList();
  });

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(addForm);
    const code = addForm.elements.institution_code.value.trim();
    if (!/^[0-9]{10}$/.test(code)) return showError(addForm, '医療機関コードは10桁の数字で入力してください', 'institution_code');
    const body = readClinicForm(addForm);
    if (!body) return;
    if (body.original_deadline_days === null) delete body.original_deadline_days;
    const done = busy(addForm);
    let added;
    try {
      added = await post('/api/v1/clinics', { institution_code: code, ...body });
    } catch (e) {
      done();
      return showError(addForm, e.message, formField(e.field));
    }
    done();
    addForm.reset();
    announce(`${added.name} を追加しました`);
    await load();
    addForm.elements.institution_code.focus();
  });

  load();
  return null;
}
