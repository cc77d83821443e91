// 受付キュー: every prescription that needs work, newest first, from all four channels.
// New arrivals appear without reloading: the first page is fetched again every few seconds
// (not while the tab is hidden) and only rows whose content changed are rebuilt, so nothing
// flickers, the focused row keeps its focus, and an old PC does little work. Each poll sends
// the last answer's ETag: an unchanged queue answers 304 with no list (and no audit entry),
// and then only the 受付から ages tick. Arrivals are
// announced through a polite live region. Arrow keys move between rows, Enter opens one.
import { get } from '../api.js';
import { announce, field, h } from '../dom.js';
import { age, findingsBadge, kSources, kStatuses, markers, statusBadge } from './rx.js';
import { flashNotice, heading } from './common.js';

const kPollMs = 5000;
const kLimit = 100;
const kNewForMs = 60_000; // how long a new arrival stays marked
const kColumns = ['受付番号', '経路', '医療機関', '患者', '受付から', '状態', '指摘', '注意'];

/** What a row shows; a row is rebuilt only when this changes. */
function signature(rx, clinicName) {
  return JSON.stringify([
    rx.version,
    rx.status,
    rx.patient_name,
    rx.institution_name,
    clinicName,
    rx.sender_fax,
    rx.max_severity,
    rx.needs_entry,
    rx.duplicate_of,
    rx.misdirected,
    (rx.findings || []).map((f) => [f.id, f.resolved]),
  ]);
}

