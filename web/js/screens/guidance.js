// 服薬指導: the calendar of one pharmacist's online-guidance appointments (a day with every
// slot of the schedule, or a week), and booking a slot for a prescription. The server decides
// what can be booked (schedule, breaks, cut-off, double booking); the screen shows its reasons.
import { get, post } from '../api.js';
import { announce, busy, clearErrors, field, h, showError } from '../dom.js';
import { flashNotice, heading, loadError, section } from './common.js';
import { addDays, dayLabel, idempotencyKey, mondayOf, tokyoDate, tokyoHhmm } from './tokyo.js';

export const kAppointmentStatuses = {
  booked: '予約済',
  completed: '記録済',
  cancelled: '取消',
};

// The calendar's choices survive a visit to an appointment and back.
const view = { pharmacist: '', mode: 'day', date: '' };

export function appointmentStatusBadge(a) {
  const status = a.recorded ? 'completed' : a.status;
  return h('span', { class: `appt-status appt-status-${status}`, 'data-appt-status': status }, kAppointmentStatuses[status] || status);
}

function appointmentLink(a) {
  const who = a.patient_initials ? `${a.patient_initials} 様` : '患者';
  return h(
    'a',
    { href: `/guidance/appointments/${a.id}`, 'data-link': true, class: 'appt-link', 'data-appointment': a.id },
    `${tokyoHhmm(a.start)}–${tokyoHhmm(a.end)} ${who}（処方箋 #${a.prescription_id}）`,
  );
}

