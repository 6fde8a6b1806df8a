/**
 * Deeply nested bodies: a search query nested thousands of levels deep used to overflow the
 * stack in schema validation (a 500, found by the bad-input reliability suite); it is now a 400
 * that says why, while real nesting (a few levels of `and`/`or`) still works.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../../mock/plugins/body-depth.js';
import { buildHarness, type Harness } from './support/mock-harness.js';

/** As text: JSON.stringify itself recurses, and would overflow first. */
const nestedSearch = (levels: number): string =>
  `${'{"type":"and","queries":['.repeat(levels)}{"type":"object_type","object_type":"lead"}${']}'.repeat(levels)}`;

describe('bodies nested too deeply', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(() => h.app.close());

  it.each([
    ['POST', '/api/v1/data/search/', (query: string) => `{"query": ${query}}`],
    ['POST', '/api/v1/saved_search/', (query: string) => `{"name": "Deep", "s_query": ${query}}`],
  ] as const)('%s %s: a 400 saying so, not a 500', async (method, url, wrap) => {
    const answer = await h.request({
      method,
      url,
      headers: { authorization: h.auth, 'content-type': 'application/json' },
      payload: wrap(nestedSearch(5000)),
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toEqual({
      error: `The request body nests objects and arrays more than ${MAX_BODY_DEPTH} levels deep.`,
    });
  });

  it('still takes a search query nested as deep as real ones are', async () => {
    const answer = await h.request({
      method: 'POST',
      url: '/api/v1/data/search/',
      headers: { authorization: h.auth, 'content-type': 'application/json' },
      payload: `{"query": {"type": "and", "queries": [{"type": "object_type", "object_type": "lead"}, ${nestedSearch(20)}]}}`,
    });
    expect(answer.body).toMatch(/^\{"data":\[/);
    expect(answer.statusCode).toBe(200);
  });

  it('measures depth without recursion, objects and arrays alike', () => {
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 64)).toBe(
      true,
    );
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });
});
