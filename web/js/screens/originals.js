// 原本管理: the originals (処方箋原本) still awaited, grouped by clinic, most urgent first, with
// the chase action per clinic (POST /api/v1/originals/chase answers the cover letter as a PDF,
// offered as a download link); originals that matched no prescription (orphans) with the
// attach action; and an original received without knowing its prescription.
// Overdue is said in words and with a symbol as well as by colour.
import { get, post } from '../api.js';
import { announce, busy, clearErrors, formatTokyo, h, showError } from '../dom.js';
import { flashNotice, heading, loadError, section } from './common.js';
import { statusLabel } from './rx.js';

const kMaxBytes = 20 * 1024 * 1024;
const kTypes = ['image/png', 'image/jpeg', 'image/tiff', 'application/pdf'];
const kHoldReasons = {
  no_match: '該当する処方箋なし',
  ambiguous: '候補が複数',
  unreadable: 'QR 読み取り不可',
};
const kDueReasons = { mail_deadline: '郵送期限', claim_cutoff: '請求締切' };

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** YYYY-MM-DD or YYYYMMDD as 2026/11/21; anything else as is. */
export function formatDay(text) {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text || '');
  return m ? `${m[1]}/${m[2]}/${m[3]}` : text || '';
}

/** The deadline cell: overdue / due soon / not yet running, in words, a symbol and a class. */
export function dueBadge(o) {
  if (!o.due_on) return h('span', { class: 'due due-none', 'data-due': 'none' }, '調剤前（期限なし）');
  if (o.overdue)
    return h(
      'span',
      { class: 'due due-overdue', 'data-due': 'overdue' },
      h('span', { class: 'due-symbol', 'aria-hidden': 'true' }, '!'),
      `期限超過 ${o.days_overdue || 0}日`,
    );
  const soon = (o.days_until_due ?? 99) <= 2;
  return h(
    'span',
    { class: soon ? 'due due-soon' : 'due due-ok', 'data-due': soon ? 'soon' : 'ok' },
    o.days_until_due === 0 ? '本日期限' : `あと ${o.days_until_due}日`,
  );
}

/** Offers a PDF answer as a download link (and starts the download once). */
export function pdfLink(blob, fileName, label) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { class: 'button button-secondary', href: url, download: fileName, 'data-download': fileName }, label);
  return { link, url };
}

