/**
 * Fault injection: a developer queues "the next N requests matching METHOD PATH answer like this"
 * (a status such as 429/500/502/503, a delay, a dropped connection, or a 200 whose body is not
 * valid JSON), so that a client's retry and error handling can be tested against the mock. Paths
 * match exactly, or as globs where `*` stands for any characters within one path segment and `**`
 * for any characters across segments (`/api/v1/lead/**`). The first matching fault wins.
 */

export type FaultInput = {
  /** An HTTP method, or `*` for any. */
  method: string;
  path: string;
  count: number;
  status?: number | undefined;
  delay_ms?: number | undefined;
  drop?: boolean | undefined;
  /** JSON to answer; a string is sent verbatim (e.g. `{"data": [` for malformed JSON). */
  body?: unknown;
  headers?: Record<string, string> | undefined;
};

export type Fault = FaultInput & { id: string; remaining: number; date_created: string };

export class FaultService {
  private faults: { fault: Fault; pattern: RegExp }[] = [];
  private nextId = 1;

  add(input: FaultInput): Fault {
    const fault: Fault = {
      ...input,
      method: input.method.toUpperCase(),
      id: `fault_${this.nextId++}`,
      remaining: input.count,
      date_created: new Date().toISOString(),
    };
    this.faults.push({ fault, pattern: pathPattern(input.path) });
    return fault;
  }

  /** Checked on every request before anything else, so it must stay this cheap. */
  get isEmpty(): boolean {
    return this.faults.length === 0;
  }

  list(): Fault[] {
    return this.faults.map(({ fault }) => ({ ...fault }));
  }

  clear(): number {
    const cleared = this.faults.length;
    this.faults = [];
    return cleared;
  }

  /** The fault that applies to this request, used up by one; undefined (cheaply) when none. */
  take(method: string, path: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const index = this.faults.findIndex(
      ({ fault, pattern }) =>
        (fault.method === '*' || fault.method === method.toUpperCase()) && pattern.test(path),
    );
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.fault.remaining -= 1;
    if (entry.fault.remaining <= 0) this.faults.splice(index, 1);
    return { ...entry.fault };
  }
}

/** The glob as a regex; a trailing slash is optional on both sides, as in routing. */
export function pathPattern(glob: string): RegExp {
  const trimmed = glob.length > 1 ? glob.replace(/\/+$/, '') : glob;
  let source = '';
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed.charAt(i);
    if (char === '*' && trimmed.charAt(i + 1) === '*') {
      source += '.*';
      i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}/?$`);
}
