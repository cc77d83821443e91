// API clients (clinic systems, fax gateways): list, add (API key shown once), revoke.
import { get, post } from '../api.js';
import { confirmDialog, secretsDialog } from '../dialog.js';
import { announce, append, busy, clearErrors, field, formatTokyo, h, showError } from '../dom.js';
import { adminTabs, flashNotice, heading, loadError, section } from './common.js';

const kKinds = [
  ['clinic', '医療機関'],
  ['fax_gateway', 'FAX ゲートウェイ'],
];
const kindLabel = (kind) => (kKinds.find(([k]) => k === kind) || [kind, kind])[1];

export function render(main, ctx) {
  ctx.setTitle('API クライアントの管理');
  const listArea = h('div', { class: 'table-area' }, h('p', {}, '読み込み中…'));
  const codeField = field('医療機関コード', { name: 'institution_code', inputmode: 'numeric', autocomplete: 'off', maxlength: '10' }, {
    hint: '7桁または10桁の数字',
  });
  const form = h(
    'form',
    { class: 'form form-inline', novalidate: true, 'aria-label': 'API クライアントの追加' },
    field('名称', { name: 'name', autocomplete: 'off' }, { hint: '例: さくら内科' }),
    field('種別', { name: 'kind' }, { options: kKinds }),
    codeField,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '追加')),
  );
  const syncKind = () => {
    codeField.hidden = form.elements.kind.value !== 'clinic';
  };
  form.elements.kind.addEventListener('change', syncKind);
  syncKind();

  append(main, [
    heading('管理'),
    adminTabs('/admin/clients'),
    flashNotice(ctx.flash),
    section('add-client-heading', 'API クライアントを追加', h('p', { class: 'hint' }, '追加すると API キーを一度だけ表示します。キーはハッシュでしか保存されず、後から確認できません。'), form),
    section('clients-heading', 'API クライアント一覧', listArea),
  ]);

  // After an action re-renders the list, the button that had focus is gone: start again at
  // the list's heading rather than at the top of the page.
  const focusList = () => {
    if (ctx.alive()) document.getElementById('clients-heading').focus();
  };

  async function load() {
    try {
      const { clients } = await get('/api/v1/clients');
      if (ctx.alive()) listArea.replaceChildren(table(clients));
    } catch (e) {
      if (ctx.alive()) listArea.replaceChildren(loadError(e));
    }
  }

  function table(clients) {
    if (!clients.length) return h('p', {}, 'API クライアントはありません。');
    return h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, 'API クライアント一覧'),
      h('thead', {}, h('tr', {}, ['ID', '名称', '種別', '医療機関コード', 'キー ID', '状態', '作成日時', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, clients.map(row)),
    );
  }

  function row(client) {
    const status = client.revoked ? ['revoked', '失効'] : ['active', '有効'];
    return h(
      'tr',
      { 'data-client-id': String(client.id) },
      h('td', {}, String(client.id)),
      h('td', {}, client.name),
      h('td', {}, kindLabel(client.kind)),
      h('td', {}, client.institution_code || '—'),
      h('td', {}, h('code', {}, client.key_id)),
      h('td', {}, h('span', { class: `status status-${status[0]}`, 'data-status': status[0] }, status[1])),
      h('td', {}, formatTokyo(client.created_at)),
      h(
        'td',
        { class: 'actions' },
        client.revoked
          ? null
          : h('button', { type: 'button', class: 'button button-danger button-small', 'data-action': 'revoke', 'aria-label': `${client.name} のキーを失効`, onclick: () => revoke(client) }, '失効'),
      ),
    );
  }

  async function revoke(client) {
    const ok = await confirmDialog({
      title: 'API キーを失効',
      message: `${client.name}（ID ${client.id}）の API キーを失効させます。このキーを使うシステムはすぐに接続できなくなり、元に戻せません。`,
      confirmLabel: '失効させる',
    });
    if (!ok || !ctx.alive()) return;
    try {
      await post(`/api/v1/clients/${encodeURIComponent(client.id)}/revoke`);
      announce(`${client.name} のキーを失効させました`);
    } catch (e) {
      listArea.prepend(h('div', { class: 'notice notice-error', role: 'alert' }, `失効できませんでした: ${e.message}`));
    }
    await load();
    focusList();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const name = form.elements.name.value.trim();
    const kind = form.elements.kind.value;
    const code = form.elements.institution_code.value.trim();
    if (!name) return showError(form, '名称を入力してください', 'name');
    if (kind === 'clinic' && !/^([0-9]{7}|[0-9]{10})$/.test(code))
      return showError(form, '医療機関コードは7桁または10桁の数字で入力してください', 'institution_code');
    const body = { name, kind };
    if (kind === 'clinic') body.institution_code = code;
    const done = busy(form);
    let issued;
    try {
      issued = await post('/api/v1/clients', body);
    } catch (e) {
      done();
      return showError(form, e.message, e.field);
    }
    done();
    form.reset();
    syncKind();
    await secretsDialog({
      title: 'API クライアントを追加しました',
      lead: 'この API キーは一度だけ表示します。閉じると二度と表示できません。接続するシステムに安全な方法で設定してください。',
      items: [
        { label: '名称', value: issued.client.name, name: 'name' },
        { label: 'API キー', value: issued.api_key, name: 'api_key' },
      ],
    });
    await load();
    form.elements.name.focus();
  });

  load();
  return null;
}
