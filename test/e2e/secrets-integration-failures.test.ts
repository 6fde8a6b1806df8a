/**
 * The integration's errors under a 429, a 500, a dropped connection and a deleted key: every
 * operation the integration registers fails with an error that never quotes the key's secret
 * (test/support/integration-error-paths.ts; split from its sibling file to stay under Zapier's
 * invocation limit per process).
 */
import { errorPathSuite, FAULT_SCENARIOS } from '../support/integration-error-paths.js';

errorPathSuite([
  FAULT_SCENARIOS[429],
  FAULT_SCENARIOS[500],
  FAULT_SCENARIOS.drop,
  FAULT_SCENARIOS.deleted,
]);
