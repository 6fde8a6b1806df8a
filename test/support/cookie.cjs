// Fastify's `inject` (light-my-request) requires `cookie`, which is ESM-only since v2, and jest
// cannot `require` ESM on Node 22. jest.config.js maps `cookie` to this CommonJS stand-in for the
// one function light-my-request calls (only when a test injects cookies).
'use strict';

exports.stringifySetCookie = ({ name, value }) => `${name}=${encodeURIComponent(value)}`;
