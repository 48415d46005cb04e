import { describe, expect, it } from 'vitest';
import { DZEN_WINDOW, GOOGLE_NEWS_WINDOW, windowItems, YANDEX_WINDOW } from '../../src/feeds/aggregator-window.ts';
import { nextChange, type Timeline, windowRange } from '../../src/site/publication.ts';

const NOW = Date.parse('2024-05-10T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Articles published at these instants, counted from the oldest as publication.ts reads them. */
const timeline = (...instants: number[]): Timeline => {
  const sorted = [...instants].sort((a, b) => a - b);
  return { count: sorted.length, publishedAt: (i) => sorted[i]! };
};

/** The instants a window holds at `now`, newest first. */
const shown = (line: Timeline, now: number, window: { ms: number }) => {
  const { start, end } = windowRange(line, now, window);
  return Array.from({ length: end - start }, (_, i) => line.publishedAt(end - 1 - i));
};

describe('the aggregators’ windows', () => {
  const line = timeline(NOW + HOUR, NOW - HOUR, NOW - 2 * DAY, NOW - 3 * DAY + 60_000, NOW - 3 * DAY, NOW - 5 * DAY);

  it("are Dzen's and Yandex's last three days, and Google News's last two", () => {
    expect(shown(line, NOW, DZEN_WINDOW)).toEqual([NOW - HOUR, NOW - 2 * DAY, NOW - 3 * DAY + 60_000]);
    expect(shown(line, NOW, YANDEX_WINDOW)).toEqual(shown(line, NOW, DZEN_WINDOW));
    expect(shown(line, NOW, GOOGLE_NEWS_WINDOW)).toEqual([NOW - HOUR]);
    // The oldest leaves Dzen's in a minute, before the scheduled one enters in an hour.
    expect(nextChange(line, NOW, DZEN_WINDOW)).toBe(NOW + 60_000);
  });

  it('move with the clock: three days later, only what was published since', () => {
    expect(shown(line, NOW + 3 * DAY, DZEN_WINDOW)).toEqual([NOW + HOUR]);
    expect(shown(line, NOW + 7 * DAY, DZEN_WINDOW)).toEqual([]);
  });

  it('keep the newest up to the cap (Dzen 500 at once, Google News 1,000 per sitemap)', () => {
    const window = {
      count: 1200,
      slice: (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i),
    };
    expect(windowItems(window, DZEN_WINDOW)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(windowItems(window, GOOGLE_NEWS_WINDOW)).toHaveLength(1000);
    expect(windowItems({ count: 3, slice: window.slice }, DZEN_WINDOW)).toEqual([0, 1, 2]);
  });
});
