/**
 * Where the mock's web pages live, in one place for the routes, the templates and the CLI's
 * start-up message.
 */
export const WEB_PATHS = {
  home: '/',
  login: '/settings/login',
  logout: '/settings/logout',
  apiKeys: '/settings/api-keys',
  stylesheet: '/settings/assets/settings.css',
  script: '/settings/assets/settings.js',
  deleteKey: (id: string) => `/settings/api-keys/${encodeURIComponent(id)}/delete`,
} as const;

/** Whether a route is one of the web pages (HTML for people) rather than the API or control plane. */
export const isWebPage = (url: string): boolean =>
  url === WEB_PATHS.home || url.startsWith('/settings/');
