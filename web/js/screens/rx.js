// What the intake screens share: labels of states, channels and severities, the badges that
// show them (text and colour, never colour alone), and which lifecycle steps to offer.
import { h } from '../dom.js';

export const kStatuses = [
  ['received', '受付'],
  ['verified', '監査済'],
  ['inquiry', '疑義照会中'],
  ['on_hold', '保留'],
  ['dispensed', '調剤済'],
  ['guided', '服薬指導済'],
  ['handed_over', '交付済'],
  ['shipped', '発送済'],
  ['delivered', '配達済'],
  ['completed', '完了'],
  ['cancelled', '取消'],
  ['misdirected', '誤送信'],
];

export const kSources = [
  ['fax', 'FAX'],
  ['clinic_api', '医療機関連携'],
  ['eprescription', '電子処方箋'],
  ['counter', '窓口持参'],
];

// Worst first; the symbol keeps the severity readable without colour (and in greyscale print).
const kSeverities = {
  error: { label: 'エラー', symbol: '×' },
  warning: { label: '注意', symbol: '!' },
  info: { label: '情報', symbol: 'i' },
  none: { label: '指摘なし', symbol: '✓' },
};

export function severityLabel(severity) {
  return (kSeverities[severity] || kSeverities.info).label;
}

/** The unresolved findings' badge: worst severity and how many are open, e.g. 「× エラー 2」. */
export function findingsBadge(rx) {
  const open = (rx.findings || []).filter((f) => !f.resolved);
  const severity = open.length ? rx.max_severity || 'info' : 'none';
  const s = kSeverities[severity] || kSeverities.info;
  return h(
    'span',
    {
      class: `sev sev-${severity}`,
      'data-severity': severity,
      title: open.length ? `未解決の指摘 ${open.length} 件（最も重いもの: ${s.label}）` : '未解決の指摘はありません',
    },
    h('span', { class: 'sev-symbol', 'aria-hidden': 'true' }, s.symbol),
    open.length ? `${s.label} ${open.length}` : s.label,
  );
}

/** One finding's severity as a badge. */
export function severityBadge(severity) {
  const s = kSeverities[severity] || kSeverities.info;
  return h('span', { class: `sev sev-${severity}`, 'data-severity': severity }, h('span', { class: 'sev-symbol', 'aria-hidden': 'true' }, s.symbol), s.label);
}

export function statusBadge(rx) {
  return h('span', { class: `rx-status rx-status-${rx.status}`, 'data-status': rx.status }, rx.status_label || rx.status);
}

/** Markers a clerk must not miss: needs entry, duplicate, misdirected. */
export function markers(rx) {
  const out = [];
  if (rx.needs_entry) out.push(h('span', { class: 'marker marker-entry', 'data-marker': 'needs-entry' }, '要入力'));
  if (rx.duplicate_of) out.push(h('span', { class: 'marker marker-duplicate', 'data-marker': 'duplicate' }, `重複（#${rx.duplicate_of}）`));
  if (rx.misdirected) out.push(h('span', { class: 'marker marker-misdirected', 'data-marker': 'misdirected' }, '誤送信'));
  return out;
}

/** "3分前", "2時間前", "1日前" since an ISO instant. */
export function age(iso, now = Date.now()) {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const minutes = Math.max(0, Math.floor((now - t) / 60000));
  if (minutes < 1) return 'たった今';
  if (minutes < 60) return `${minutes}分前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}時間前`;
  return `${Math.floor(hours / 24)}日前`;
}

// The lifecycle as the server has it (server/workflow/PrescriptionLifecycle.cpp): which steps
// a state offers and which roles may take them. The server decides; this only chooses the
// buttons, and a refusal (409 with the reason) is shown as the server words it.
const P = ['pharmacist'];
const PC = ['pharmacist', 'clerk'];
const kActions = {
  verify: { label: '監査（確認）', roles: P, primary: true },
  open_inquiry: { label: '疑義照会を開始', roles: P },
  resolve_inquiry: { label: '疑義照会を完了', roles: P, primary: true },
  dispense: { label: '調剤済にする', roles: P, primary: true },
  record_guidance: { label: '服薬指導を記録', roles: P, primary: true },
  hand_over: { label: '交付済にする', roles: PC, primary: true },
  ship: { label: '発送済にする', roles: PC },
  confirm_delivery: { label: '受取確認', roles: [...PC, 'delivery'], primary: true },
  complete: { label: '完了にする', roles: PC, primary: true },
  hold: { label: '保留', roles: PC },
  release_hold: { label: '保留を解除', roles: PC, primary: true },
  cancel: { label: '取消', roles: PC, danger: true, confirm: true },
  mark_misdirected: { label: '誤送信として登録', roles: P, danger: true, confirm: true, misdirectable: true },
};
const kTransitions = {
  received: ['verify', 'open_inquiry', 'hold', 'cancel', 'mark_misdirected'],
  verified: ['dispense', 'open_inquiry', 'hold', 'cancel', 'mark_misdirected'],
  inquiry: ['resolve_inquiry', 'hold', 'cancel', 'mark_misdirected'],
  dispensed: ['record_guidance', 'open_inquiry', 'hold', 'cancel'],
  guided: ['hand_over', 'ship', 'hold', 'cancel'],
  handed_over: ['complete'],
  shipped: ['confirm_delivery'],
  delivered: ['complete'],
  on_hold: ['release_hold', 'cancel', 'mark_misdirected'],
};
const kMisdirectable = new Set(['fax', 'clinic_api']);

/** The steps to offer: [{action, label, primary, danger, confirm}] for this state, role and channel. */
export function actionsFor(rx, role) {
  return (kTransitions[rx.status] || [])
    .map((action) => ({ action, ...kActions[action] }))
    .filter((a) => a.roles.includes(role) && (!a.misdirectable || kMisdirectable.has(rx.channel)));
}

export function actionLabel(action) {
  return kActions[action]?.label || action;
}

// Timeline actions that are not lifecycle steps.
const kEventLabels = {
  receive: '受付',
  update_content: '内容の入力・修正',
  resolve_finding: '指摘の解決',
  link_duplicate: '重複として関連付け',
  unlink_duplicate: '重複の関連付けを解除',
  register_dispensing_result: '調剤結果の登録',
};

export function eventLabel(action) {
  return kEventLabels[action] || kActions[action]?.label || action;
}

export function statusLabel(status) {
  return (kStatuses.find(([s]) => s === status) || [status, status])[1];
}
