/**
 * Settings → API Keys, as Close's help article describes the page: a table of keys (name, ID
 * with a copy button, created, "Last Used" with the exact time, IP address and user agent on
 * hover or focus), "+ New API Key", the full key shown once after creation, deletion from a
 * row's "…" menu behind a confirmation, and a short explanation of key ID versus API key.
 *
 * Everything works without the script: the dialogs are native `<dialog>` elements the server
 * renders open when a URL or a failed form asks for one (`?new`, `?delete=<id>`); the script
 * only makes them modal, copies to the clipboard and handles menus and focus.
 */
import { EXAMPLE_KEY, EXAMPLE_KEY_ID } from '../../shared/api-key.js';
import type { ApiKeyListing } from '../services/api-keys.js';
import { html, type SafeHtml } from './html.js';
import { layout, type Account } from './layout.js';
import { WEB_PATHS } from './paths.js';
import { dateOnly, exactTime, relativeTime } from './time.js';

export type ApiKeysView = {
  account: Account;
  keys: ApiKeyListing[];
  now: Date;
  nameMaxLength: number;
  notice?: string;
  /** The new-key form: open with `?new`, or again with the message after a rejected name. */
  newKeyForm?: { name?: string; error?: string };
  /** The key whose delete confirmation is open (`?delete=<id>`). */
  confirmDeleteId?: string;
  /** A key created by the request before this one: its only showing. */
  created?: { id: string; name: string; key: string };
};

export function apiKeysPage(view: ApiKeysView): string {
  const { account, keys, created } = view;
  return layout({
    title: 'API Keys',
    account,
    main: html`<div class="page-head">
        <div>
          <p class="breadcrumb">Settings</p>
          <h1>API Keys</h1>
          <p class="lead">
            An API key lets an integration such as Zapier use the Close API as
            <strong>${account.user}</strong>: it can read and change all data of
            <strong>${account.organization}</strong>. Create one key per integration.
          </p>
        </div>
        <a class="button primary" href="${WEB_PATHS.apiKeys}?new" data-opens="new-key-dialog"
          ><span aria-hidden="true">+ </span>New API Key</a
        >
      </div>
      ${view.notice && html`<p class="notice success" role="status" data-notice>${view.notice}</p>`}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title" class="visually-hidden">Your API keys</h2>
        ${keys.length === 0 ? emptyState() : keyTable(view)}
      </section>
      ${explainer()} ${newKeyDialog(view)} ${keys.map((key) => deleteDialog(key, view))}
      ${created && createdDialog(created)}`,
  }).value;
}

function emptyState(): SafeHtml {
  return html`<div class="empty card">
    <p><strong>No API keys yet.</strong></p>
    <p>Create one for each integration, named after it, e.g. "Zapier".</p>
  </div>`;
}

function keyTable(view: ApiKeysView): SafeHtml {
  return html`<div class="table-wrap card">
    <table class="keys">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">ID</th>
          <th scope="col">Created</th>
          <th scope="col">Last Used</th>
          <th scope="col" class="actions-col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${view.keys.map((key) => keyRow(key, view))}
      </tbody>
    </table>
  </div>`;
}

function keyRow(key: ApiKeyListing, view: ApiKeysView): SafeHtml {
  const isNew = view.created?.id === key.id;
  return html`<tr id="key-${key.id}" ${isNew ? html` class="is-new"` : ''}>
    <th scope="row" class="key-name" data-label="Name">${key.name}</th>
    <td data-label="ID">
      <span class="id-cell">
        <code class="key-id">${key.id}</code>
        <button
          type="button"
          class="button small"
          data-copy="${key.id}"
          hidden
          aria-label="Copy ID of ${key.name}"
        >
          Copy
        </button>
      </span>
    </td>
    <td data-label="Created">
      <time datetime="${key.date_created}" title="${exactTime(key.date_created)}"
        >${dateOnly(key.date_created)}</time
      >
    </td>
    <td data-label="Last Used">${lastUsed(key, view.now)}</td>
    <td class="actions">
      <details class="menu">
        <summary class="button small icon" aria-label="Actions for ${key.name}" title="Actions">
          <span aria-hidden="true">…</span>
        </summary>
        <div class="menu-list">
          <a
            class="menu-item danger"
            href="${WEB_PATHS.apiKeys}?delete=${key.id}"
            data-opens="delete-${key.id}"
            >Delete…</a
          >
        </div>
      </details>
    </td>
  </tr>`;
}

function lastUsed(key: ApiKeyListing, now: Date): SafeHtml {
  const use = key.last_used;
  if (!use) return html`<span class="never">Never</span>`;
  const tipId = `used-${key.id}`;
  return html`<span class="last-used">
    <button type="button" class="last-used-trigger" aria-describedby="${tipId}">
      ${relativeTime(use.at, now)}
    </button>
    <span class="tooltip" role="tooltip" id="${tipId}">
      <span class="tooltip-row"
        ><span class="tooltip-label">Last used</span>
        <time datetime="${use.at}">${exactTime(use.at)}</time></span
      >
      <span class="tooltip-row"
        ><span class="tooltip-label">IP address</span>
        <span class="tooltip-value">${use.ip}</span></span
      >
      <span class="tooltip-row"
        ><span class="tooltip-label">User agent</span>
        <span class="tooltip-value">${use.userAgent || '(none sent)'}</span></span
      >
    </span>
  </span>`;
}

