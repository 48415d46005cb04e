/**
 * The feeds a WebSub hub is told about, and which of them a span of time
 * changed. Pure: the Worker's cron and `npm run deploy` both list topics here.
 */
import { paths } from '../site/paths.ts';
import { DZEN_WINDOW, type WindowRule, YANDEX_WINDOW } from './aggregator-window.ts';
import { FEED_FORMAT_IDS } from './formats.ts';

/**
 * Feeds that show only a recent window of the site's articles: the aggregator
 * feeds, by name, each with its path and window (the routes read them here
 * too), so the cron pings them when an item enters or leaves.
 */
export const WINDOWED_FEEDS = {
  dzen: { path: paths.dzenFeed, window: DZEN_WINDOW },
  yandex: { path: paths.yandexFeed, window: YANDEX_WINDOW },
} as const satisfies Record<string, { path: string; window: WindowRule }>;

const windowedFeeds = Object.values(WINDOWED_FEEDS);

/** A feed's subscription document in every format: the `self` link hubs know it by. */
export const feedPathsOf = (tag?: string): string[] => FEED_FORMAT_IDS.map((format) => paths.feed(format, tag));

/** Every feed's path: the site's and each tag's in every format, then the windowed ones. */
export const feedPaths = (tagSlugs: readonly string[]): string[] => [
  ...feedPathsOf(),
  ...tagSlugs.flatMap((slug) => feedPathsOf(slug)),
  ...windowedFeeds.map(({ path }) => path),
];

/** What a span of time brought: the tags of the articles it published (none: it published nothing), and the windowed feeds whose oldest item left. */
export interface PublishedSpan {
  published: boolean;
  tags: readonly string[];
  windowsLeft: readonly string[];
}

/**
 * The feeds whose subscription documents a span changed: with a publication,
 * the site's, its articles' tags', and every windowed feed (an item entered);
 * without, only windowed feeds an item left. Archive pages never change.
 */
export const changedFeedPaths = ({ published, tags, windowsLeft }: PublishedSpan): string[] => {
  if (!published) return windowedFeeds.map(({ path }) => path).filter((path) => windowsLeft.includes(path));
  return [
    ...feedPathsOf(),
    ...[...new Set(tags)].flatMap((slug) => feedPathsOf(slug)),
    ...windowedFeeds.map(({ path }) => path),
  ];
};
