// Modal dialogs built on <dialog>.showModal(): focus is trapped inside, Esc cancels, and focus
// goes back where it was. Used for confirmations of destructive actions, required reasons and
// notes, and secrets shown once.
import { h, announce } from './dom.js';

function openModal(dialog, initialFocus) {
  const before = document.activeElement;
  document.body.append(dialog);
  dialog.showModal();
  (initialFocus || dialog.querySelector('button')).focus();
  return () => {
    if (dialog.open) dialog.close();
    dialog.remove();
    if (before && before.isConnected && typeof before.focus === 'function') before.focus();
    else document.getElementById('main')?.focus();
  };
}

/**
 * Asks before a destructive action. Resolves true only when the confirm button is pressed;
 * Esc, the cancel button or closing resolves false. Cancel has the initial focus so that a
 * stray Enter never confirms.
 */
export function confirmDialog({ title, message, confirmLabel, danger = true }) {
  return new Promise((resolve) => {
    const titleId = 'confirm-title';
    const cancel = h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'cancel' }, 'キャンセル');
    const ok = h('button', { type: 'button', class: danger ? 'button button-danger' : 'button', 'data-action': 'confirm' }, confirmLabel);
    const dialog = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': 'confirm-message' },
      h('h2', { id: titleId }, title),
      h('p', { id: 'confirm-message' }, message),
      h('div', { class: 'dialog-actions' }, cancel, ok),
    );
    let result = false;
    const close = openModal(dialog, cancel);
    cancel.addEventListener('click', () => dialog.close());
    ok.addEventListener('click', () => {
      result = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      close();
      resolve(result);
    });
  });
}

/**
 * Asks for a required text (a reason, a note for the record) in a modal dialog. Resolves the
 * trimmed text, or null when cancelled; an empty text is refused next to the field.
 */
export function textDialog({ title, message, label, confirmLabel, danger = true, maxLength = 1000 }) {
  return new Promise((resolve) => {
    const area = h('textarea', { id: 'text-dialog-text', name: 'text', rows: 3, maxlength: maxLength });
    const error = h('p', { class: 'field-error', hidden: true, id: 'text-dialog-error' });
    const cancel = h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'cancel' }, 'キャンセル');
    const ok = h('button', { type: 'submit', class: danger ? 'button button-danger' : 'button', 'data-action': 'confirm' }, confirmLabel);
    const form = h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h2', { id: 'text-dialog-title' }, title),
      h('p', { id: 'text-dialog-message' }, message),
      h('div', { class: 'field' }, h('label', { for: 'text-dialog-text' }, label), area, error),
      h('div', { class: 'dialog-actions' }, cancel, ok),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'text-dialog-title', 'aria-describedby': 'text-dialog-message' }, form);
    let result = null;
    const close = openModal(dialog, area);
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (event) => {
      const text = area.value.trim();
      if (!text) {
        event.preventDefault();
        error.textContent = `${label}を入力してください`;
        error.hidden = false;
        area.setAttribute('aria-invalid', 'true');
        area.setAttribute('aria-describedby', 'text-dialog-error');
        area.focus();
        return;
      }
      result = text;
    });
    dialog.addEventListener('close', () => {
      close();
      resolve(result);
    });
  });
}

async function copyText(text, source) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, old browser): select the text and copy it.
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(source);
    selection.removeAllRanges();
    selection.addRange(range);
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    return copied;
  }
}

/**
 * Shows credentials that exist only in this answer (one-time password, TOTP secret, API key),
 * each with a copy button. The values leave the page when the dialog closes.
 * items: [{label, value, name}]
 */
export function secretsDialog({ title, lead, items }) {
  return new Promise((resolve) => {
    const titleId = 'secrets-title';
    const status = h('p', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
    const rows = items.map(({ label, value, name }) => {
      const code = h('code', { class: 'secret-value', 'data-secret': name }, value);
      const button = h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary button-small',
          'aria-label': `${label}をコピー`,
          onclick: async () => {
            const ok = await copyText(value, code);
            status.textContent = ok ? `${label}をコピーしました` : 'コピーできませんでした。選択してコピーしてください';
          },
        },
        'コピー',
      );
      return h('div', { class: 'secret-row' }, h('dt', {}, label), h('dd', {}, code, button));
    });
    const done = h('button', { type: 'button', class: 'button', 'data-action': 'close' }, '控えました（閉じる）');
    const dialog = h(
      'dialog',
      { class: 'dialog dialog-wide', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      h('p', { class: 'notice notice-warning' }, lead),
      h('dl', { class: 'secret-list' }, rows),
      status,
      h('div', { class: 'dialog-actions' }, done),
    );
    const close = openModal(dialog, rows[0]?.querySelector('button'));
    done.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      close();
      announce('表示を閉じました');
      resolve();
    });
  });
}
