// Password change: forced after the first sign-in with a one-time password, or by choice.
import { post } from '../api.js';
import { append, busy, clearErrors, field, h, showError } from '../dom.js';
import { flashNotice, heading } from './common.js';

const kMinLength = 12;

export function render(main, ctx) {
  const forced = ctx.user.password_change_required;
  ctx.setTitle('パスワード変更');
  const form = h(
    'form',
    { class: 'form', method: 'post', novalidate: true, 'aria-label': 'パスワード変更' },
    field('現在のパスワード', { name: 'current_password', type: 'password', autocomplete: 'current-password' }, {
      hint: forced ? '管理者から受け取ったワンタイムパスワード' : null,
    }),
    field('新しいパスワード', { name: 'new_password', type: 'password', autocomplete: 'new-password', minlength: String(kMinLength) }, {
      hint: `${kMinLength}文字以上。長い文（パスフレーズ）がおすすめです`,
    }),
    field('新しいパスワード（確認）', { name: 'confirm_password', type: 'password', autocomplete: 'new-password' }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button' }, 'パスワードを変更'),
      forced ? null : h('a', { href: '/', 'data-link': true, class: 'button button-secondary' }, 'キャンセル'),
    ),
  );
  append(main, [
    h(
      'div',
      { class: 'login-box' },
      heading('パスワード変更'),
      flashNotice(ctx.flash),
      forced
        ? h('p', { class: 'notice notice-info', role: 'status' }, '初回ログインです。続けるには、ワンタイムパスワードを自分だけが知るパスワードに変更してください。')
        : null,
      form,
    ),
  ]);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const current = form.elements.current_password.value;
    const next = form.elements.new_password.value;
    const confirm = form.elements.confirm_password.value;
    if (!current) return showError(form, '現在のパスワードを入力してください', 'current_password');
    if (next.length < kMinLength)
      return showError(form, `新しいパスワードは${kMinLength}文字以上にしてください`, 'new_password');
    if (next !== confirm) return showError(form, '確認用のパスワードが一致しません', 'confirm_password');
    const done = busy(form);
    try {
      await post('/api/v1/session/password', { current_password: current, new_password: next });
      form.reset();
      await ctx.passwordChanged();
    } catch (e) {
      done();
      // A wrong current password comes back as invalid_credentials without a field.
      showError(form, e.code === 'invalid_credentials' ? '現在のパスワードが正しくありません' : e.message,
        e.code === 'invalid_credentials' ? 'current_password' : e.field);
    }
  });
  return null;
}
