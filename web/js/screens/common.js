// Pieces every screen uses: its heading, the one-time notice, the admin sub-navigation.
import { h } from '../dom.js';

/** The screen's h1; focusable by script so navigation can move focus to it. */
export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

/** The notice carried over from the previous screen (logged out, locked, saved), or null. */
export function flashNotice(flash) {
  if (!flash) return null;
  return h('div', { class: `notice notice-${flash.kind}`, role: flash.kind === 'warning' ? 'alert' : 'status' }, flash.text);
}

const kAdminTabs = [
  ['/admin/users', '利用者'],
  ['/admin/clients', 'API クライアント'],
  ['/admin/clinics', '医療機関'],
  ['/admin/drugs', '医薬品データ'],
  ['/admin/audit', '監査ログ検証'],
];

export function adminTabs(current) {
  return h(
    'nav',
    { class: 'sub-nav', 'aria-label': '管理メニュー' },
    h(
      'ul',
      {},
      kAdminTabs.map(([path, label]) =>
        h('li', {}, h('a', { href: path, 'data-link': true, 'aria-current': path === current ? 'page' : null }, label)),
      ),
    ),
  );
}

/** A section with a heading (h2, focusable by script) and content, labelled by its heading. */
export function section(id, title, ...children) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id, tabindex: '-1' }, title), ...children);
}

/** An error box for a failed load, announced to screen readers. */
export function loadError(error) {
  return h('div', { class: 'notice notice-error', role: 'alert' }, `読み込めませんでした: ${error.message}`);
}
