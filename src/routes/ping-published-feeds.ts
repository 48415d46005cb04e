/** The cron (wrangler.toml's [triggers]): each minute, tells the hub which feeds the minute's publications changed. */
import { changedTopics, type FeedTopic, feedTopics } from '../feeds/feed-topics.ts';
import { pingHub, summarizePing } from '../http/websub-ping.ts';
import { siteTimeline, tags, tagTimeline } from '../site/content-store.ts';
import { absoluteUrl } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';

/** How often the cron runs: `* * * * *`. */
export const CRON_PERIOD_MS = 60_000;

// A Worker may make 50 subrequests per invocation on the free plan: keep a margin.
const MAX_HUB_REQUESTS = 45;

// Built on the first run, not at start-up: isolates that only answer requests never need it.
let topics: FeedTopic[] | undefined;
const allTopics = (): FeedTopic[] => {
  topics ??= feedTopics(
    siteTimeline,
    tags.map((tag) => ({ slug: tag.slug, timeline: tagTimeline(tag) })),
  );
  return topics;
};

/**
 * Pings for the feeds that changed in (scheduledTime − 1 minute, scheduledTime]:
 * exactly the publications of the minute, counted from the run's scheduled
 * time rather than the clock, so a late run covers the same span. By then the
 * feeds already show them: their cache lifetimes ended at the publication.
 */
export const pingPublishedFeeds = async (controller: ScheduledController, env: Env): Promise<void> => {
  const site = siteConfig(env);
  if (!site.hub) return;
  const to = controller.scheduledTime;
  const changed = changedTopics(allTopics(), to - CRON_PERIOD_MS, to);
  if (changed.length === 0) return;
  const urls = changed.map((topic) => absoluteUrl(site.url, topic.path));
  const result = await pingHub(site.hub, urls, { maxRequests: MAX_HUB_REQUESTS });
  const line = `websub: ${summarizePing(site.hub, result)}`;
  if (result.failed.length > 0 || result.skipped.length > 0) console.error(line);
  else console.log(line);
};