export function render(main, ctx) {
  ctx.setTitle('原本管理');
  const role = ctx.user.role;
  const summary = h('p', { class: 'originals-summary', role: 'status' }, '読み込み中…');
  const outstandingArea = h('div', { class: 'originals-groups' });
  const chaseResult = h('div', { class: 'chase-result' });
  const orphanArea = h('div', {});
  const urls = [];
  ctx.onLeave(() => urls.forEach((u) => URL.revokeObjectURL(u)));

  main.append(
    h('div', { class: 'screen-head' }, heading('原本管理'), h('a', { class: 'button button-secondary', href: '/reports', 'data-link': true, hidden: !['pharmacist', 'admin'].includes(role) }, '帳票（原本未着一覧）')),
    flashNotice(ctx.flash) || '',
    section(
      'outstanding-heading',
      '未着の原本',
      h('p', { class: 'hint' }, 'FAX・医療機関連携で受け付けた処方箋のうち、原本が届いていないもの。期限の近い順（調剤前のものは期限なしで後ろ）。医療機関ごとに督促状（PDF）を作れます。'),
      summary,
      chaseResult,
      outstandingArea,
    ),
    section('orphans-heading', '照合先が見つからない原本', orphanArea),
    receiveSection(),
  );

  // ------------------------------------------------------------ outstanding

  async function loadOutstanding() {
    try {
      const [data, clinicList] = await Promise.all([get('/api/v1/originals/outstanding'), get('/api/v1/clinics').catch(() => ({ clinics: [] }))]);
      if (!ctx.alive()) return;
      showOutstanding(data, new Map((clinicList.clinics || []).map((c) => [c.id, c])));
    } catch (e) {
      if (!ctx.alive()) return;
      summary.textContent = '';
      outstandingArea.replaceChildren(loadError(e));
    }
  }

  function showOutstanding(data, clinics) {
    const list = data.originals || [];
    summary.textContent = list.length ? `未着 ${data.count} 件（うち期限超過 ${data.overdue} 件）` : '';
    summary.dataset.overdue = String(data.overdue || 0);
    if (!list.length) {
      outstandingArea.replaceChildren(h('p', { class: 'muted', 'data-empty': 'outstanding' }, '未着の原本はありません。'));
      return;
    }
    // One group per clinic, in the order of each clinic's most urgent row.
    const groups = new Map();
    for (const o of list) {
      const key = o.clinic_id ? `c${o.clinic_id}` : `i${o.institution_code || ''}`;
      if (!groups.has(key)) groups.set(key, { clinicId: o.clinic_id || null, name: o.clinic_name || (o.clinic_id && clinics.get(o.clinic_id)?.name) || '', code: o.institution_code, rows: [] });
      groups.get(key).rows.push(o);
    }
    outstandingArea.replaceChildren(...[...groups.values()].map(groupView));
  }

  function groupView(g) {
    const overdue = g.rows.filter((o) => o.overdue).length;
    const dispensed = g.rows.filter((o) => o.due_on).length;
    const lastChase = g.rows.map((o) => o.last_chased_at).filter(Boolean).sort().pop();
    const titleId = `clinic-${g.clinicId || g.code || 'unknown'}`;
    const name = g.name || (g.code ? `医療機関コード ${g.code}` : '医療機関不明');
    const chase = g.clinicId
      ? h(
          'button',
          {
            type: 'button',
            class: overdue ? 'button' : 'button button-secondary',
            'data-action': 'chase',
            'data-clinic': g.clinicId,
            disabled: dispensed === 0,
            title: dispensed === 0 ? '調剤済みのものがないため督促できません' : null,
            onclick: (event) => runChase(g, name, event.currentTarget),
          },
          '督促状を作成（PDF）',
        )
      : h('span', { class: 'hint' }, '医療機関が登録されていないため督促状は作れません');
    const rows = g.rows.map((o) =>
      h(
        'tr',
        { 'data-id': o.prescription_id, class: o.overdue ? 'row-overdue' : null },
        h('td', {}, h('a', { href: `/originals/${o.prescription_id}`, 'data-link': true, 'aria-label': `受付番号 ${o.prescription_id} の原本照合を開く` }, `#${o.prescription_id}`)),
        h('td', {}, o.patient_name || h('span', { class: 'muted' }, '（未入力）')),
        h('td', {}, o.prescription_number || ''),
        h('td', {}, formatDay(o.issue_date)),
        h('td', { class: 'num' }, `${o.age_days ?? ''}日`),
        h('td', {}, o.dispensed_on ? formatDay(o.dispensed_on) : h('span', { class: 'muted' }, `${statusLabel(o.status)}（調剤前）`)),
        h('td', {}, o.due_on ? `${formatDay(o.due_on)}（${kDueReasons[o.due_reason] || ''}）` : '―'),
        h('td', {}, dueBadge(o)),
      ),
    );
    return h(
      'section',
      { class: overdue ? 'clinic-group clinic-overdue' : 'clinic-group', 'aria-labelledby': titleId, 'data-clinic-group': g.clinicId || '' },
      h(
        'div',
        { class: 'clinic-head' },
        h('h3', { id: titleId }, name),
        h(
          'p',
          { class: 'clinic-facts' },
          `${g.rows.length} 件`,
          overdue ? h('span', { class: 'due due-overdue' }, h('span', { class: 'due-symbol', 'aria-hidden': 'true' }, '!'), `期限超過 ${overdue} 件`) : null,
          lastChase ? h('span', { class: 'muted' }, `最終督促 ${formatTokyo(lastChase)}`) : h('span', { class: 'muted' }, '督促なし'),
        ),
        chase,
      ),
      h(
        'div',
        { class: 'table-area' },
        h(
          'table',
          { class: 'data-table originals-table' },
          h('caption', { class: 'visually-hidden' }, `${name} の未着の原本`),
          h('thead', {}, h('tr', {}, ['受付番号', '患者', '処方箋番号', '交付日', '受付から', '調剤日', '期限', '状況'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows),
        ),
      ),
    );
  }

  async function runChase(g, name, button) {
    button.disabled = true;
    chaseResult.replaceChildren(h('p', { role: 'status' }, `${name} の督促状を作成中…`));
    try {
      const res = await fetch('/api/v1/originals/chase', {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json', Accept: 'application/pdf', 'X-CSRF-Token': ctx.csrfToken() },
        body: JSON.stringify({ clinic_id: g.clinicId }),
      });
      if (!ctx.alive()) return;
      if (!res.ok) {
        let message = `サーバーがエラーを返しました (${res.status})`;
        try {
          message = (await res.json()).error.message || message;
        } catch {
          // not JSON: keep the generic message
        }
        throw new Error(message);
      }
      const count = res.headers.get('X-Originals-Count');
      const blob = await res.blob();
      const { link, url } = pdfLink(blob, `原本督促状-${g.clinicId}.pdf`, '督促状（PDF）を開く');
      urls.push(url);
      chaseResult.replaceChildren(
        h('div', { class: 'notice notice-success', role: 'status', 'data-chase': g.clinicId }, h('p', {}, `${name} の督促状を作成しました（原本 ${count ?? '?'} 件）。印刷して FAX または郵送してください。`), link),
      );
      announce(`${name} の督促状を作成しました`);
      link.click();
      loadOutstanding();
    } catch (e) {
      if (!ctx.alive()) return;
      chaseResult.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' }, `督促状を作成できませんでした: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  }

  // ------------------------------------------------------------ orphans

  async function loadOrphans() {
    try {
      const { orphans } = await get('/api/v1/originals/orphans');
      if (!ctx.alive()) return;
      if (!orphans.length) {
        orphanArea.replaceChildren(h('p', { class: 'muted', 'data-empty': 'orphans' }, '保留中の原本はありません。'));
        return;
      }
      orphanArea.replaceChildren(h('ul', { class: 'orphan-list' }, orphans.map(orphanView)));
    } catch (e) {
      if (ctx.alive()) orphanArea.replaceChildren(loadError(e));
    }
  }

  function orphanView(o) {
    const facts = h(
      'dl',
      { class: 'rx-dl' },
      h('div', {}, h('dt', {}, '受付'), h('dd', {}, formatTokyo(o.received_at))),
      h('div', {}, h('dt', {}, '保留理由'), h('dd', {}, kHoldReasons[o.hold_reason] || o.hold_reason)),
      h('div', {}, h('dt', {}, '医療機関'), h('dd', {}, [o.institution_name, o.institution_code].filter(Boolean).join(' ') || '不明')),
      h('div', {}, h('dt', {}, '患者'), h('dd', {}, o.patient_name || '不明')),
      h('div', {}, h('dt', {}, '交付日'), h('dd', {}, formatDay(o.issue_date) || '不明')),
      h('div', {}, h('dt', {}, '処方箋番号'), h('dd', {}, o.prescription_number || '不明')),
    );
    const thumbs = (o.pages || []).map((p) =>
      h('a', { href: p.image_url, target: '_blank', rel: 'noopener', class: 'orphan-thumb' }, h('img', { src: p.preview_url, alt: `保留中の原本 ${o.id} の ${p.page_no} ページ目`, width: 160, loading: 'lazy' })),
    );
    return h('li', { class: 'orphan', 'data-orphan': o.id }, h('div', { class: 'orphan-pages' }, thumbs), h('div', {}, h('h3', {}, `保留 #${o.id}`), facts, attachForm(o)));
  }

  function attachForm(o) {
    if (role !== 'pharmacist') return h('p', { class: 'hint' }, '処方箋への関連付けは薬剤師が行います。');
    const inputId = `attach-${o.id}`;
    const form = h(
      'form',
      { class: 'form form-inline', novalidate: true, 'aria-label': `保留 #${o.id} を処方箋に関連付け` },
      h(
        'div',
        { class: 'field', 'data-field': 'prescription_id' },
        h('label', { for: inputId }, '関連付ける受付番号'),
        h('input', { type: 'text', id: inputId, name: 'prescription_id', inputmode: 'numeric', autocomplete: 'off' }),
        h('p', { class: 'field-error', hidden: true }),
      ),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary', 'data-action': 'attach' }, '関連付けて照合')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const text = form.elements.prescription_id.value.trim().replace(/^#/, '');
      if (!/^[1-9][0-9]{0,15}$/.test(text)) return showError(form, '受付番号を数字で入力してください', 'prescription_id');
      const done = busy(form);
      try {
        const rx = await get(`/api/v1/prescriptions/${text}`);
        await post(`/api/v1/originals/orphans/${o.id}/attach`, { prescription_id: Number(text), version: rx.version });
        if (!ctx.alive()) return;
        ctx.navigate(`/originals/${text}`, { flash: { kind: 'success', text: `保留 #${o.id} の原本を受付番号 #${text} に関連付けました。` } });
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        showError(form, e.status === 404 && !e.field ? `受付番号 #${text} が見つかりません` : e.message, e.field === 'prescription_id' || e.status === 404 ? 'prescription_id' : null);
      }
    });
    return form;
  }

  // ------------------------------------------------------------ an original without a known prescription

  function receiveSection() {
    const fileId = 'original-file';
    const result = h('div', {});
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': '届いた原本の受付（処方箋が分からないとき）' },
      h(
        'div',
        { class: 'field', 'data-field': 'file' },
        h('label', { for: fileId }, '原本のスキャン画像'),
        h('p', { class: 'hint', id: `${fileId}-hint` }, 'PNG・JPEG・TIFF・PDF、20 MB まで。QR コードや医療機関・交付日・患者で待っている処方箋を探し、1 件に決まれば照合します。決まらなければ上の一覧に保留します。'),
        h('input', { type: 'file', id: fileId, name: 'file', accept: 'image/*,application/pdf', 'aria-describedby': `${fileId}-hint` }),
        h('p', { class: 'field-error', hidden: true }),
      ),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary', 'data-action': 'receive-original' }, '原本を受け付ける')),
    );
    let key = newKey();
    form.elements.file.addEventListener('change', () => {
      key = newKey();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      result.replaceChildren();
      const file = form.elements.file.files[0];
      if (!file) return showError(form, '画像ファイルを選んでください', 'file');
      if (file.size > kMaxBytes) return showError(form, 'ファイルが大きすぎます（20 MB まで）', 'file');
      const type = kTypes.includes(file.type) ? file.type : /\.tiff?$/i.test(file.name) ? 'image/tiff' : /\.pdf$/i.test(file.name) ? 'application/pdf' : null;
      if (!type) return showError(form, 'PNG・JPEG・TIFF・PDF のいずれかを選んでください', 'file');
      const done = busy(form);
      try {
        const out = await post('/api/v1/originals', new Blob([file], { type }), { headers: { 'Idempotency-Key': key } });
        if (!ctx.alive()) return;
        done();
        form.reset();
        key = newKey();
        if (out.outcome === 'attached') {
          const id = out.original.prescription_id;
          ctx.navigate(`/originals/${id}`, { flash: { kind: 'success', text: `受付番号 #${id} の原本として記録しました。` } });
          return;
        }
        result.replaceChildren(h('div', { class: 'notice notice-warning', role: 'status' }, `照合先が決まらないため保留しました（保留 #${out.orphan.id}: ${kHoldReasons[out.orphan.hold_reason] || out.orphan.hold_reason}）。`));
        loadOrphans();
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        showError(form, e.message, e.field ? 'file' : null);
      }
    });
    return section('receive-heading', '届いた原本の受付（処方箋が分からないとき）', form, result);
  }

  loadOutstanding();
  loadOrphans();
  return null;
}
