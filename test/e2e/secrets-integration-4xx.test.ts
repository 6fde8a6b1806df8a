/**
 * The integration's errors under Close's 400, 401, 403 and 404: every
 * operation the integration registers fails with an error that never quotes the key's secret
 * (test/support/integration-error-paths.ts; split from its sibling file to stay under Zapier's
 * invocation limit per process).
 */
import { errorPathSuite, FAULT_SCENARIOS } from '../support/integration-error-paths.js';

errorPathSuite([
  FAULT_SCENARIOS[400],
  FAULT_SCENARIOS[401],
  FAULT_SCENARIOS[403],
  FAULT_SCENARIOS[404],
]);
