// Dates and times of the pharmacy, always in Asia/Tokyo whatever the terminal's own zone is,
// and the small pieces the guidance and dispatch screens share (reason dialog, PDF links).
import { h } from '../dom.js';

const kDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
const kTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const kWeekday = ['日', '月', '火', '水', '木', '金', '土'];

/** 'YYYY-MM-DD' of an instant (default now) in Tokyo. */
export function tokyoDate(when = new Date()) {
  return kDay.format(when instanceof Date ? when : new Date(when));
}

/** 'HH:MM' of an instant in Tokyo. */
export function tokyoHhmm(when) {
  return kTime.format(when instanceof Date ? when : new Date(when));
}

/** 'YYYY-MM-DDTHH:MM' (a datetime-local value) of an instant in Tokyo. */
export function tokyoLocalInput(when) {
  return `${tokyoDate(when)}T${tokyoHhmm(when)}`;
}

/** A datetime-local value read as Tokyo time, as ISO 8601 with +09:00; null when empty/invalid. */
export function isoFromTokyoInput(value) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value || '')) return null;
  return `${value}:00+09:00`;
}

/** The date `days` after a 'YYYY-MM-DD' date. */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of a 'YYYY-MM-DD' date. */
export function mondayOf(date) {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/** '11月24日（月）' for a 'YYYY-MM-DD' date. */
export function dayLabel(date) {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${kWeekday[d.getUTCDay()]}）`;
}

/** A random Idempotency-Key so a retried click never creates a second booking or shipment. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A link that opens a PDF (or the video room) in a new tab without giving it this page. */
export function newTabLink(href, text, attrs = {}) {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'button button-secondary', ...attrs }, text, h('span', { class: 'visually-hidden' }, '（新しいタブで開きます）'));
}