export function render(main, ctx) {
  ctx.setTitle('服薬指導');
  if (!view.pharmacist && ctx.user.role === 'pharmacist') view.pharmacist = ctx.user.login;
  if (!view.date) view.date = tokyoDate();

  const controls = h(
    'form',
    { class: 'form form-inline guidance-controls', 'aria-label': '表示する予定' },
    field('薬剤師（ログイン名）', { name: 'pharmacist', value: view.pharmacist, autocomplete: 'off', required: true }),
    field('日付', { name: 'date', type: 'date', value: view.date, required: true }),
    h(
      'fieldset',
      { class: 'segmented' },
      h('legend', {}, '表示'),
      [
        ['day', '日'],
        ['week', '週'],
      ].map(([value, label]) =>
        h('label', { class: 'segment' }, h('input', { type: 'radio', name: 'mode', value, checked: view.mode === value }), label),
      ),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', class: 'button button-secondary', 'data-nav-date': '-1', 'aria-label': '前へ' }, '← 前'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-nav-date': '0' }, '今日'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-nav-date': '1', 'aria-label': '次へ' }, '次 →'),
      h('button', { type: 'submit', class: 'button' }, '表示'),
    ),
  );

  const bookForm = h(
    'form',
    { class: 'form form-inline', 'aria-label': '処方箋から予約' },
    field('受付番号', { name: 'rx', inputmode: 'numeric', autocomplete: 'off', pattern: '[0-9]*' }, { hint: '予約する処方箋の受付番号' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, '予約を入れる')),
  );
  bookForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(bookForm);
    const id = bookForm.elements.rx.value.trim();
    if (!/^[1-9][0-9]{0,15}$/.test(id)) return showError(bookForm, '受付番号を数字で入力してください', 'rx');
    ctx.navigate(`/guidance/book/${id}`);
  });

  const calendar = h('div', { class: 'guidance-calendar', 'aria-live': 'polite', 'aria-busy': 'true' });
  main.append(
    h('div', { class: 'screen-head' }, heading('服薬指導')),
    flashNotice(ctx.flash) || '',
    controls,
    calendar,
    section('guidance-book-heading', '処方箋から予約', bookForm),
  );

  let generation = 0;
  let lastKey = '';
  let lastAt = 0;
  async function load() {
    const f = controls.elements;
    // Leaving the date field and pressing 表示 fire change and submit together: one request.
    const key = JSON.stringify([f.pharmacist.value.trim(), f.date.value, f.mode.value]);
    if (key === lastKey && Date.now() - lastAt < 1500) return;
    lastKey = key;
    lastAt = Date.now();
    clearErrors(controls);
    view.pharmacist = f.pharmacist.value.trim();
    view.date = f.date.value || tokyoDate();
    view.mode = f.mode.value === 'week' ? 'week' : 'day';
    if (!view.pharmacist) {
      calendar.replaceChildren(h('p', { class: 'muted' }, '予定を表示する薬剤師のログイン名を入力してください。'));
      calendar.removeAttribute('aria-busy');
      return;
    }
    const mine = ++generation;
    calendar.setAttribute('aria-busy', 'true');
    try {
      const from = view.mode === 'week' ? mondayOf(view.date) : view.date;
      const to = view.mode === 'week' ? addDays(from, 6) : view.date;
      const q = new URLSearchParams({ pharmacist: view.pharmacist, from, to });
      const requests = [get(`/api/v1/guidance/appointments?${q}`)];
      if (view.mode === 'day') requests.push(get(`/api/v1/guidance/slots?${new URLSearchParams({ pharmacist: view.pharmacist, date: view.date })}`));
      const [{ appointments }, slots] = await Promise.all(requests);
      if (!ctx.alive() || mine !== generation) return;
      calendar.replaceChildren(view.mode === 'week' ? weekView(from, appointments) : dayView(view.date, appointments, slots.slots));
      calendar.dataset.mode = view.mode;
      calendar.dataset.ready = 'true';
    } catch (e) {
      if (!ctx.alive() || mine !== generation) return;
      if (e.field === 'pharmacist' || e.code === 'pharmacist_not_found') showError(controls, e.message, 'pharmacist');
      calendar.replaceChildren(loadError(e));
    } finally {
      if (mine === generation) calendar.removeAttribute('aria-busy');
    }
  }

  function dayView(date, appointments, slots) {
    const live = appointments.filter((a) => a.status !== 'cancelled');
    const cancelled = appointments.filter((a) => a.status === 'cancelled');
    const rows = slots.map((s) => {
      const here = live.filter((a) => a.start < s.end && a.end > s.start);
      const cell = here.length
        ? here.map((a) => h('div', { class: 'appt' }, appointmentLink(a), ' ', appointmentStatusBadge(a)))
        : s.available
          ? h('span', { class: 'slot-free' }, '空き')
          : h('span', { class: 'muted' }, s.reason_message || '予約不可');
      return h(
        'tr',
        { class: here.length ? 'slot slot-booked' : s.available ? 'slot slot-free-row' : 'slot slot-closed', 'data-slot': s.start },
        h('th', { scope: 'row', class: 'slot-time' }, `${tokyoHhmm(s.start)}–${tokyoHhmm(s.end)}`),
        h('td', {}, cell),
      );
    });
    // Appointments outside today's slots (e.g. booked before the schedule changed) still show.
    const orphans = live.filter((a) => !slots.some((s) => a.start < s.end && a.end > s.start));
    return h(
      'div',
      {},
      h('h2', { id: 'calendar-heading' }, `${dayLabel(date)} ・ ${view.pharmacist}`),
      slots.length
        ? h(
            'table',
            { class: 'data-table slot-table', 'aria-labelledby': 'calendar-heading' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '時間'), h('th', { scope: 'col' }, '予約'))),
            h('tbody', {}, rows),
          )
        : h('p', { class: 'muted' }, 'この日はオンライン服薬指導の受付時間がありません（勤務表を確認してください）。'),
      orphans.length ? h('ul', { class: 'appt-list' }, orphans.map((a) => h('li', {}, appointmentLink(a), ' ', appointmentStatusBadge(a)))) : null,
      cancelled.length
        ? h('details', { class: 'cancelled-list' }, h('summary', {}, `取り消した予約 ${cancelled.length} 件`), h('ul', {}, cancelled.map((a) => h('li', {}, appointmentLink(a), ' ', appointmentStatusBadge(a), a.cancel_reason ? `（${a.cancel_reason}）` : ''))))
        : null,
    );
  }

  function weekView(monday, appointments) {
    const today = tokyoDate();
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    return h(
      'div',
      {},
      h('h2', { id: 'calendar-heading' }, `${dayLabel(monday)} からの週 ・ ${view.pharmacist}`),
      h(
        'ol',
        { class: 'week-grid', 'aria-labelledby': 'calendar-heading' },
        days.map((d) => {
          const list = appointments.filter((a) => tokyoDate(a.start) === d).sort((a, b) => a.start.localeCompare(b.start));
          return h(
            'li',
            { class: d === today ? 'week-day week-today' : 'week-day', 'data-date': d },
            h(
              'button',
              { type: 'button', class: 'week-day-head', 'data-open-day': d, 'aria-label': `${dayLabel(d)}を日表示で開く` },
              dayLabel(d),
              d === today ? h('span', { class: 'badge' }, '今日') : null,
            ),
            list.length
              ? h('ul', { class: 'appt-list' }, list.map((a) => h('li', { class: a.status === 'cancelled' ? 'appt appt-cancelled' : 'appt' }, appointmentLink(a), ' ', appointmentStatusBadge(a))))
              : h('p', { class: 'muted' }, '予約なし'),
          );
        }),
      ),
    );
  }

  controls.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  controls.addEventListener('change', (event) => {
    if (event.target.name !== 'pharmacist') load();
  });
  controls.addEventListener('click', (event) => {
    const b = event.target.closest('[data-nav-date]');
    if (!b) return;
    const step = Number(b.dataset.navDate);
    const f = controls.elements;
    const unit = f.mode.value === 'week' ? 7 : 1;
    f.date.value = step === 0 ? tokyoDate() : addDays(f.date.value || tokyoDate(), step * unit);
    load();
  });
  calendar.addEventListener('click', (event) => {
    const b = event.target.closest('[data-open-day]');
    if (!b) return;
    controls.elements.date.value = b.dataset.openDay;
    for (const r of controls.querySelectorAll('input[name="mode"]')) r.checked = r.value === 'day';
    load().then(() => document.getElementById('calendar-heading')?.focus());
  });
  load();
  return null;
}

