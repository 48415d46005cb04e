import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedBetween,
  DAY_MS,
  nextChange,
  nextPublication,
  publishedCount,
  secondsUntil,
  type Timeline,
  windowRange,
} from '../../src/site/publication.ts';

const timeline = (times: number[]): Timeline => ({ count: times.length, publishedAt: (i) => times[i]! });

const T = Date.parse('2024-03-01T18:00:00Z');
const MINUTE = 60_000;
const sample = timeline([T - DAY_MS, T, T, T + MINUTE, T + 3 * DAY_MS]);

describe('publishedCount', () => {
  it('counts the articles dated at or before the instant: one published at this very millisecond is out', () => {
    expect(publishedCount(sample, T - 1)).toBe(1);
    expect(publishedCount(sample, T)).toBe(3);
    expect(publishedCount(sample, T + MINUTE - 1)).toBe(3);
    expect(publishedCount(sample, T + MINUTE)).toBe(4);
    expect(publishedCount(sample, T + 10 * DAY_MS)).toBe(5);
    expect(publishedCount(timeline([]), T)).toBe(0);
  });
});

describe('nextPublication', () => {
  it('is the first time after the instant, or none when nothing is scheduled', () => {
    expect(nextPublication(sample, T - 1)).toBe(T);
    expect(nextPublication(sample, T)).toBe(T + MINUTE);
    expect(nextPublication(sample, T + 3 * DAY_MS)).toBeUndefined();
  });
});

describe('time windows', () => {
  const window = { ms: 2 * DAY_MS };

  it('holds the articles of the last window.ms, the oldest leaving exactly window.ms after its date', () => {
    expect(windowRange(sample, T, window)).toEqual({ start: 0, end: 3 });
    expect(windowRange(sample, T + DAY_MS - 1, window)).toEqual({ start: 0, end: 4 });
    expect(windowRange(sample, T + DAY_MS, window)).toEqual({ start: 1, end: 4 });
    expect(windowRange(sample, T + 10 * DAY_MS, window)).toEqual({ start: 5, end: 5 });
  });

  it('changes next at a publication or at an exit, whichever comes first', () => {
    expect(nextChange(sample, T, window)).toBe(T + MINUTE);
    expect(nextChange(sample, T + MINUTE, window)).toBe(T + DAY_MS);
    expect(nextChange(sample, T + DAY_MS, window)).toBe(T + 2 * DAY_MS);
    expect(nextChange(sample, T + 2 * DAY_MS, window)).toBe(T + 2 * DAY_MS + MINUTE);
    expect(nextChange(sample, T + 3 * DAY_MS, window)).toBe(T + 5 * DAY_MS);
    expect(nextChange(sample, T + 10 * DAY_MS, window)).toBeUndefined();
    expect(nextChange(sample, T + MINUTE)).toBe(T + 3 * DAY_MS);
  });

  // Against a brute force over every instant: the set shown is constant from now
  // until just before the next change, and differs at it.
  it('agrees with counting by hand, for any dates, instants and windows', () => {
    const times = fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 12 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(
        times,
        fc.integer({ min: -10, max: 1010 }),
        fc.option(fc.integer({ min: 1, max: 300 })),
        (a, now, ms) => {
          const line = timeline(a);
          const window = ms === null ? undefined : { ms };
          const shown = (t: number) =>
            a
              .map((p, i) => (p <= t && (!window || p > t - window.ms) ? i : -1))
              .filter((i) => i >= 0)
              .join(',');
          expect(publishedCount(line, now)).toBe(a.filter((p) => p <= now).length);
          const change = nextChange(line, now, window);
          const brute = [...Array(1400).keys()].map((k) => now + 1 + k).find((t) => shown(t) !== shown(now));
          expect(change).toBe(brute);
          if (change !== undefined) {
            expect(changedBetween(line, now, change - 1, window)).toBe(false);
            expect(changedBetween(line, now, change, window)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('secondsUntil', () => {
  it('rounds down, so a lifetime never reaches past the change, and is none without a change', () => {
    expect(secondsUntil(T, T + 59_999)).toBe(59);
    expect(secondsUntil(T, T + 500)).toBe(0);
    expect(secondsUntil(T, undefined)).toBeUndefined();
  });
});
