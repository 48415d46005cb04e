import { describe, expect, it } from 'vitest';
import { changedFeedPaths, feedPaths } from '../../src/feeds/feed-topics.ts';

describe('feed topics', () => {
  it('lists every feed in every format, the same paths the deploy script checks', () => {
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

  it("names the feeds a span's publications changed: the site's and their tags', each once", () => {
    expect(changedFeedPaths({ published: true, tags: ['a', 'b', 'a'], windowsLeft: [] })).toEqual(
      feedPaths(['a', 'b']),
    );
    expect(changedFeedPaths({ published: true, tags: [], windowsLeft: [] })).toEqual(feedPaths([]));
    expect(changedFeedPaths({ published: false, tags: [], windowsLeft: [] })).toEqual([]);
  });
});