export function render(main, ctx) {
  ctx.setTitle('受付キュー');
  const filters = h(
    'form',
    { class: 'form form-inline queue-filters', role: 'search', 'aria-label': '受付キューの絞り込み' },
    field('状態', { name: 'status' }, { options: [['', '対応中（完了・取消を除く）'], ...kStatuses] }),
    field('経路', { name: 'source' }, { options: [['', 'すべて'], ...kSources] }),
    field('患者名で検索', { name: 'q', type: 'search', autocomplete: 'off' }, { hint: '名前の先頭から（漢字またはカナ）' }),
    h(
      'div',
      { class: 'field field-check' },
      h('label', {}, h('input', { type: 'checkbox', name: 'include_duplicates', checked: true }), ' 重複も表示する'),
    ),
  );
  const state = h('p', { class: 'queue-state', 'data-queue-state': 'loading' }, '読み込み中…');
  const more = h('p', { class: 'hint', hidden: true }, `新しい順に ${kLimit} 件まで表示しています。古いものは絞り込んで探してください。`);
  const errorBox = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
  const tbody = h('tbody', {});
  const empty = h('p', { class: 'queue-empty', hidden: true }, '該当する処方箋はありません。');
  const table = h(
    'table',
    { class: 'data-table queue-table', 'aria-describedby': 'queue-keys' },
    h('caption', { class: 'visually-hidden' }, '受付キュー（新しい順）'),
    h('thead', {}, h('tr', {}, kColumns.map((t) => h('th', { scope: 'col' }, t)))),
    tbody,
  );
  main.append(
    h(
      'div',
      { class: 'screen-head' },
      heading('受付キュー'),
      h('a', { class: 'button button-secondary', href: '/prescriptions/new', 'data-link': true }, '窓口スキャン・電子処方箋の受付'),
    ),
    flashNotice(ctx.flash) || '',
    filters,
    h('div', { class: 'queue-status-bar' }, state, h('p', { class: 'hint', id: 'queue-keys' }, '↑↓ キーで行を移動、Enter で開きます。')),
    errorBox,
    h('div', { class: 'table-area' }, table),
    empty,
    more,
  );

  const rows = new Map(); // id -> {tr, sig, ageCell, newUntil}
  let clinics = new Map();
  let newestSeen = 0;
  let loadedOnce = false;
  let generation = 0; // bumped when the filters change: answers to older queries are dropped
  let inFlight = null;
  let timer = null;
  let lastTag = null; // ETag of the list shown, for the query in lastQuery
  let lastQuery = null;

  function query() {
    const p = new URLSearchParams();
    const f = filters.elements;
    if (f.status.value) p.set('status', f.status.value);
    if (f.source.value) p.set('source', f.source.value);
    if (f.q.value.trim()) p.set('q', f.q.value.trim());
    if (f.include_duplicates.checked) p.set('include_duplicates', 'true');
    p.set('limit', String(kLimit));
    return `/api/v1/prescriptions?${p}`;
  }

  function institutionOf(rx) {
    if (rx.institution_name) return rx.institution_name;
    if (rx.clinic_id && clinics.has(rx.clinic_id)) return clinics.get(rx.clinic_id);
    if (rx.sender_fax) return h('span', { class: 'muted' }, `FAX ${rx.sender_fax}`);
    return h('span', { class: 'muted' }, '不明');
  }

  function cells(rx, entry) {
    const name = rx.patient_name || '（未入力）';
    const link = h(
      'a',
      {
        href: `/prescriptions/${rx.id}`,
        'data-link': true,
        class: 'queue-open',
        tabindex: '-1',
        'aria-label': `受付番号 ${rx.id}、${rx.patient_name || '患者名未入力'}、${rx.status_label} を開く`,
      },
      `#${rx.id}`,
    );
    entry.ageCell = h('td', { class: 'queue-age', title: new Date(rx.received_at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) }, age(rx.received_at));
    return [
      h('td', {}, link),
      h('td', {}, rx.channel_label),
      h('td', {}, institutionOf(rx)),
      h('td', { class: rx.patient_name ? 'queue-patient' : 'queue-patient muted' }, name),
      entry.ageCell,
      h('td', {}, statusBadge(rx)),
      h('td', {}, findingsBadge(rx)),
      h('td', { class: 'queue-markers' }, markers(rx)),
    ];
  }

  function currentLink() {
    return tbody.querySelector('a.queue-open[tabindex="0"]');
  }

  // One row link is in the tab order (roving tabindex); arrows move it.
  function makeCurrent(link, focus = false) {
    const before = currentLink();
    if (before && before !== link) before.setAttribute('tabindex', '-1');
    if (!link) return;
    link.setAttribute('tabindex', '0');
    if (focus) link.focus();
  }

  // What changes with time alone: the age and how long a row counts as new.
  function tick(entry) {
    const text = age(entry.receivedAt);
    if (entry.ageCell.textContent !== text) entry.ageCell.textContent = text;
    if (entry.newUntil && Date.now() > entry.newUntil) {
      entry.tr.classList.remove('row-new');
      entry.newUntil = 0;
    }
    // 新着 in words as well as the coloured edge, for as long as the row counts as new.
    const badge = entry.tr.querySelector('.marker-new');
    if (entry.newUntil && !badge) entry.tr.querySelector('.queue-markers').prepend(h('span', { class: 'marker marker-new', 'data-marker': 'new' }, '新着'));
    else if (!entry.newUntil && badge) badge.remove();
  }

  function showUpdated(count) {
    errorBox.hidden = true;
    const time = new Date().toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' });
    state.textContent = `${count} 件 ・ ${time} 更新（${kPollMs / 1000} 秒ごとに自動更新）`;
    state.dataset.queueState = 'ready';
  }

  function apply(list, { announceNew }) {
    const focusedId = document.activeElement?.closest?.('tr[data-id]')?.dataset.id;
    const currentId = currentLink()?.closest('tr')?.dataset.id;
    const seen = new Set();
    const arrivals = [];
    list.forEach((rx, index) => {
      seen.add(rx.id);
      const clinicName = rx.clinic_id ? clinics.get(rx.clinic_id) : '';
      const sig = signature(rx, clinicName);
      let entry = rows.get(rx.id);
      if (!entry) {
        entry = { tr: h('tr', { 'data-id': rx.id }), sig: '' };
        rows.set(rx.id, entry);
        if (announceNew && rx.id > newestSeen) {
          arrivals.push(rx);
          entry.tr.classList.add('row-new');
          entry.newUntil = Date.now() + kNewForMs;
        }
      }
      if (entry.sig !== sig) {
        entry.tr.replaceChildren(...cells(rx, entry));
        entry.sig = sig;
        entry.receivedAt = rx.received_at;
        entry.tr.dataset.status = rx.status;
        if (String(rx.id) === focusedId) entry.tr.querySelector('a').focus();
      }
      tick(entry);
      if (tbody.children[index] !== entry.tr) tbody.insertBefore(entry.tr, tbody.children[index] || null);
    });
    for (const [id, entry] of rows) {
      if (seen.has(id)) continue;
      entry.tr.remove();
      rows.delete(id);
    }
    for (const rx of list) newestSeen = Math.max(newestSeen, rx.id);

    // Keep exactly one row in the tab order, and keyboard focus on a row that went away
    // moves to the first row instead of falling back to the page.
    const keep = currentId && rows.get(Number(currentId));
    makeCurrent(keep ? keep.tr.querySelector('a') : tbody.querySelector('a.queue-open'));
    if (focusedId && !rows.has(Number(focusedId)) && document.activeElement === document.body) currentLink()?.focus();

    empty.hidden = list.length > 0;
    table.hidden = list.length === 0;
    more.hidden = list.length < kLimit;
    if (arrivals.length) {
      const bySource = new Map();
      for (const rx of arrivals) bySource.set(rx.channel_label, (bySource.get(rx.channel_label) || 0) + 1);
      const detail = [...bySource].map(([label, n]) => `${label} ${n} 件`).join('、');
      announce(`新しい処方箋が ${arrivals.length} 件届きました（${detail}）`);
    }
  }

  async function poll({ reset = false } = {}) {
    if (!ctx.alive()) return;
    if (reset) generation += 1;
    const mine = generation;
    if (inFlight && !reset) return;
    const url = query();
    // A reset rebuilds every row, so it needs the list itself, not "unchanged".
    const request = get(url, { etag: !reset && url === lastQuery ? lastTag : null });
    inFlight = request;
    try {
      const answer = await request;
      if (!ctx.alive() || mine !== generation) return;
      if (answer.notModified) {
        for (const entry of rows.values()) tick(entry);
        showUpdated(rows.size);
        state.dataset.queuePoll = 'unchanged';
        return;
      }
      const { prescriptions } = answer.data;
      if (reset) {
        for (const entry of rows.values()) entry.tr.remove();
        rows.clear();
      }
      apply(prescriptions, { announceNew: loadedOnce && !reset });
      lastTag = answer.etag;
      lastQuery = url;
      loadedOnce = true;
      showUpdated(prescriptions.length);
      state.dataset.queuePoll = 'changed';
    } catch (e) {
      if (!ctx.alive() || mine !== generation) return;
      errorBox.textContent = `キューを更新できませんでした: ${e.message}（自動で再試行します）`;
      errorBox.hidden = false;
      state.dataset.queueState = 'error';
    } finally {
      if (inFlight === request) inFlight = null;
    }
  }

  function schedule() {
    clearTimeout(timer);
    if (!ctx.alive()) return;
    timer = setTimeout(async () => {
      if (document.visibilityState === 'visible') await poll();
      schedule();
    }, kPollMs);
  }

  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      state.dataset.queueState = 'ready';
      poll();
      schedule();
    } else {
      clearTimeout(timer);
      state.textContent = '画面が表示されていないため自動更新を止めています';
      state.dataset.queueState = 'paused';
    }
  };
  document.addEventListener('visibilitychange', onVisibility);
  ctx.onLeave(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });

  tbody.addEventListener('keydown', (event) => {
    const link = event.target.closest('a.queue-open');
    if (!link) return;
    const tr = link.closest('tr');
    let target = null;
    if (event.key === 'ArrowDown') target = tr.nextElementSibling;
    else if (event.key === 'ArrowUp') target = tr.previousElementSibling;
    else if (event.key === 'Home') target = tbody.firstElementChild;
    else if (event.key === 'End') target = tbody.lastElementChild;
    else if (event.key === 'PageDown') target = tbody.children[Math.min(tbody.children.length - 1, [...tbody.children].indexOf(tr) + 10)];
    else if (event.key === 'PageUp') target = tbody.children[Math.max(0, [...tbody.children].indexOf(tr) - 10)];
    else return;
    event.preventDefault();
    if (target) makeCurrent(target.querySelector('a.queue-open'), true);
  });
  tbody.addEventListener('focusin', (event) => {
    const link = event.target.closest('a.queue-open');
    if (link) makeCurrent(link);
  });
  // A click anywhere on a row opens it, as the link in its first cell does.
  tbody.addEventListener('click', (event) => {
    if (event.target.closest('a')) return;
    const tr = event.target.closest('tr[data-id]');
    if (tr && !window.getSelection()?.toString()) ctx.navigate(`/prescriptions/${tr.dataset.id}`);
  });

  let searchTimer = null;
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    poll({ reset: true });
  });
  filters.addEventListener('change', () => poll({ reset: true }));
  filters.elements.q.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => poll({ reset: true }), 300);
  });
  ctx.onLeave(() => clearTimeout(searchTimer));

  (async () => {
    try {
      const { clinics: list } = await get('/api/v1/clinics');
      clinics = new Map(list.map((c) => [c.id, c.name]));
    } catch {
      // Without the registry the queue still shows the institution from the prescription.
    }
    await poll({ reset: true });
    schedule();
  })();
  return null;
}
