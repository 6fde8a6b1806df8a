/**
 * The settings page's only script, served as a file (the Content-Security-Policy allows no
 * inline script). The page works without it; it adds what HTML alone cannot do well: modal
 * dialogs with focus returned where it came from, copy-to-clipboard with a spoken confirmation,
 * the "…" row menus (one open at a time, Escape and outside clicks close them), Escape to hide
 * a "Last Used" tooltip, and wiping the one-time key from the page as soon as its view closes.
 * Plain ES2020 in a string: no build step and no framework for a page this small.
 */
export const CLIENT_SCRIPT = String.raw`'use strict';
(() => {
  const announcer = document.getElementById('announcer');
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = '';
    // A fresh text node after a tick, so that the same message twice is spoken twice.
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  // Copy buttons come hidden, as without this script they could not copy anything. First of
  // all, so that a dialog opened below can give one of them the focus.
  for (const button of document.querySelectorAll('[data-copy], [data-copy-from]')) {
    button.hidden = false;
  }

  // ---- Dialogs -------------------------------------------------------------------------
  const returnFocusTo = new WeakMap();
  const ignoreNextClose = new WeakSet();

  function openDialog(dialog, returnTo) {
    if (dialog.open) {
      // Rendered open by the server (works without this script): reopen it as a modal.
      ignoreNextClose.add(dialog);
      dialog.close();
    }
    if (returnTo) returnFocusTo.set(dialog, returnTo);
    dialog.showModal();
  }

  function wipeOneTimeKey(dialog) {
    for (const secret of dialog.querySelectorAll('[data-secret]')) secret.textContent = '';
    dialog.remove();
  }

  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('close', () => {
      if (ignoreNextClose.has(dialog)) {
        ignoreNextClose.delete(dialog);
        return;
      }
      // A URL such as ?new or ?delete=… opened this dialog; a reload must not open it again.
      if (location.search) history.replaceState(null, '', location.pathname);
      if (dialog.hasAttribute('data-one-time')) {
        const row = document.getElementById('key-' + dialog.dataset.newId);
        wipeOneTimeKey(dialog);
        const copyId = row && row.querySelector('[data-copy]');
        if (copyId) copyId.focus();
        return;
      }
      const back = returnFocusTo.get(dialog);
      if (back && back.isConnected) back.focus();
    });
  }
  for (const dialog of document.querySelectorAll('dialog[open][data-modal]')) openDialog(dialog);

  // Leaving the page (including into the back/forward cache) takes the one-time key with it.
  addEventListener('pagehide', () => {
    for (const dialog of document.querySelectorAll('dialog[data-one-time]')) wipeOneTimeKey(dialog);
  });

  document.addEventListener('click', (event) => {
    const opener = event.target.closest('[data-opens]');
    if (!opener) return;
    const dialog = document.getElementById(opener.dataset.opens);
    if (!(dialog instanceof HTMLDialogElement)) return;
    event.preventDefault();
    const menu = opener.closest('details.menu');
    if (menu) menu.open = false;
    openDialog(dialog, menu ? menu.querySelector('summary') : opener);
  });

  // A form posts once: a double click must not create two keys.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.method !== 'post') return;
    if (form.dataset.submitting) event.preventDefault();
    form.dataset.submitting = 'true';
  });
  // …but a page restored from the back/forward cache must be able to post again.
  addEventListener('pageshow', () => {
    for (const form of document.querySelectorAll('form[data-submitting]')) delete form.dataset.submitting;
  });

  // ---- Copy to clipboard ---------------------------------------------------------------
  const resetTimers = new WeakMap();

  function selectContents(element) {
    if (!element) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy], [data-copy-from]');
    if (!button) return;
    const source = button.dataset.copyFrom
      ? document.getElementById(button.dataset.copyFrom)
      : button.parentElement.querySelector('code');
    const text = button.dataset.copy || (source ? source.textContent : '');
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      selectContents(source);
      announce('Could not copy automatically. The text is selected: press Ctrl+C (or ⌘C) to copy it.');
      return;
    }
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = 'Copied';
    button.dataset.copied = 'true';
    announce(button.dataset.copyFrom ? 'API key copied to the clipboard.' : 'ID copied to the clipboard.');
    clearTimeout(resetTimers.get(button));
    resetTimers.set(button, setTimeout(() => {
      button.textContent = button.dataset.label;
      delete button.dataset.copied;
    }, 2000));
  });

  // ---- Row menus -----------------------------------------------------------------------
  document.addEventListener('toggle', (event) => {
    const menu = event.target;
    if (!(menu instanceof HTMLDetailsElement) || !menu.classList.contains('menu') || !menu.open) return;
    for (const other of document.querySelectorAll('details.menu[open]')) {
      if (other !== menu) other.open = false;
    }
    const first = menu.querySelector('.menu-item');
    if (first) first.focus();
  }, true);

  document.addEventListener('click', (event) => {
    for (const menu of document.querySelectorAll('details.menu[open]')) {
      if (!menu.contains(event.target)) menu.open = false;
    }
  });

  document.addEventListener('focusout', (event) => {
    const menu = event.target.closest && event.target.closest('details.menu[open]');
    if (menu && !menu.contains(event.relatedTarget)) menu.open = false;
  });

  // ---- Escape: closes a menu, or hides a "Last Used" tooltip -----------------------------
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const menu = document.querySelector('details.menu[open]');
    if (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
      event.preventDefault();
      return;
    }
    for (const lastUsed of document.querySelectorAll('.last-used')) {
      if (lastUsed.matches(':hover, :focus-within')) lastUsed.classList.add('dismissed');
    }
  });
  for (const lastUsed of document.querySelectorAll('.last-used')) {
    const show = () => lastUsed.classList.remove('dismissed');
    lastUsed.addEventListener('pointerleave', show);
    lastUsed.addEventListener('focusout', show);
  }
})();
`;
