import { describe, expect, it } from 'vitest';
import { changedTopics, feedPaths, feedTopics } from '../../src/feeds/feed-topics.ts';
import { DAY_MS, type Timeline } from '../../src/site/publication.ts';

const timeline = (times: number[]): Timeline => ({ count: times.length, publishedAt: (i) => times[i]! });
const T = Date.parse('2024-03-03T18:00:00Z');

describe('feed topics', () => {
  const site = timeline([T - 3 * DAY_MS, T]);
  const topics = feedTopics(site, [
    { slug: 'a', timeline: timeline([T]) },
    { slug: 'b', timeline: timeline([T - 3 * DAY_MS]) },
  ]);

  it('lists every feed in every format, the same paths the deploy script checks', () => {
    expect(topics.map((topic) => topic.path)).toEqual(feedPaths(['a', 'b']));
    expect(feedPaths(['a'])).toEqual([
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
      '/tags/a/rss.xml',
      '/tags/a/atom.xml',
      '/tags/a/feed.json',
      // The aggregator feeds, which the cron also pings when their window moves.
      '/feeds/dzen.xml',
      '/feeds/yandex.xml',
    ]);
  });

  it('names the feeds a span of time changed: a publication in (from, to]', () => {
    const changed = (from: number, to: number) => changedTopics(topics, from, to).map((topic) => topic.path);
    expect(changed(T - 60_000, T)).toEqual(feedPaths(['a']));
    expect(changed(T, T + 60_000)).toEqual([]);
  });

  it('names a windowed feed when its oldest item leaves the window too', () => {
    const dzen = { path: '/feeds/dzen.xml', timeline: site, window: { ms: 3 * DAY_MS } };
    expect(changedTopics([dzen], T - 60_000, T)).toEqual([dzen]);
    expect(changedTopics([dzen], T - 3 * DAY_MS + DAY_MS, T - DAY_MS)).toEqual([]);
    expect(changedTopics([dzen], T - 60_000 + 1, T + 1)).toEqual([dzen]);
    // The first article, dated T − 3 days, leaves at T exactly.
    expect(changedTopics([{ ...dzen, timeline: timeline([T - 3 * DAY_MS]) }], T - 1, T)).toHaveLength(1);
  });
});
