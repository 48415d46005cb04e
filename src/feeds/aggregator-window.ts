/**
 * The aggregators' windows: how far back each reads, and how many items at
 * most. Which articles are in a window at an instant is decided where every
 * publication is, in site/publication.ts; this caps the run it gives.
 */
import { DAY_MS, type TimeWindow } from '../site/publication.ts';

export interface WindowRule extends TimeWindow {
  /** At most this many items, the newest. */
  max: number;
}

/**
 * Dzen: "материалы за два-три последних дня", at most 500 at once
 * (https://dzen.ru/help/ru/website/rss-modify).
 */
export const DZEN_WINDOW: WindowRule = { ms: 3 * DAY_MS, max: 500 };

/**
 * Yandex Webmaster names no window for its fresh-content feed
 * (https://yandex.ru/support/webmaster/en/search-appearance/fresh-content):
 * the same as Dzen's keeps it fresh and far under its 10 MB.
 */
export const YANDEX_WINDOW: WindowRule = { ms: 3 * DAY_MS, max: 500 };

/**
 * Google News sitemaps: "articles that were created in the last two days",
 * at most 1,000 news:news tags per sitemap
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */
export const GOOGLE_NEWS_WINDOW: WindowRule = { ms: 2 * DAY_MS, max: 1000 };

/** The newest `rule.max` of a window's articles (newest first), which the sequence's `slice` gives. */
export const windowItems = <T>(
  window: { count: number; slice: (start: number, end: number) => T[] },
  rule: WindowRule,
): T[] => window.slice(0, Math.min(window.count, rule.max));
