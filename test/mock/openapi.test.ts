import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildHarness, type Harness } from './support/mock-harness.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// CI clones the repository with shared/ beside it; a git worktree sits one level deeper.
const candidates = [
  '../shared/reference/close-openapi.yml',
  '../../shared/reference/close-openapi.yml',
];

function closeSpecPath(): string {
  for (const candidate of candidates) {
    const path = new URL(candidate, `file://${repoRoot}`);
    if (existsSync(path)) return fileURLToPath(path);
  }
  throw new Error(`close-openapi.yml not found beside the repository (${candidates.join(', ')})`);
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const parameterSchema = z.looseObject({ name: z.string(), in: z.string() });
const operationSchema = z.looseObject({
  description: z.string().optional(),
  parameters: z.array(parameterSchema).optional(),
});
const documentSchema = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/**
 * Query parameters Close documents in an operation's prose but leaves out of its parameter list.
 * Each is accepted only while the description still names it in backticks.
 */
const DOCUMENTED_IN_PROSE: Record<string, string[]> = {
  'get /event/': ['_cursor', 'request_id'],
};

/**
 * Paths that `close-api.md` (Close's developer documentation) describes but Close's OpenAPI file
 * leaves out. Nothing else may be served that the OpenAPI file lacks.
 */
const DOCUMENTED_ELSEWHERE = new Set(['post /data/search/']);

describe('GET /_mock/openapi.json', () => {
  let h: Harness;
  let ours: z.infer<typeof documentSchema>;
  let close: z.infer<typeof documentSchema>;

  beforeAll(async () => {
    h = await buildHarness();
    const response = await h.request({ url: '/_mock/openapi.json' });
    expect(response.statusCode).toBe(200);
    ours = documentSchema.parse(response.json());
    close = documentSchema.parse(parse(readFileSync(closeSpecPath(), 'utf8')));
  });
  afterAll(() => h.app.close());

  const operations = (document: z.infer<typeof documentSchema>) =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map((method) => ({
        path,
        method,
        operation: operationSchema.parse(item[method]),
      })),
    );

  it('describes the Close API served under /api/v1, without the control plane', () => {
    const paths = Object.keys(ours.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/me/', '/event/', '/event/{id}/', '/webhook/', '/webhook/{id}/']),
    );
    expect(paths.filter((path) => path.startsWith('/_mock') || path.startsWith('/api/'))).toEqual(
      [],
    );
  });

  it('serves only paths and methods that Close has', () => {
    const missing = operations(ours)
      .filter(({ path, method }) => close.paths[path]?.[method] === undefined)
      .filter(({ path, method }) => !DOCUMENTED_ELSEWHERE.has(`${method} ${path}`))
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });

  it('spells every query and path parameter as Close does', () => {
    // Close's list filters (`date_created__gt`, `id__in`, `_order_by`…) work alike across
    // resources, though its file lists them on some operations only. A parameter is spelled as
    // Close does when Close's own list for the operation has it, or Close uses the same name as
    // a query parameter elsewhere; a misspelling is in neither.
    const closeQueryNames = new Set(
      operations(close).flatMap(({ operation }) =>
        (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      ),
    );
    const unknown: string[] = [];
    for (const { path, method, operation } of operations(ours)) {
      const theirs = operationSchema.parse(close.paths[path]?.[method] ?? {});
      const names = new Set((theirs.parameters ?? []).map((p) => `${p.in}:${p.name}`));
      const prose = DOCUMENTED_IN_PROSE[`${method} ${path}`] ?? [];
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'query' && parameter.in !== 'path') continue;
        if (names.has(`${parameter.in}:${parameter.name}`)) continue;
        if (parameter.in === 'query' && closeQueryNames.has(parameter.name)) continue;
        if (
          prose.includes(parameter.name) &&
          theirs.description?.includes(`\`${parameter.name}\``)
        ) {
          continue;
        }
        unknown.push(`${method.toUpperCase()} ${path} ${parameter.in} parameter ${parameter.name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('needs no token', async () => {
    const response = await h.request({ url: '/_mock/openapi.json' });
    expect(response.json<{ openapi: string }>().openapi).toMatch(/^3\./);
  });
});
