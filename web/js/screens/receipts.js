// 受取確認: parcels handed to a carrier whose receipt nobody has confirmed within the follow-up
// time (rxdesk.dispatch.receipt_follow_up_hours; GET /api/v1/parcels/unconfirmed), oldest
// first. The pharmacy phones the patient or looks the parcel up in the carrier's tracking, and
// records how the receipt was confirmed (POST /api/v1/parcels/{id}/receipt). The same form is
// used on a shipment's screen for a parcel that is not yet overdue.
import { get, post } from '../api.js';
import { announce, busy, clearErrors, formatTokyo, h, showError } from '../dom.js';
import { flashNotice, heading, loadError, section } from './common.js';
import { custodyBadge, dispatchTabs } from './dispatch.js';

export const kConfirmationMethods = [
  ['phone', '患者さんに電話で確認した'],
  ['carrier_record', '配送業者の配達記録で確認した'],
  ['app', '患者さんがアプリで受取を知らせた'],
];

/**
 * The form that records a parcel's receipt confirmation. parcel: {id, parcel_number};
 * onDone(status) runs after the server accepted it (status: the parcel's new custody view).
 */
export function receiptForm(parcel, onDone) {
  const base = `receipt-${parcel.id}`;
  const form = h(
    'form',
    { class: 'form receipt-form', novalidate: true, 'aria-label': `荷物 ${parcel.parcel_number} の受取確認`, 'data-receipt-form': parcel.parcel_number },
    h(
      'fieldset',
      { class: 'field', 'data-field': 'method' },
      h('legend', {}, '確認方法'),
      h(
        'div',
        { class: 'choices receipt-methods' },
        kConfirmationMethods.map(([value, label]) =>
          h('label', { class: 'choice', for: `${base}-${value}` }, h('input', { type: 'radio', id: `${base}-${value}`, name: 'method', value }), ` ${label}`),
        ),
      ),
      h('p', { class: 'field-error', hidden: true, id: `${base}-method-error` }),
    ),
    h(
      'div',
      { class: 'field', 'data-field': 'note' },
      h('label', { for: `${base}-note` }, 'メモ（任意）'),
      h('p', { class: 'hint', id: `${base}-note-hint` }, '例: 本人が電話で受取を確認、配達記録の日時など。'),
      h('input', { type: 'text', id: `${base}-note`, name: 'note', maxlength: 1000, autocomplete: 'off', 'aria-describedby': `${base}-note-hint` }),
      h('p', { class: 'field-error', hidden: true, id: `${base}-note-error` }),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'confirm-receipt' }, '受取確認を記録')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const method = form.querySelector('input[name="method"]:checked')?.value;
    if (!method) {
      // A radio group: the message goes next to the group and the first choice gets the focus.
      showError(form, '確認方法を選んでください', 'method');
      return;
    }
    const done = busy(form);
    try {
      const status = await post(`/api/v1/parcels/${parcel.id}/receipt`, { method, note: form.elements.note.value.trim() });
      onDone(status);
    } catch (e) {
      done();
      const fieldName = e.field === 'method' || e.field === 'note' ? e.field : null;
      showError(form, e.message, fieldName);
    }
  });
  return form;
}

export function render(main, ctx) {
  ctx.setTitle('受取確認');
  const list = h('div', { class: 'receipt-list', 'aria-busy': 'true' }, h('p', { class: 'muted' }, '読み込み中…'));
  const done = h('div', { class: 'receipt-done', 'aria-live': 'polite' });
  main.append(
    h('div', { class: 'screen-head' }, heading('受取確認')),
    dispatchTabs('/dispatch/receipts'),
    flashNotice(ctx.flash) || '',
    h(
      'p',
      { class: 'hint' },
      '配送業者に引き渡してから確認の期限を過ぎても、受け取りが確認できていない荷物です。患者さんに電話するか配送業者の配達記録を確認して、確認した方法を記録してください。',
    ),
    done,
    section('receipts-heading', '受取が確認できていない荷物', list),
  );

  function card(p) {
    const d = p.destination || {};
    const item = h(
      'li',
      { class: 'receipt-card', 'data-parcel': p.parcel_number, 'aria-labelledby': `receipt-title-${p.parcel_id}` },
      h('h3', { id: `receipt-title-${p.parcel_id}`, tabindex: '-1' }, '荷物 ', h('span', { class: 'parcel-number' }, p.parcel_number)),
      h(
        'dl',
        { class: 'rx-facts receipt-facts' },
        h('div', {}, h('dt', {}, 'お届け先'), h('dd', {}, `${d.name || '—'} 様`)),
        d.phone ? h('div', {}, h('dt', {}, '電話'), h('dd', {}, h('a', { href: `tel:${d.phone}`, class: 'tel-link' }, d.phone))) : null,
        h('div', {}, h('dt', {}, '状態'), h('dd', {}, custodyBadge(p.state))),
        h('div', {}, h('dt', {}, p.state === 'delivered' ? '配達' : '引渡し'), h('dd', { 'data-since': p.since }, formatTokyo(p.since))),
        h(
          'div',
          {},
          h('dt', {}, '発送'),
          h('dd', {}, h('a', { href: `/dispatch/shipments/${p.shipment_id}`, 'data-link': true }, `発送 #${p.shipment_id}`), '（', h('a', { href: `/prescriptions/${p.prescription_id}`, 'data-link': true }, `処方箋 #${p.prescription_id}`), '）'),
        ),
      ),
      receiptForm({ id: p.parcel_id, parcel_number: p.parcel_number }, () => {
        if (!ctx.alive()) return;
        const next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        const text = `荷物 ${p.parcel_number} の受取確認を記録しました。`;
        done.replaceChildren(h('p', { class: 'notice notice-success', role: 'status', 'data-confirmed': p.parcel_number }, text));
        announce(text);
        if (!list.querySelector('.receipt-card')) showEmpty();
        // Focus stays in the list: the next parcel, or the heading when none is left.
        (next ? next.querySelector('h3') : document.getElementById('receipts-heading'))?.focus();
      }),
    );
    return item;
  }

  function showEmpty() {
    list.replaceChildren(h('p', { class: 'muted', 'data-empty': 'receipts' }, '受取確認を待っている荷物はありません。'));
  }

  (async () => {
    try {
      const { parcels } = await get('/api/v1/parcels/unconfirmed');
      if (!ctx.alive()) return;
      if (!parcels.length) showEmpty();
      else list.replaceChildren(h('p', { class: 'receipt-count' }, `${parcels.length} 件（古い順）`), h('ol', { class: 'receipt-cards' }, parcels.map(card)));
    } catch (e) {
      if (ctx.alive()) list.replaceChildren(loadError(e));
    } finally {
      list.removeAttribute('aria-busy');
    }
  })();
  return null;
}
