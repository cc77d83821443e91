import { append, h } from '../dom.js';
import { heading } from './common.js';

export function render(main, ctx) {
  ctx.setTitle('ページが見つかりません');
  append(main, [
    heading('ページが見つかりません'),
    h('p', {}, 'URL を確認してください。'),
    h('p', {}, h('a', { href: '/', 'data-link': true }, 'ホームへ戻る')),
  ]);
  return null;
}
