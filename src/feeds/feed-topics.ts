/**
 * The feeds a WebSub hub is told about, and which of them a span of time
 * changed. Pure: the Worker's cron and `npm run deploy` both list topics here.
 */
import { paths } from '../site/paths.ts';
import { changedBetween, type Timeline, type TimeWindow } from '../site/publication.ts';
import { DZEN_WINDOW, type WindowRule, YANDEX_WINDOW } from './aggregator-window.ts';
import { FEED_FORMAT_IDS } from './formats.ts';

/** A feed's subscription document (its first page: the `self` link hubs know it by) and the articles it follows. */
export interface FeedTopic {
  path: string;
  timeline: Timeline;
  /** For a feed of the last days only, as aggregators read (Dzen three days, Google News two). */
  window?: TimeWindow;
}

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

const feedPathsOf = (tag?: string): string[] => FEED_FORMAT_IDS.map((format) => paths.feed(format, tag));

/** Every feed's path: the site's and each tag's in every format, then the windowed ones. */
export const feedPaths = (tagSlugs: readonly string[]): string[] => [
  ...feedPathsOf(),
  ...tagSlugs.flatMap((slug) => feedPathsOf(slug)),
  ...windowedFeeds.map(({ path }) => path),
];

/** Every feed with the articles it follows. */
export const feedTopics = (site: Timeline, tags: readonly { slug: string; timeline: Timeline }[]): FeedTopic[] => [
  ...feedPathsOf().map((path) => ({ path, timeline: site })),
  ...tags.flatMap((tag) => feedPathsOf(tag.slug).map((path) => ({ path, timeline: tag.timeline }))),
  ...windowedFeeds.map(({ path, window }) => ({ path, timeline: site, window })),
];

/** The topics whose feeds show something else at `to` than at `from`: a publication, or a window's edge, fell between. */
export const changedTopics = (topics: readonly FeedTopic[], from: number, to: number): FeedTopic[] =>
  topics.filter((topic) => changedBetween(topic.timeline, from, to, topic.window));
