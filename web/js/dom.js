// Small DOM helpers. Elements are built with createElement and textContent only (never
// innerHTML), so nothing the server returns can become markup, and no inline style or
// script is ever needed (the CSP forbids both).

/**
 * h('button', {class: 'x', type: 'button', onclick: fn}, 'text', child, ...)
 * Attributes: class, text, on<event> handlers, boolean true/false, everything else as is.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'style') throw new Error('inline styles are not allowed by the CSP');
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, skipping null/undefined/false (which Node.append would print as text). */
export function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let uid = 0;
/** A unique id for label/aria wiring. */
export function nextId(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * A labelled form field with a slot for its error message.
 * input: attributes of the <input>/<select> (name is required); options: [[value, label]] makes a select.
 */
export function field(label, input, { hint, options } = {}) {
  const id = nextId(input.name);
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const control = options
    ? h('select', { ...input, id, 'aria-describedby': hintId }, options.map(([v, l]) => h('option', { value: v }, l)))
    : h('input', { type: 'text', ...input, id, 'aria-describedby': hintId });
  return h(
    'div',
    { class: 'field', 'data-field': input.name },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

/** Clears every error shown in a form. */
export function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) {
    p.textContent = '';
    p.hidden = true;
  }
  for (const c of form.querySelectorAll('[aria-invalid]')) {
    c.removeAttribute('aria-invalid');
    const ids = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
    else c.removeAttribute('aria-describedby');
  }
  const alert = form.querySelector('.form-alert');
  if (alert) {
    alert.textContent = '';
    alert.hidden = true;
  }
}

/**
 * Shows an error: next to the named field when the form has it, otherwise in the form's
 * alert box. Focuses the field so a keyboard user lands on it.
 */
export function showError(form, message, fieldName = null) {
  const wrapper = fieldName ? form.querySelector(`.field[data-field="${CSS.escape(fieldName)}"]`) : null;
  if (wrapper) {
    const control = wrapper.querySelector('input, select, textarea');
    const p = wrapper.querySelector('.field-error');
    p.textContent = message;
    p.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!ids.includes(p.id)) ids.push(p.id);
    control.setAttribute('aria-describedby', ids.join(' '));
    control.focus();
    return;
  }
  let alert = form.querySelector('.form-alert');
  if (!alert) {
    alert = h('div', { class: 'form-alert', role: 'alert' });
    form.prepend(alert);
  }
  alert.textContent = message;
  alert.hidden = false;
}

/** Disables a form's controls while a request runs; returns the function that re-enables them. */
export function busy(form) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled);
  for (const c of controls) c.disabled = true;
  form.setAttribute('aria-busy', 'true');
  return () => {
    for (const c of controls) c.disabled = false;
    form.removeAttribute('aria-busy');
  };
}

/** Says something to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // A fresh text node after a tick makes screen readers repeat an identical message.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

const tokyo = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** An ISO 8601 instant as Tokyo local time, or the input when it does not parse. */
export function formatTokyo(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso ?? '') : tokyo.format(d);
}
