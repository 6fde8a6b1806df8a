/**
 * The sign-in form of the settings page. It takes the admin token in a POST body — never in a
 * URL, where it would stay in the browser's history and in access logs — and never fills the
 * token back in after a failed attempt.
 */
import { html } from './html.js';
import { layout } from './layout.js';
import { WEB_PATHS } from './paths.js';

export function loginPage(input: { error?: string; notice?: string } = {}): string {
  const { error, notice } = input;
  return layout({
    title: 'Sign in',
    main: html`<div class="narrow">
      <h1>Sign in to the mock's settings</h1>
      <p>
        Enter the admin token that the mock server printed when it started, on the line
        <code>Admin token (control plane): mock_admin_…</code>, or the value of
        <code>CLOSE_MOCK_ADMIN_TOKEN</code> if you set one.
      </p>
      ${notice && html`<p class="notice" role="status">${notice}</p>`}
      <form method="post" action="${WEB_PATHS.login}" class="card form" novalidate>
        <label for="admin-token">Admin token</label>
        <input
          id="admin-token"
          name="token"
          type="password"
          required
          autocomplete="off"
          spellcheck="false"
          autofocus${error ? html` aria-invalid="true" aria-describedby="admin-token-error"` : ''}
        />
        ${error && html`<p id="admin-token-error" class="field-error">${error}</p>`}
        <div class="form-actions">
          <button type="submit" class="button primary">Sign in</button>
        </div>
      </form>
      <p class="hint">
        The page answers only on this machine. Signing in keeps you signed in in this browser until
        you sign out, stay idle for 8 hours, or the server restarts.
      </p>
    </div>`,
  }).value;
}
