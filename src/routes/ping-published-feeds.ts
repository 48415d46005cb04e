/** The cron (wrangler.toml's [triggers]): each minute, tells the WebSub hub which feeds the minute's publications changed. */
import { changedFeedPaths, WINDOWED_FEEDS } from '../feeds/feed-topics.ts';
import { pingHub, summarizePing } from '../http/websub-ping.ts';
import { loadMetas, publishedBetween, publishedCount } from '../site/content-store.ts';
import { absoluteUrl } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';

/** How often the cron runs: `* * * * *`. */
export const CRON_PERIOD_MS = 60_000;

// A Worker may make 50 subrequests per invocation on the free plan: keep a margin.
const MAX_HUB_REQUESTS = 45;

/**
 * Pings for the feeds that changed in (scheduledTime − 1 minute, scheduledTime]:
 * exactly the publications of the minute, counted from the run's scheduled
 * time rather than the clock, so a late run covers the same span. By then the
 * feeds already show them: their cache lifetimes ended at the publication.
 * The store tells which articles came out (a prefix grew); their metas, which tags.
 */
export const pingPublishedFeeds = async (controller: ScheduledController, env: Env): Promise<void> => {
  const site = siteConfig(env);
  if (!site.hub) return;
  const to = controller.scheduledTime;
  const from = to - CRON_PERIOD_MS;
  const positions = await publishedBetween(env.ASSETS, from, to);
  const metas = await loadMetas(env.ASSETS, positions);
  const windowsLeft: string[] = [];
  for (const { path, window } of Object.values(WINDOWED_FEEDS)) {
    const [a, b] = await Promise.all([
      publishedCount(env.ASSETS, from - window.ms),
      publishedCount(env.ASSETS, to - window.ms),
    ]);
    if (a !== b) windowsLeft.push(path);
  }
  const changed = changedFeedPaths({
    published: positions.length > 0,
    tags: metas.flatMap((meta) => meta.tags.map((tag) => tag.slug)),
    windowsLeft,
  });
  if (changed.length === 0) return;
  const urls = changed.map((path) => absoluteUrl(site.url, path));
  const result = await pingHub(site.hub, urls, { maxRequests: MAX_HUB_REQUESTS });
  const line = `websub: ${summarizePing(site.hub, result)}`;
  if (result.failed.length > 0 || result.skipped.length > 0) console.error(line);
  else console.log(line);
};
