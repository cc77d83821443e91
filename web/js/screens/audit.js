// Audit log verification: checks the hash chain on the server and shows OK or the first
// broken entry.
import { get } from '../api.js';
import { append, busy, h } from '../dom.js';
import { adminTabs, heading, section } from './common.js';

const kProblems = {
  edited: '記録が書き換えられています',
  missing_entry: '記録が欠落しています',
  broken_link: '前の記録とのつながり（ハッシュ連鎖）が壊れています',
  head_mismatch: '最新の記録が保存済みの先頭と一致しません（末尾の切り捨ての可能性）',
};

export function render(main, ctx) {
  ctx.setTitle('監査ログ検証');
  const result = h('div', { class: 'verification', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button' }, '検証する');
  const controls = h('div', { class: 'form-actions' }, button);
  append(main, [
    heading('管理'),
    adminTabs('/admin/audit'),
    section(
      'audit-heading',
      '監査ログの検証',
      h('p', {}, 'ログイン・アカウント操作・患者データへのアクセスを記録した監査ログが、改ざん・削除・切り捨てされていないかをハッシュ連鎖で確かめます。'),
      controls,
      result,
    ),
  ]);

  async function verify() {
    const done = busy(controls);
    result.replaceChildren(h('p', {}, '検証中…'));
    try {
      const report = await get('/api/v1/audit/verification');
      if (!ctx.alive()) return;
      const checkedAt = new Date().toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' });
      if (report.ok) {
        result.replaceChildren(
          h('p', { class: 'result result-ok', 'data-result': 'ok' }, h('strong', {}, 'OK'), ` 監査ログは正常です（${report.entries} 件を検証、${checkedAt}）`),
        );
      } else {
        const b = report.broken || {};
        result.replaceChildren(
          h('p', { class: 'result result-broken', 'data-result': 'broken' }, h('strong', {}, '異常あり'), ` 連番 ${b.seq} の記録: ${kProblems[b.problem] || b.problem}`),
          h('p', {}, `検証した記録: ${report.entries} 件（${checkedAt}）。データベースを調べ、バックアップと比べてください。`),
        );
      }
    } catch (e) {
      if (ctx.alive()) result.replaceChildren(h('p', { class: 'result result-broken', role: 'alert' }, `検証できませんでした: ${e.message}`));
    } finally {
      done();
    }
  }
  button.addEventListener('click', verify);
  verify();
  return null;
}
