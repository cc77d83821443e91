// One prescription: its pages (zoom, rotate, page through) beside the decoded data, the
// content form (manual entry for a fax without a readable QR), findings a pharmacist
// resolves, the lifecycle steps of the current state, misdirected (誤送信), duplicate links
// and the timeline. Every change sends the version the screen shows; a 409 is shown with the
// server's reason and, for a version conflict, an offer to reload.
import { get, post, put } from '../api.js';
import { confirmDialog, textDialog } from '../dialog.js';
import { announce, busy, clearErrors, formatTokyo, h, showError } from '../dom.js';
import { heading, loadError, section } from './common.js';
import { pageViewer } from './pageViewer.js';
import { actionsFor, eventLabel, findingsBadge, markers, severityBadge, statusBadge, statusLabel } from './rx.js';
import { contentForm, contentView } from './rxForm.js';

export function render(main, ctx) {
  const id = Number(ctx.params.id);
  const role = ctx.user.role;
  ctx.setTitle(`処方箋 #${id}`);
  const titleEl = heading(`処方箋 #${id}`);
  const summary = h('div', { class: 'rx-summary' });
  const notices = h('div', { class: 'rx-notices' });
  const viewerArea = h('div', { class: 'rx-pages' });
  const side = h('div', { class: 'rx-side' });
  main.append(
    h('div', { class: 'screen-head' }, titleEl, h('a', { class: 'button button-secondary', href: '/prescriptions', 'data-link': true }, '← 受付キューへ')),
    ctx.flash ? h('div', { class: `notice notice-${ctx.flash.kind}`, role: 'status' }, ctx.flash.text) : '',
    summary,
    notices,
    h('div', { class: 'rx-layout' }, viewerArea, side),
  );

  let view = null;
  let viewer = null;
  let pagesKey = '';
  let editing = false;
  ctx.onLeave(() => viewer && viewer.stop());

  async function load({ focus } = {}) {
    try {
      const [fresh, timeline] = await Promise.all([get(`/api/v1/prescriptions/${id}`), get(`/api/v1/prescriptions/${id}/timeline`)]);
      if (!ctx.alive()) return;
      show(fresh, timeline.events || []);
      if (focus) document.getElementById(focus)?.focus();
    } catch (e) {
      if (!ctx.alive()) return;
      if (e.status === 404) {
        summary.replaceChildren();
        side.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' }, 'この処方箋は見つかりません（削除されたか、番号が違います）。'));
      } else {
        side.replaceChildren(loadError(e));
      }
    }
  }

  // After a change the server answers with the new view; the timeline is fetched again.
  async function changed(fresh, message, focus) {
    announce(message);
    let events = null;
    try {
      events = (await get(`/api/v1/prescriptions/${id}/timeline`)).events || [];
    } catch {
      events = null;
    }
    if (!ctx.alive()) return;
    show(fresh, events);
    if (focus) document.getElementById(focus)?.focus();
  }

  /** An error answer: the server's words, and for a stale version the way out. */
  function errorNotice(e, what) {
    const box = h('div', { class: 'notice notice-error', role: 'alert', 'data-error-code': e.code }, h('p', {}, `${what}できませんでした: ${e.message}`));
    if (e.code === 'version_conflict' || e.code === 'content_locked' || e.status === 409)
      box.append(
        h(
          'p',
          {},
          h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'reload', onclick: () => load({ focus: 'rx-actions-heading' }) }, '最新の内容を読み込む'),
        ),
      );
    return box;
  }

  function show(fresh, events) {
    view = fresh;
    renderSummary();
    renderViewer();
    const parts = [actionsSection(), findingsSection(), contentSection(), duplicateSection()];
    if (events) parts.push(timelineSection(events));
    else parts.push(document.getElementById('rx-timeline') || h('p', {}));
    side.replaceChildren(...parts);
  }

  function renderSummary() {
    titleEl.textContent = `処方箋 #${view.id}${view.patient_name ? `　${view.patient_name}` : ''}`;
    ctx.setTitle(`処方箋 #${view.id}`);
    summary.replaceChildren(
      h(
        'dl',
        { class: 'rx-facts' },
        h('div', {}, h('dt', {}, '状態'), h('dd', {}, statusBadge(view))),
        h('div', {}, h('dt', {}, '経路'), h('dd', {}, view.channel_label)),
        h('div', {}, h('dt', {}, '受付'), h('dd', {}, formatTokyo(view.received_at))),
        view.sender_fax ? h('div', {}, h('dt', {}, '送信元 FAX'), h('dd', {}, view.sender_fax)) : null,
        h('div', {}, h('dt', {}, '指摘'), h('dd', {}, findingsBadge(view))),
        h('div', {}, h('dt', {}, '版'), h('dd', { 'data-version': view.version }, String(view.version))),
      ),
      h('div', { class: 'rx-markers' }, markers(view)),
    );
    const list = [];
    if (view.misdirected || view.status === 'misdirected')
      list.push(h('div', { class: 'notice notice-error' }, '誤送信として登録済みです。この処方箋で調剤しないでください。'));
    if (view.duplicate_of)
      list.push(
        h(
          'div',
          { class: 'notice notice-warning' },
          '同じ処方箋が既に受け付けられています（',
          h('a', { href: `/prescriptions/${view.duplicate_of}`, 'data-link': true }, `受付番号 #${view.duplicate_of}`),
          '）。二重に調剤しないでください。',
        ),
      );
    if (view.needs_entry) list.push(h('div', { class: 'notice notice-warning' }, 'QR コードを読み取れなかったため、画像を見て処方内容を入力してください。'));
    notices.replaceChildren(...list);
  }

  function renderViewer() {
    const pages = view.misdirected ? [] : view.pages || [];
    const key = pages.map((p) => p.image_url).join('|');
    if (key === pagesKey && viewer) return;
    pagesKey = key;
    if (viewer) viewer.stop();
    viewer = null;
    if (!pages.length) {
      viewerArea.replaceChildren(
        section('rx-pages-heading', '画像', h('p', { class: 'muted' }, view.misdirected ? '誤送信の画像は作業画面に表示しません。' : 'この処方箋には画像がありません。')),
      );
      viewerArea.classList.add('rx-pages-empty');
      return;
    }
    viewerArea.classList.remove('rx-pages-empty');
    viewer = pageViewer(pages);
    viewerArea.replaceChildren(section('rx-pages-heading', '画像', viewer.element));
  }

  // ---------------------------------------------------------------- lifecycle steps

  function actionsSection() {
    const actions = actionsFor(view, role);
    const note = h('input', { type: 'text', id: 'rx-action-note', name: 'note', maxlength: 2000, autocomplete: 'off' });
    const result = h('div', { class: 'rx-action-result' });
    const buttons = actions.map((a) =>
      h(
        'button',
        {
          type: 'button',
          class: a.danger ? 'button button-danger' : a.primary ? 'button' : 'button button-secondary',
          'data-rx-action': a.action,
          onclick: () => run(a),
        },
        a.label,
      ),
    );
    const box = h(
      'div',
      {},
      actions.length
        ? [
            h('div', { class: 'field' }, h('label', { for: 'rx-action-note' }, 'メモ（任意・履歴に残ります）'), note),
            h('div', { class: 'form-actions rx-action-buttons' }, buttons),
          ]
        : h('p', { class: 'muted' }, role === 'clerk' && view.status === 'received' ? '監査は薬剤師が行います。' : 'この状態で行える操作はありません。'),
      result,
    );

    async function run(a) {
      let text = note.value.trim();
      if (a.action === 'mark_misdirected') {
        text = await textDialog({
          title: '誤送信として登録',
          message: `受付番号 #${view.id} を誤送信として登録します。受付キューと作業画面から外れ、元に戻せません。送信元には別途連絡してください。`,
          label: '理由・送信元への連絡（必須）',
          confirmLabel: '誤送信として登録する',
          maxLength: 2000,
        });
        if (text === null || !ctx.alive()) return;
      } else if (a.confirm) {
        const ok = await confirmDialog({ title: a.label, message: `受付番号 #${view.id} を「${a.label}」します。元に戻せません。`, confirmLabel: `${a.label}する` });
        if (!ok || !ctx.alive()) return;
      }
      const done = busy(box);
      result.replaceChildren();
      try {
        const fresh = await post(`/api/v1/prescriptions/${id}/actions/${a.action}`, { version: view.version, note: text });
        if (!ctx.alive()) return;
        if (a.action === 'mark_misdirected') {
          ctx.navigate('/prescriptions', { flash: { kind: 'success', text: `受付番号 #${id} を誤送信として登録しました。受付キューから外れました。` } });
          return;
        }
        await changed(fresh, `「${a.label}」を行いました。状態: ${fresh.status_label}`, 'rx-actions-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        result.replaceChildren(errorNotice(e, `「${a.label}」`));
        result.querySelector('[role="alert"]')?.setAttribute('tabindex', '-1');
        result.firstChild.focus();
      }
    }
    return section('rx-actions-heading', `操作（現在: ${statusLabel(view.status)}）`, box);
  }

  // ---------------------------------------------------------------- findings

  function findingsSection() {
    const findings = view.findings || [];
    const list = findings.length
      ? h(
          'ul',
          { class: 'findings' },
          findings.map((f) =>
            h(
              'li',
              { class: f.resolved ? 'finding finding-resolved' : 'finding', 'data-finding': f.id, 'data-code': f.code },
              h('div', { class: 'finding-head' }, severityBadge(f.severity), f.resolved ? h('span', { class: 'marker marker-resolved' }, '解決済') : null),
              h('p', { class: 'finding-message' }, f.message),
              f.evidence ? h('p', { class: 'finding-evidence muted' }, `根拠: ${f.evidence}`) : null,
              f.resolved ? h('p', { class: 'finding-resolution' }, `対応: ${f.resolution || ''}`) : resolveForm(f),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '指摘事項はありません。');
    return section('rx-findings-heading', '指摘事項', list);
  }

  function resolveForm(f) {
    if (role !== 'pharmacist') return h('p', { class: 'hint' }, '薬剤師が確認して解決します。');
    const inputId = `resolve-${f.id}`;
    const form = h(
      'form',
      { class: 'form resolve-form', novalidate: true, 'aria-label': `指摘 ${f.id} の解決` },
      h(
        'div',
        { class: 'field', 'data-field': 'resolution' },
        h('label', { for: inputId }, '対応内容（必須）'),
        h('input', { type: 'text', id: inputId, name: 'resolution', maxlength: 2000, autocomplete: 'off' }),
        h('p', { class: 'field-error', hidden: true }),
      ),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-small', 'data-action': 'resolve' }, '解決する')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const resolution = form.elements.resolution.value.trim();
      if (!resolution) return showError(form, '対応内容を入力してください', 'resolution');
      const done = busy(form);
      try {
        const fresh = await post(`/api/v1/prescriptions/${id}/findings/${f.id}/resolve`, { resolution });
        if (!ctx.alive()) return;
        await changed(fresh, '指摘を解決しました', 'rx-findings-heading');
      } catch (e) {
        done();
        showError(form, e.message, e.field === 'resolution' ? 'resolution' : null);
      }
    });
    return form;
  }

  // ---------------------------------------------------------------- content

  function contentSection() {
    const editable = ['received', 'inquiry', 'on_hold'].includes(view.status) && !view.misdirected;
    const open = editable && (editing || view.needs_entry);
    if (open) {
      const editor = contentForm(view.prescription, {
        submitLabel: view.needs_entry ? '入力した内容を保存' : '修正を保存',
        onCancel: view.needs_entry
          ? null
          : () => {
              editing = false;
              show(view, null);
              document.getElementById('rx-content-heading')?.focus();
            },
        onSubmit: async (prescription, form) => {
          clearErrors(form);
          form.querySelector('.rx-form-error')?.remove();
          const done = busy(form);
          try {
            const fresh = await put(`/api/v1/prescriptions/${id}/content`, { version: view.version, prescription });
            if (!ctx.alive()) return;
            editing = false;
            await changed(fresh, '処方内容を保存しました。指摘事項を確認し直しました', 'rx-content-heading');
          } catch (e) {
            if (!ctx.alive()) return;
            done();
            // PUT …/content names fields from the prescription's root (rps[0].items[0].unit);
            // the controls are named from the body's root.
            const name = e.field && e.field !== 'version' ? (e.field.startsWith('prescription') ? e.field : `prescription.${e.field}`) : null;
            if (name && form.querySelector(`.field[data-field="${CSS.escape(name)}"]`)) showError(form, e.message, name);
            else {
              form.querySelector('.rx-form-error')?.remove();
              const box = errorNotice(e, '保存');
              box.classList.add('rx-form-error');
              form.prepend(box);
              box.setAttribute('tabindex', '-1');
              box.focus();
            }
          }
        },
      });
      return section(
        'rx-content-heading',
        view.needs_entry ? '処方内容の入力' : '処方内容の修正',
        h('p', { class: 'hint' }, '画像を見ながら入力してください。必須: 患者の氏名（漢字）と生年月日、医療機関コードと名称、処方医、交付年月日、各 Rp の日数（数量）・用法、薬品名・用量・単位。'),
        editor.element,
      );
    }
    const body = view.prescription ? contentView(view.prescription, view) : h('p', { class: 'muted' }, '処方内容はまだ入力されていません。');
    const edit = editable
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary',
            'data-action': 'edit-content',
            onclick: () => {
              editing = true;
              show(view, null);
              document.querySelector('.rx-form input')?.focus();
            },
          },
          '内容を修正する',
        )
      : null;
    return section('rx-content-heading', '処方内容', body, edit ? h('div', { class: 'form-actions' }, edit) : null);
  }

  // ---------------------------------------------------------------- duplicates

  function duplicateSection() {
    const result = h('div', {});
    const send = async (of, form) => {
      const done = busy(form);
      result.replaceChildren();
      try {
        const body = { version: view.version };
        if (of) body.of = of;
        const fresh = await post(`/api/v1/prescriptions/${id}/duplicate`, body);
        if (!ctx.alive()) return;
        await changed(fresh, of ? `受付番号 #${of} の重複として関連付けました` : '重複の関連付けを解除しました', 'rx-duplicate-heading');
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        if (e.field === 'of') showError(form, e.message, 'of');
        else result.replaceChildren(errorNotice(e, '関連付け'));
      }
    };
    let form;
    if (view.duplicate_of) {
      form = h(
        'form',
        { class: 'form', novalidate: true },
        h('p', {}, `受付番号 #${view.duplicate_of} の重複として関連付けられています。`),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary', 'data-action': 'unlink-duplicate' }, '関連付けを解除')),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        send(null, form);
      });
    } else {
      form = h(
        'form',
        { class: 'form form-inline', novalidate: true, 'aria-label': '重複の関連付け' },
        h(
          'div',
          { class: 'field', 'data-field': 'of' },
          h('label', { for: 'duplicate-of' }, '同じ処方箋の受付番号'),
          h('input', { type: 'text', id: 'duplicate-of', name: 'of', inputmode: 'numeric', autocomplete: 'off' }),
          h('p', { class: 'field-error', hidden: true }),
        ),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-secondary', 'data-action': 'link-duplicate' }, '重複として関連付け')),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        clearErrors(form);
        const text = form.elements.of.value.trim().replace(/^#/, '');
        if (!/^[1-9][0-9]{0,15}$/.test(text)) return showError(form, '受付番号を数字で入力してください', 'of');
        if (Number(text) === id) return showError(form, '自分自身は指定できません', 'of');
        send(Number(text), form);
      });
    }
    return section('rx-duplicate-heading', '重複', h('p', { class: 'hint' }, '同じ処方箋が FAX の再送・API・原本などで二重に届いたときに関連付けます。重複はキューで「重複」と表示されます。'), form, result);
  }

  // ---------------------------------------------------------------- timeline

  function timelineSection(events) {
    const rows = events.map((e) =>
      h(
        'tr',
        {},
        h('td', {}, formatTokyo(e.at)),
        h('td', {}, eventLabel(e.action)),
        h('td', {}, e.from && e.to && e.from !== e.to ? `${statusLabel(e.from)} → ${statusLabel(e.to)}` : e.to && !e.from ? statusLabel(e.to) : ''),
        h('td', {}, e.actor),
        h('td', {}, e.action === 'resolve_finding' ? `指摘 ${e.note}` : e.note),
      ),
    );
    const table = h(
      'table',
      { class: 'data-table timeline' },
      h('caption', { class: 'visually-hidden' }, '履歴（古い順）'),
      h('thead', {}, h('tr', {}, ['日時', '操作', '状態', '実行者', 'メモ'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows),
    );
    const s = section('rx-timeline-heading', '履歴', h('div', { class: 'table-area' }, table));
    s.id = 'rx-timeline';
    return s;
  }

  load();
  return null;
}
