/**
 * The stylesheet of the mock's web pages, served as a file from the server (a strict
 * Content-Security-Policy forbids inline styles). Plain CSS, no build step: custom properties
 * for the palette (every text colour meets WCAG AA contrast on its background), a visible focus
 * ring on everything focusable, and below 640px the key table turns into one card per key.
 */
export const STYLESHEET = `
:root {
  --bg: #f5f6f8;
  --surface: #ffffff;
  --text: #1d2433;
  --muted: #545d6e;
  --border: #d9dee6;
  --field-border: #7d8797;
  --accent: #2250d0;
  --accent-hover: #1a40a8;
  --focus: #1a4fd6;
  --danger: #b42318;
  --danger-hover: #8f1c13;
  --secret: #9a3412;
  --code-bg: #eef1f5;
  --radius: 8px;
  --shadow: 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1);
  --shadow-lg: 0 12px 32px rgb(16 24 40 / 0.18);
  color-scheme: light;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 15px;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; min-height: 100vh; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.5rem; }
h1 { font-size: 1.75rem; }
h2 { font-size: 1.2rem; }
h3 { font-size: 1rem; }
p { margin: 0 0 0.75rem; }
a { color: var(--accent); }
a:hover { color: var(--accent-hover); }
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
  font-size: 0.88em;
  background: var(--code-bg);
  border-radius: 4px;
  padding: 0.1em 0.35em;
  overflow-wrap: anywhere;
}
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.skip-link { position: absolute; left: 8px; top: 8px; z-index: 100; padding: 8px 12px;
  background: var(--surface); border-radius: var(--radius); transform: translateY(-200%); }
.skip-link:focus { transform: none; box-shadow: var(--shadow-lg); }

/* Top bar */
.topbar {
  display: flex; align-items: center; justify-content: space-between; gap: 12px;
  padding: 10px 24px; background: var(--surface); border-bottom: 1px solid var(--border);
}
.brand { display: inline-flex; align-items: center; gap: 8px; font-weight: 700;
  color: var(--text); text-decoration: none; white-space: nowrap; }
.brand-mark { display: inline-grid; place-items: center; width: 28px; height: 28px;
  border-radius: 7px; background: var(--accent); color: #fff; font-size: 15px; }
.account { display: flex; align-items: center; gap: 12px; min-width: 0; }
.account-name { color: var(--muted); font-size: 0.93rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.account form { margin: 0; }

main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 64px; }
.narrow { max-width: 560px; margin: 0 auto; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: var(--shadow); }
.form { padding: 20px; margin-bottom: 1rem; }
.form-actions, .dialog-actions { display: flex; justify-content: flex-end; gap: 8px;
  margin-top: 20px; flex-wrap: wrap; }
.hint { color: var(--muted); font-size: 0.93rem; }
.link-list li { margin-bottom: 0.5rem; }

/* Buttons */
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  min-height: 38px; padding: 7px 14px; border: 1px solid var(--field-border);
  border-radius: 6px; background: var(--surface); color: var(--text);
  font: inherit; font-weight: 600; font-size: 0.93rem; line-height: 1.2;
  text-decoration: none; cursor: pointer; white-space: nowrap;
}
.button:hover { background: var(--code-bg); color: var(--text); }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); border-color: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger:hover { background: var(--danger-hover); border-color: var(--danger-hover); }
.button.subtle { border-color: transparent; background: transparent; color: var(--accent); }
.button.subtle:hover { background: var(--code-bg); }
.button.small { min-height: 30px; padding: 4px 10px; font-size: 0.85rem; }
.button.icon { width: 34px; padding: 4px 0; font-size: 1.1rem; letter-spacing: 1px; }
.button[data-copied] { border-color: #1e7b34; color: #1e6b2e; }
.button.primary[data-copied] { background: #1e7b34; color: #fff; }

/* Forms */
label { display: block; font-weight: 600; margin-bottom: 4px; }
input[type='text'], input[type='password'] {
  display: block; width: 100%; padding: 9px 12px; font: inherit; color: var(--text);
  background: var(--surface); border: 1px solid var(--field-border); border-radius: 6px;
}
input[aria-invalid='true'] { border-color: var(--danger); box-shadow: 0 0 0 1px var(--danger); }
.field-error { color: var(--danger); font-weight: 600; font-size: 0.93rem; margin: 6px 0 0; }
.field-error::before { content: '⚠ '; }

/* Notices */
.notice { padding: 10px 14px; border-radius: 6px; border-left: 4px solid var(--accent);
  background: #eef3ff; }
.notice.success { border-left-color: #1e7b34; background: #eaf6ee; }
.notice.error { border-left-color: var(--danger); background: #fdeeec; }
.warning { padding: 10px 14px; border-radius: 6px; border-left: 4px solid #b45309;
  background: #fff6e5; }

/* Page head */
.page-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px;
  flex-wrap: wrap; margin-bottom: 20px; }
.page-head > div { flex: 1 1 28rem; }
.breadcrumb { color: var(--muted); font-size: 0.8rem; font-weight: 600; letter-spacing: 0.06em;
  text-transform: uppercase; margin-bottom: 2px; }
.lead { color: var(--muted); max-width: 44rem; margin-bottom: 0; }

/* Key table */
.table-wrap { margin-bottom: 32px; }
table.keys { width: 100%; border-collapse: collapse; }
.keys th, .keys td { text-align: left; padding: 12px 16px; vertical-align: middle; }
.keys thead th { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--muted); border-bottom: 1px solid var(--border); background: #fafbfc; }
.keys thead th:first-child { border-top-left-radius: var(--radius); }
.keys thead th:last-child { border-top-right-radius: var(--radius); }
.keys tbody tr + tr > * { border-top: 1px solid var(--border); }
.keys tbody tr.is-new { background: #f1f6ff; }
.keys tbody tr.is-new > :first-child { box-shadow: inset 4px 0 0 var(--accent); }
.key-name { font-weight: 600; overflow-wrap: anywhere; }
.id-cell { display: inline-flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.key-id { white-space: nowrap; }
.never { color: var(--muted); }
.actions, .actions-col { width: 56px; text-align: right; }

/* "Last Used" tooltip: shown on hover and keyboard focus, hoverable, dismissible with Escape. */
.last-used { position: relative; display: inline-block; }
.last-used-trigger { font: inherit; color: inherit; background: none; border: 0; padding: 2px 0;
  cursor: help; text-decoration: underline dotted; text-underline-offset: 3px; }
.tooltip { display: none; position: absolute; right: 0; top: calc(100% + 8px); z-index: 20;
  width: max-content; max-width: min(30rem, calc(100vw - 48px)); padding: 10px 12px;
  background: #1d2433; color: #fff; border-radius: 6px; box-shadow: var(--shadow-lg);
  font-size: 0.85rem; line-height: 1.45; }
.tooltip::before { content: ''; position: absolute; left: 0; right: 0; top: -10px; height: 10px; }
.last-used:hover .tooltip, .last-used:focus-within .tooltip { display: block; }
.last-used.dismissed .tooltip { display: none; }
.tooltip-row { display: flex; gap: 10px; }
.tooltip-label { flex: 0 0 6.5rem; color: #c3cad8; }
.tooltip-value { overflow-wrap: anywhere; }

/* Row menu */
details.menu { position: relative; display: inline-block; }
details.menu > summary { list-style: none; }
details.menu > summary::-webkit-details-marker { display: none; }
details.menu[open] > summary { background: var(--code-bg); }
.menu-list { position: absolute; right: 0; top: calc(100% + 4px); z-index: 15; min-width: 170px;
  padding: 4px; background: var(--surface); border: 1px solid var(--border);
  border-radius: var(--radius); box-shadow: var(--shadow-lg); text-align: left; }
.menu-item { display: block; padding: 8px 12px; border-radius: 5px; text-decoration: none;
  color: var(--text); font-weight: 500; }
.menu-item:hover, .menu-item:focus-visible { background: var(--code-bg); }
.menu-item.danger { color: var(--danger); }

/* Empty state */
.empty { padding: 28px; text-align: center; margin-bottom: 32px; }

/* Dialogs */
dialog { width: min(36rem, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto;
  padding: 24px; border: 0; border-radius: 12px; color: var(--text); background: var(--surface);
  box-shadow: var(--shadow-lg); }
/* Without the script a dialog stays non-modal: keep it in view over a dimmed page anyway. */
dialog[open]:not(:modal) { position: fixed; top: 5vh; z-index: 50;
  box-shadow: var(--shadow-lg), 0 0 0 100vmax rgb(15 23 42 / 0.55); }
dialog::backdrop { background: rgb(15 23 42 / 0.55); }
dialog h2 { font-size: 1.25rem; margin-bottom: 12px; }
.key-ref { color: var(--muted); }
#created-dialog { width: min(42rem, calc(100vw - 24px)); }
.secret-box { display: flex; gap: 8px; align-items: stretch; flex-wrap: wrap; margin: 12px 0 16px; }
.full-key { flex: 1 1 24rem; display: block; padding: 10px 12px; font-size: 0.95rem;
  border: 1px dashed var(--field-border); border-radius: 6px; user-select: all;
  word-break: break-all; background: var(--code-bg); }
.dot { color: var(--muted); }
.secret-part { color: var(--secret); font-weight: 600; }

/* Key ID versus API key */
.explainer { margin-top: 8px; }
.shapes { display: grid; grid-template-columns: 1fr 1.35fr; gap: 16px; margin: 12px 0; }
.shape { padding: 16px; }
.shape-value { display: block; margin: 8px 0 10px; padding: 8px 10px; word-break: break-all;
  font-size: 0.9rem; }
.shape p { color: var(--muted); font-size: 0.93rem; margin: 0; }
.tag { display: inline-block; margin-left: 6px; padding: 1px 8px; border-radius: 999px;
  font-size: 0.75rem; font-weight: 600; vertical-align: middle; }
.tag.safe { background: #e3f4e8; color: #1a5e2c; }
.tag.secret { background: #fde8e6; color: #9b1c12; }

@media (max-width: 720px) {
  .shapes { grid-template-columns: 1fr; }
}

/* Phone width: one card per key. */
@media (max-width: 640px) {
  :root { font-size: 15px; }
  .topbar { padding: 8px 12px; }
  .account-user { display: none; }
  main { padding: 20px 12px 48px; }
  h1 { font-size: 1.5rem; }
  .page-head > .button { width: 100%; }
  table.keys, .keys thead, .keys tbody, .keys tr, .keys th, .keys td { display: block; }
  .keys thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  .keys tbody tr { position: relative; padding: 12px 14px; }
  .keys tbody tr + tr > * { border-top: 0; }
  .keys tbody tr + tr { border-top: 1px solid var(--border); }
  .keys th, .keys td { padding: 3px 0; }
  .keys td[data-label] { display: grid; grid-template-columns: 5.5rem 1fr; gap: 8px;
    align-items: start; }
  .keys td[data-label]::before { content: attr(data-label); color: var(--muted);
    font-size: 0.85rem; padding-top: 3px; }
  .key-name { padding-right: 48px !important; font-size: 1.05rem; margin-bottom: 4px; }
  .keys td.actions { position: absolute; top: 10px; right: 10px; width: auto; padding: 0; }
  .key-id { white-space: normal; word-break: break-all; }
  .id-cell { display: flex; }
  .tooltip { left: -5.5rem; right: auto; max-width: calc(100vw - 40px); }
  dialog { padding: 18px; }
  .dialog-actions .button { flex: 1 1 auto; }
}
`;
