/**
 * The mock server's front page: what it is, where the API is, and the way to the settings page
 * where API keys are issued.
 */
import { html } from './html.js';
import { layout } from './layout.js';
import { WEB_PATHS } from './paths.js';

export function homePage(origin: string): string {
  return layout({
    title: 'Mock Close API',
    main: html`<div class="narrow">
      <h1>Mock Close API</h1>
      <p>
        This server answers like Close's REST API, for developing and testing integrations without a
        Close account.
      </p>
      <ul class="link-list">
        <li>
          <a href="${WEB_PATHS.apiKeys}">Settings → API Keys</a>: issue, inspect and delete API
          keys.
        </li>
        <li>
          API base URL: <code>${origin}/api/v1/</code>. Send an API key as the username of HTTP
          Basic authentication with an empty password, e.g.
          <code>curl -u "api_….…:" ${origin}/api/v1/me/</code>
        </li>
        <li>
          Health check: <a href="/_mock/health"><code>/_mock/health</code></a>
        </li>
      </ul>
    </div>`,
  }).value;
}