/** Marks a server-rendered dialog open; the script turns it into a modal one. */
const openAttrs = (open: boolean) => (open ? html` open data-modal` : '');

function newKeyDialog(view: ApiKeysView): SafeHtml {
  const form = view.newKeyForm;
  const error = form?.error;
  const describedBy = error ? 'key-name-hint key-name-error' : 'key-name-hint';
  return html`<dialog
    id="new-key-dialog"
    aria-labelledby="new-key-title"
    ${openAttrs(form !== undefined)}
  >
    <form method="dialog" id="new-key-cancel"></form>
    <form method="post" action="${WEB_PATHS.apiKeys}" novalidate>
      <input type="hidden" name="_csrf" value="${view.account.csrfToken}" />
      <h2 id="new-key-title">New API Key</h2>
      <label for="key-name">Name</label>
      <p id="key-name-hint" class="hint">
        What will use the key, e.g. "Zapier" or "Internal sync". One key per integration lets you
        cut one off without breaking the others. Up to ${view.nameMaxLength} characters.
      </p>
      <input
        id="key-name"
        name="name"
        type="text"
        maxlength="${view.nameMaxLength}"
        autocomplete="off"
        value="${form?.name ?? ''}"
        aria-describedby="${describedBy}"
        autofocus${error ? html` aria-invalid="true"` : ''}
      />
      ${error && html`<p id="key-name-error" class="field-error">${error}</p>`}
      <div class="dialog-actions">
        <button type="submit" form="new-key-cancel" class="button">Cancel</button>
        <button type="submit" class="button primary">Create key</button>
      </div>
    </form>
  </dialog>`;
}

function deleteDialog(key: ApiKeyListing, view: ApiKeysView): SafeHtml {
  const id = `delete-${key.id}`;
  return html`<dialog
    id="${id}"
    aria-labelledby="${id}-title"
    aria-describedby="${id}-text"
    ${openAttrs(view.confirmDeleteId === key.id)}
  >
    <form method="dialog" id="${id}-cancel"></form>
    <h2 id="${id}-title">Delete the API key "${key.name}"?</h2>
    <div id="${id}-text">
      <p>
        Every integration and script that uses this key <strong>stops working at once</strong>:
        their next request is rejected.
      </p>
      <p>
        A deleted key <strong>cannot be restored</strong>. To replace it, create a new key and
        update the integrations that used this one.
      </p>
    </div>
    <p class="key-ref">Key ID <code>${key.id}</code></p>
    <form method="post" action="${WEB_PATHS.deleteKey(key.id)}">
      <input type="hidden" name="_csrf" value="${view.account.csrfToken}" />
      <div class="dialog-actions">
        <button type="submit" form="${id}-cancel" class="button" autofocus>Cancel</button>
        <button type="submit" class="button danger">Delete key</button>
      </div>
    </form>
  </dialog>`;
}

function createdDialog(created: { id: string; name: string; key: string }): SafeHtml {
  const secret = created.key.slice(created.id.length + 1);
  return html`<dialog
    id="created-dialog"
    aria-labelledby="created-title"
    data-one-time
    data-new-id="${created.id}"
    open
    data-modal
  >
    <form method="dialog">
      <h2 id="created-title">Copy your new API key</h2>
      <p>The key <strong>${created.name}</strong> was created. Here is the full key:</p>
      <div class="secret-box">
        <code id="new-key-value" class="full-key" data-secret
          >${created.id}<span class="dot">.</span><span class="secret-part">${secret}</span></code
        >
        <button
          type="button"
          class="button primary"
          data-copy-from="new-key-value"
          hidden
          autofocus
        >
          Copy key
        </button>
      </div>
      <p class="warning" role="note">
        <strong>This is the only time the key is shown.</strong> Copy it now and paste it where it
        will be used, e.g. into Zapier. After you close this, only its ID is shown:
        <code>${created.id}</code>. A lost key cannot be shown again: delete it and create a new
        one.
      </p>
      <div class="dialog-actions"><button type="submit" class="button">Done</button></div>
    </form>
  </dialog>`;
}

function explainer(): SafeHtml {
  const exampleSecret = EXAMPLE_KEY.slice(EXAMPLE_KEY_ID.length + 1);
  return html`<section class="explainer" aria-labelledby="shapes-title">
    <h2 id="shapes-title">Key ID or API key?</h2>
    <div class="shapes">
      <div class="shape card">
        <h3>Key ID <span class="tag safe">safe to share</span></h3>
        <code class="shape-value">${EXAMPLE_KEY_ID}</code>
        <p>
          Names a key in this list, in logs and in support requests. It cannot be used to sign in.
        </p>
      </div>
      <div class="shape card">
        <h3>API key <span class="tag secret">secret</span></h3>
        <code class="shape-value"
          >${EXAMPLE_KEY_ID}<span class="dot">.</span
          ><span class="secret-part">${exampleSecret}</span></code
        >
        <p>
          The ID, a dot and a secret part. Shown once, when the key is created. This is what Zapier
          and other integrations ask for.
        </p>
      </div>
    </div>
    <p class="hint">
      Pasting the ID where the key belongs is the usual mistake; the API then answers "This is an
      API key ID, not an API key". To rotate a key: create a new one, update the integration, then
      delete the old one.
    </p>
  </section>`;
}
