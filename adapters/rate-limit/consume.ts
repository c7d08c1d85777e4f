import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

/**
 * Takes one point for `key`. A refusal says when to come back, and whether it is the first of
 * its window: a guest is told once that they go too fast, not on every message after that.
 */
export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<RateDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), firstRefusal: rejection.consumedPoints === limiter.points + 1 };
  }
}
