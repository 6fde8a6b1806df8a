/**
 * A limit on how deeply a JSON body may nest. JSON.parse copes with any depth, but the schemas
 * and handlers that walk recursive structures (search queries, webhook filters) recurse once per
 * level, and a body a few thousand levels deep would overflow the stack: a 500 instead of a 400.
 * Checked after parsing and before validation, without recursion, for every route.
 */
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';

/** Far beyond any real search query or filter, far below what would overflow the stack. */
export const MAX_BODY_DEPTH = 64;

/** Whether `value` nests objects and arrays more than `limit` levels deep. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
        throw new ApiError(
          400,
          `The request body nests objects and arrays more than ${MAX_BODY_DEPTH} levels deep.`,
        );
      }
    });
  },
  { name: 'body-depth' },
);