// ---------------------------------------------------------------- booking

/** Slots of a date as radio buttons; resolves the chosen start through form.elements.start. */
export async function slotPicker(container, pharmacist, date, { excludeId } = {}) {
  container.replaceChildren(h('p', { class: 'muted' }, '空き時間を読み込み中…'));
  const { slots } = await get(`/api/v1/guidance/slots?${new URLSearchParams({ pharmacist, date })}`);
  const free = slots.filter((s) => s.available);
  if (!free.length) {
    container.replaceChildren(h('p', { class: 'muted', 'data-no-slots': true }, 'この日に予約できる時間はありません。別の日を選んでください。'));
    return 0;
  }
  container.replaceChildren(
    h(
      'fieldset',
      { class: 'field slot-picker', 'data-field': 'start' },
      h('legend', {}, '時間（空きのみ）'),
      h(
        'div',
        { class: 'slot-options' },
        free.map((s) => h('label', { class: 'slot-option' }, h('input', { type: 'radio', name: 'start', value: s.start, required: true }), `${tokyoHhmm(s.start)}–${tokyoHhmm(s.end)}`)),
      ),
      h('p', { class: 'field-error', hidden: true, id: `start-error-${excludeId || 'new'}` }),
    ),
  );
  return free.length;
}

export function renderBook(main, ctx) {
  const id = Number(ctx.params.id);
  ctx.setTitle(`服薬指導の予約（処方箋 #${id}）`);
  const facts = h('div', {});
  const candidatesBox = h('div', { class: 'candidates' });
  const slotsBox = h('div', {});
  const form = h(
    'form',
    { class: 'form book-form', novalidate: true, 'aria-labelledby': 'book-form-heading' },
    h('h2', { id: 'book-form-heading', tabindex: '-1' }, '予約の内容'),
    field('日付', { name: 'date', type: 'date', value: tokyoDate(), required: true }),
    candidatesBox,
    slotsBox,
    h(
      'fieldset',
      { class: 'field-group' },
      h('legend', {}, '患者さんへの連絡（予約確認とリマインダー）'),
      field('連絡方法', { name: 'contact_channel' }, { options: [['sms', 'SMS'], ['email', 'メール'], ['', '連絡しない']] }),
      field('連絡先（携帯電話番号またはメールアドレス）', { name: 'contact_address', autocomplete: 'off', maxlength: 254 }),
      field('患者のイニシャル（カレンダー表示用・任意）', { name: 'patient_initials', autocomplete: 'off', maxlength: 20 }, { hint: '例: N.T.　カレンダーには氏名を出しません' }),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'book' }, 'この時間で予約する'), h('a', { href: '/guidance', 'data-link': true, class: 'button button-secondary' }, 'カレンダーへ戻る')),
  );
  main.append(h('div', { class: 'screen-head' }, heading(`服薬指導の予約（処方箋 #${id}）`)), facts, section('book-heading', '予約する時間', form));
  const key = idempotencyKey();

  async function loadPrescription() {
    try {
      const rx = await get(`/api/v1/prescriptions/${id}`);
      if (!ctx.alive()) return;
      facts.replaceChildren(
        h(
          'dl',
          { class: 'rx-facts' },
          h('div', {}, h('dt', {}, '患者'), h('dd', { 'data-patient': true }, rx.patient_name || '（未入力）')),
          h('div', {}, h('dt', {}, '医療機関'), h('dd', {}, rx.institution_name || '—')),
          h('div', {}, h('dt', {}, '状態'), h('dd', {}, rx.status_label || rx.status)),
          h('div', {}, h('dt', {}, '処方箋'), h('dd', {}, h('a', { href: `/prescriptions/${id}`, 'data-link': true }, `#${id} を開く`))),
        ),
      );
    } catch (e) {
      if (ctx.alive()) facts.replaceChildren(loadError(e));
    }
  }

  async function loadCandidates() {
    const date = form.elements.date.value || tokyoDate();
    candidatesBox.replaceChildren(h('p', { class: 'muted' }, '担当できる薬剤師を読み込み中…'));
    slotsBox.replaceChildren();
    try {
      const { candidates } = await get(`/api/v1/guidance/prescriptions/${id}/candidates?date=${date}`);
      if (!ctx.alive()) return;
      if (!candidates.length) {
        candidatesBox.replaceChildren(h('p', { class: 'muted' }, 'この日に担当できる薬剤師がいません。'));
        return;
      }
      const mine = candidates.find((c) => c.pharmacist.login === ctx.user.login);
      const chosen = (mine && mine.earliest_available ? mine : candidates[0]).pharmacist.login;
      candidatesBox.replaceChildren(
        h(
          'fieldset',
          { class: 'field', 'data-field': 'pharmacist' },
          h('legend', {}, '担当薬剤師'),
          candidates.map((c) =>
            h(
              'label',
              { class: 'choice' },
              h('input', { type: 'radio', name: 'pharmacist', value: c.pharmacist.login, checked: c.pharmacist.login === chosen }),
              ` ${c.pharmacist.display_name || c.pharmacist.login}`,
              c.preferred ? h('span', { class: 'badge' }, 'かかりつけ') : null,
              h('span', { class: 'muted' }, c.earliest_available ? ` 最短 ${tokyoHhmm(c.earliest_available)}` : ' 空きなし'),
              c.last_counselled ? h('span', { class: 'muted' }, ` ・ 前回担当 ${tokyoDate(c.last_counselled)}`) : null,
            ),
          ),
          h('p', { class: 'field-error', hidden: true, id: 'pharmacist-error' }),
        ),
      );
      await loadSlots();
    } catch (e) {
      if (ctx.alive()) candidatesBox.replaceChildren(loadError(e));
    }
  }

  async function loadSlots() {
    const pharmacist = form.elements.pharmacist?.value;
    if (!pharmacist) return;
    try {
      await slotPicker(slotsBox, pharmacist, form.elements.date.value || tokyoDate());
    } catch (e) {
      if (ctx.alive()) slotsBox.replaceChildren(loadError(e));
    }
  }

  form.addEventListener('change', (event) => {
    if (event.target.name === 'date') loadCandidates();
    else if (event.target.name === 'pharmacist') loadSlots();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const f = form.elements;
    const start = form.querySelector('input[name="start"]:checked')?.value;
    if (!f.pharmacist?.value) return showError(form, '担当薬剤師を選んでください');
    if (!start) return showError(form, '予約する時間を選んでください', 'start');
    const body = { prescription_id: id, pharmacist: f.pharmacist.value, start };
    if (f.patient_initials.value.trim()) body.patient_initials = f.patient_initials.value.trim();
    if (f.contact_channel.value) {
      if (!f.contact_address.value.trim()) return showError(form, '連絡先を入力してください（連絡しない場合は「連絡しない」を選択）', 'contact_address');
      body.contact = { channel: f.contact_channel.value, address: f.contact_address.value.trim() };
    }
    const done = busy(form);
    try {
      const a = await post('/api/v1/guidance/appointments', body, { headers: { 'Idempotency-Key': key } });
      if (!ctx.alive()) return;
      announce('予約しました');
      ctx.navigate(`/guidance/appointments/${a.id}`, { flash: { kind: 'success', text: `${dayLabel(tokyoDate(a.start))} ${tokyoHhmm(a.start)} に予約しました。` } });
    } catch (e) {
      if (!ctx.alive()) return;
      done();
      const fieldName = e.field === 'contact.address' ? 'contact_address' : e.field === 'start' ? 'start' : null;
      showError(form, e.message, fieldName);
      if (e.code === 'slot_taken') loadSlots();
    }
  });

  loadPrescription();
  loadCandidates();
  return null;
}
