/**
 * Close's rate limits: a request budget per API key and endpoint group (method + path template),
 * and three times that per organization and endpoint group, over fixed windows. Counters live in
 * memory only: this runs on every API request, and a database write per request would make the
 * store's single writer the bottleneck (the same reason key "last used" is batched).
 */

export type RateLimitOptions = {
  /** Requests per key, endpoint group and window; the organization gets three times as many. */
  limit: number;
  windowMs: number;
};

/** Generous, so that normal use and test suites never meet it; lower it to test clients. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 1000, windowMs: 1000 };
export const ORGANIZATION_FACTOR = 3;

export type RateDecision = {
  allowed: boolean;
  /** The budget of whichever counter (key or organization) has less left. */
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
};

type Counter = { window: number; count: number };

const PRUNE_AT = 10_000;

export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  readonly options: RateLimitOptions;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.options = { ...DEFAULT_RATE_LIMIT, ...options };
  }

  /** Counts one request unless a budget is spent; a refused request does not count. */
  hit(keyId: string, organizationId: string, group: string, now = Date.now()): RateDecision {
    const { limit, windowMs } = this.options;
    const window = Math.floor(now / windowMs);
    const resetSeconds = Number((((window + 1) * windowMs - now) / 1000).toFixed(3));
    const key = this.counter(`k ${keyId} ${group}`, window);
    const organization = this.counter(`o ${organizationId} ${group}`, window);
    const organizationLimit = limit * ORGANIZATION_FACTOR;
    const allowed = key.count < limit && organization.count < organizationLimit;
    if (allowed) {
      key.count += 1;
      organization.count += 1;
    }
    const keyLeft = Math.max(0, limit - key.count);
    const organizationLeft = Math.max(0, organizationLimit - organization.count);
    return keyLeft <= organizationLeft
      ? { allowed, limit, remaining: keyLeft, resetSeconds }
      : { allowed, limit: organizationLimit, remaining: organizationLeft, resetSeconds };
  }

  reset(): void {
    this.counters.clear();
  }

  private counter(name: string, window: number): Counter {
    let counter = this.counters.get(name);
    if (!counter) {
      if (this.counters.size >= PRUNE_AT) this.prune(window);
      counter = { window, count: 0 };
      this.counters.set(name, counter);
    } else if (counter.window !== window) {
      counter.window = window;
      counter.count = 0;
    }
    return counter;
  }

  private prune(window: number): void {
    for (const [name, counter] of this.counters) {
      if (counter.window !== window) this.counters.delete(name);
    }
  }
}

/** `RateLimit: limit=…, remaining=…, reset=…`, as Close answers it. */
export function rateLimitHeader(decision: RateDecision): string {
  return `limit=${decision.limit}, remaining=${decision.remaining}, reset=${decision.resetSeconds}`;
}
