// Home: what the signed-in user can open. Screens still to come are listed as 準備中.
import { append, h } from '../dom.js';
import { flashNotice, heading } from './common.js';

const kFunctions = [
  { title: '受付キュー', text: 'FAX・電子処方箋・医療機関 API・来局の処方箋を一つの列で受け付けます。', href: '/prescriptions', roles: ['pharmacist', 'clerk'] },
  { title: '原本管理', text: 'FAX で受けた処方箋の原本の到着を確認し、照合します。', href: '/originals', roles: ['pharmacist', 'clerk'] },
  { title: '服薬指導', text: 'オンライン服薬指導の予約と記録。', href: '/guidance', roles: ['pharmacist', 'clerk'] },
  { title: '配送', text: '配送ラベル、受け渡しと受領確認。', href: '/dispatch', roles: ['pharmacist', 'clerk'] },
  { title: '配達', text: '荷物番号を読み取り、持ち出し・受け渡し（署名）・配達できなかったことを記録します。', href: '/delivery', roles: ['delivery'] },
  { title: '帳票', text: '日報・月報などの帳票を PDF / CSV で出力します。', href: '/reports', roles: ['pharmacist', 'admin'] },
  { title: '管理', text: '利用者、API クライアント、監査ログの検証。', href: '/admin/users', role: 'admin' },
];

export function render(main, ctx) {
  ctx.setTitle('ホーム');
  const name = ctx.user.display_name || ctx.user.login;
  const cards = kFunctions
    .filter((f) => (!f.role || f.role === ctx.user.role) && (!f.roles || f.roles.includes(ctx.user.role)))
    .map((f) =>
      h(
        'li',
        { class: f.href ? 'card' : 'card card-disabled' },
        f.href
          ? h('a', { href: f.href, 'data-link': true, class: 'card-link' }, h('span', { class: 'card-title' }, f.title), h('span', { class: 'card-text' }, f.text))
          : h('div', { class: 'card-link', 'aria-disabled': 'true' },
              h('span', { class: 'card-title' }, f.title, h('span', { class: 'badge' }, '準備中')),
              h('span', { class: 'card-text' }, f.text)),
      ),
    );
  append(main, [
    heading('ホーム'),
    flashNotice(ctx.flash),
    h('p', { class: 'lead' }, `${name} さん（${ctx.user.role_label}）、おつかれさまです。`),
    h('ul', { class: 'cards', 'aria-label': '業務メニュー' }, cards),
  ]);
  return null;
}
