/**
 * The last step of every Update action: PUT the fields that were entered, or, when none was,
 * read the object back unchanged (a Zap whose mapped values are all empty this time should not
 * fail, nor send Close an empty update).
 */
import type { ZObject } from 'zapier-platform-core';
import type { z as zod } from 'zod';
import type { CloseMiddlewareData } from '../middleware.js';
import { closeGet, closeRequest } from './close-request.js';

export function putOrRead<S extends zod.ZodType>(
  z: ZObject,
  path: string,
  body: Record<string, unknown>,
  schema: S,
  middlewareData: CloseMiddlewareData,
): Promise<zod.output<S>> {
  return Object.keys(body).length > 0
    ? closeRequest(z, { url: path, method: 'PUT', body, middlewareData }, schema)
    : closeGet(z, path, schema, undefined, middlewareData);
}
