/**
 * The frame every page of the mock's web UI shares: document head (stylesheet and script from
 * the server itself, which the Content-Security-Policy requires), a skip link, the top bar with
 * the signed-in account and "Sign out", and a polite live region the script announces into.
 */
import { html, type SafeHtml } from './html.js';
import { WEB_PATHS } from './paths.js';

export type Account = { organization: string; user: string; csrfToken: string };

export function layout(input: { title: string; main: SafeHtml; account?: Account }): SafeHtml {
  const { title, main, account } = input;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>${title} · Close mock</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${WEB_PATHS.stylesheet}" />
        <script src="${WEB_PATHS.script}" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="topbar">
          <a class="brand" href="${WEB_PATHS.home}"
            ><span class="brand-mark" aria-hidden="true">C</span> Close mock</a
          >
          ${
            account &&
            html`<div class="account">
              <span class="account-name"
                ><span class="visually-hidden">Signed in to </span>${account.organization}<span
                  class="account-user"
                >
                  · ${account.user}</span
                ></span
              >
              <form method="post" action="${WEB_PATHS.logout}">
                <input type="hidden" name="_csrf" value="${account.csrfToken}" />
                <button type="submit" class="button subtle">Sign out</button>
              </form>
            </div>`
          }
        </header>
        <main id="main" tabindex="-1">${main}</main>
        <div id="announcer" class="visually-hidden" aria-live="polite"></div>
      </body>
    </html> `;
}

export function errorPage(status: number, message: string): SafeHtml {
  return layout({
    title: `Error ${status}`,
    main: html`<div class="narrow">
      <h1>Something went wrong (${status})</h1>
      <p class="notice error" role="alert">${message}</p>
      <p><a href="${WEB_PATHS.apiKeys}">Back to Settings → API Keys</a></p>
    </div>`,
  });
}
