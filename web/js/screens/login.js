// Sign-in: login name, password and the 6-digit code from the authenticator app (TOTP).
import { post } from '../api.js';
import { busy, clearErrors, field, h, showError } from '../dom.js';
import { flashNotice, heading } from './common.js';

export function render(main, ctx) {
  ctx.setTitle('ログイン');
  const form = h(
    'form',
    // method=post: should the script ever fail, the browser must not put the password in a URL.
    { class: 'form login-form', method: 'post', novalidate: true, 'aria-labelledby': 'login-heading' },
    field('ログイン名', { name: 'login', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', value: ctx.lastLogin || null }),
    field('パスワード', { name: 'password', type: 'password', autocomplete: 'current-password' }),
    field(
      '確認コード（6桁）',
      { name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9]{6}', class: 'input-code' },
      { hint: '認証アプリに表示されている6桁の数字' },
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-wide' }, 'ログイン')),
  );
  const title = heading('ログイン');
  title.id = 'login-heading';
  main.append(h('div', { class: 'login-box' }, title, flashNotice(ctx.flash), form));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const login = form.elements.login.value.trim();
    const password = form.elements.password.value;
    const totp = form.elements.totp.value.replace(/\s+/g, '');
    if (!login) return showError(form, 'ログイン名を入力してください', 'login');
    if (!password) return showError(form, 'パスワードを入力してください', 'password');
    if (!/^[0-9]{6}$/.test(totp)) return showError(form, '確認コードは6桁の数字で入力してください', 'totp');
    const done = busy(form);
    try {
      const session = await post('/api/v1/session', { login, password, totp }, { expectUnauthenticated: true });
      form.reset();
      await ctx.signedIn(session);
    } catch (e) {
      done();
      form.elements.password.value = '';
      form.elements.totp.value = '';
      // Which of the three was wrong is not told (the server does not say either).
      showError(form, e.message, e.field);
      if (!e.field) (login ? form.elements.password : form.elements.login).focus();
    }
  });

  return ctx.lastLogin ? form.elements.password : form.elements.login;
}
