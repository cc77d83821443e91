// Staff accounts: list, add (credentials shown once), disable, reset TOTP.
import { get, post } from '../api.js';
import { confirmDialog, secretsDialog } from '../dialog.js';
import { announce, append, busy, clearErrors, field, formatTokyo, h, showError } from '../dom.js';
import { adminTabs, flashNotice, heading, loadError, section } from './common.js';

const kRoles = [
  ['pharmacist', '薬剤師'],
  ['clerk', '事務'],
  ['delivery', '配送担当'],
  ['admin', '管理者'],
];

function statusOf(user) {
  if (user.disabled) return ['disabled', '無効'];
  if (user.password_change_required) return ['pending', '初回パスワード未変更'];
  return ['active', '有効'];
}

function credentialItems(issued) {
  const items = [{ label: 'ログイン名', value: issued.user.login, name: 'login' }];
  if (issued.one_time_password) items.push({ label: 'ワンタイムパスワード', value: issued.one_time_password, name: 'one_time_password' });
  items.push({ label: 'TOTP シークレット', value: issued.totp_secret, name: 'totp_secret' });
  items.push({ label: 'TOTP URI（認証アプリ登録用）', value: issued.totp_uri, name: 'totp_uri' });
  return items;
}

export function render(main, ctx) {
  ctx.setTitle('利用者の管理');
  const listArea = h('div', { class: 'table-area' }, h('p', {}, '読み込み中…'));
  const form = h(
    'form',
    { class: 'form form-inline', novalidate: true, 'aria-label': '利用者の追加' },
    field('ログイン名', { name: 'login', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }, {
      hint: '英小文字・数字・._- の3〜32文字',
    }),
    field('表示名', { name: 'display_name', autocomplete: 'off' }, { hint: '例: 山田 花子' }),
    field('役割', { name: 'role' }, { options: kRoles }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '追加')),
  );
  append(main, [
    heading('管理'),
    adminTabs('/admin/users'),
    flashNotice(ctx.flash),
    section('add-user-heading', '利用者を追加', h('p', { class: 'hint' }, '追加すると、ワンタイムパスワードと TOTP シークレットを一度だけ表示します。本人に直接渡してください。'), form),
    section('users-heading', '利用者一覧', listArea),
  ]);

  // After an action re-renders the list, the button that had focus is gone: start again at
  // the list's heading rather than at the top of the page.
  const focusList = () => {
    if (ctx.alive()) document.getElementById('users-heading').focus();
  };

  async function load() {
    try {
      const { users } = await get('/api/v1/users');
      if (ctx.alive()) listArea.replaceChildren(table(users));
    } catch (e) {
      if (ctx.alive()) listArea.replaceChildren(loadError(e));
    }
  }

  function table(users) {
    if (!users.length) return h('p', {}, '利用者はいません。');
    return h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, '利用者一覧'),
      h('thead', {}, h('tr', {}, ['ログイン名', '表示名', '役割', '状態', '作成日時', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, users.map(row)),
    );
  }

  function row(user) {
    const [statusKey, statusLabel] = statusOf(user);
    const self = user.login === ctx.user.login;
    const actions = [];
    if (!user.disabled) {
      actions.push(h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'reset-totp', 'aria-label': `${user.login} の TOTP を再発行`, onclick: () => resetTotp(user) }, 'TOTP 再発行'));
      if (!self)
        actions.push(h('button', { type: 'button', class: 'button button-danger button-small', 'data-action': 'disable', 'aria-label': `${user.login} を無効化`, onclick: () => disable(user) }, '無効化'));
    }
    return h(
      'tr',
      { 'data-login': user.login },
      h('td', {}, h('code', {}, user.login), self ? h('span', { class: 'badge' }, '自分') : null),
      h('td', {}, user.display_name),
      h('td', {}, user.role_label),
      h('td', {}, h('span', { class: `status status-${statusKey}`, 'data-status': statusKey }, statusLabel)),
      h('td', {}, formatTokyo(user.created_at)),
      h('td', { class: 'actions' }, actions),
    );
  }

  async function disable(user) {
    const ok = await confirmDialog({
      title: '利用者を無効化',
      message: `${user.display_name}（${user.login}）を無効化します。ログイン中のセッションもすぐに終了し、元に戻せません。`,
      confirmLabel: '無効化する',
    });
    if (!ok || !ctx.alive()) return;
    try {
      await post(`/api/v1/users/${encodeURIComponent(user.login)}/disable`);
      announce(`${user.login} を無効化しました`);
    } catch (e) {
      announce(`無効化できませんでした: ${e.message}`);
      listArea.prepend(h('div', { class: 'notice notice-error', role: 'alert' }, `無効化できませんでした: ${e.message}`));
    }
    await load();
    focusList();
  }

  async function resetTotp(user) {
    const ok = await confirmDialog({
      title: 'TOTP を再発行',
      message: `${user.display_name}（${user.login}）の TOTP シークレットを新しくします。今の認証アプリの登録は使えなくなり、ログイン中のセッションも終了します。${
        user.login === ctx.user.login ? '自分のアカウントなので、表示を閉じた後に新しいコードでもう一度ログインしてください。' : ''
      }`,
      confirmLabel: '再発行する',
    });
    if (!ok || !ctx.alive()) return;
    try {
      const issued = await post(`/api/v1/users/${encodeURIComponent(user.login)}/totp`);
      await secretsDialog({
        title: 'TOTP を再発行しました',
        lead: 'この表示は一度だけです。閉じると二度と表示できません。本人の認証アプリに登録してください。',
        items: credentialItems(issued),
      });
    } catch (e) {
      listArea.prepend(h('div', { class: 'notice notice-error', role: 'alert' }, `再発行できませんでした: ${e.message}`));
    }
    await load();
    focusList();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const login = form.elements.login.value.trim();
    const displayName = form.elements.display_name.value.trim();
    if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(login))
      return showError(form, 'ログイン名は英小文字・数字・._- の3〜32文字で、先頭は英小文字か数字にしてください', 'login');
    if (!displayName) return showError(form, '表示名を入力してください', 'display_name');
    const done = busy(form);
    let issued;
    try {
      issued = await post('/api/v1/users', { login, display_name: displayName, role: form.elements.role.value });
    } catch (e) {
      done();
      return showError(form, e.message, e.field);
    }
    done();
    form.reset();
    await secretsDialog({
      title: '利用者を追加しました',
      lead: 'この表示は一度だけです。閉じると二度と表示できません。ワンタイムパスワードは初回ログインで変更が必要です。TOTP シークレットは本人の認証アプリに登録してください。',
      items: credentialItems(issued),
    });
    await load();
    form.elements.login.focus();
  });

  load();
  return null;
}
