import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, cacheControlFor } from '../../src/http/cache-policy.ts';

const lifetimes = (header: string) => {
  const directive = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(header)?.[1] ?? 0);
  return { maxAge: directive('max-age'), swr: directive('stale-while-revalidate') };
};

describe('cacheControlFor', () => {
  it('is the policy itself when nothing changes within its lifetimes', () => {
    expect(cacheControlFor('content')).toBe(CACHE_CONTROL.content);
    expect(cacheControlFor('content', 300 + 86400)).toBe(CACHE_CONTROL.content);
    expect(cacheControlFor('notFound', 60)).toBe(CACHE_CONTROL.notFound);
    expect(cacheControlFor('none', 5)).toBe('no-store');
  });

  it('ends max-age plus stale-while-revalidate at the next change, keeping stale-if-error', () => {
    expect(cacheControlFor('content', 3600)).toBe(
      'public, max-age=300, stale-while-revalidate=3300, stale-if-error=86400',
    );
    expect(cacheControlFor('content', 42)).toBe('public, max-age=42, stale-if-error=86400');
    expect(cacheControlFor('content', 0)).toBe('public, max-age=0, stale-if-error=86400');
    expect(cacheControlFor('notFound', 7)).toBe('public, max-age=7');
  });

  it('never reaches past the change, for any distance', () => {
    for (let left = 0; left < 90_000; left += 97) {
      for (const policy of ['content', 'static', 'notFound'] as const) {
        const { maxAge, swr } = lifetimes(cacheControlFor(policy, left));
        expect(maxAge + swr).toBeLessThanOrEqual(left);
      }
    }
  });
});
