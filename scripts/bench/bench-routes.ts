/** The URLs the bench measures at each size, each with other pages of its kind to render once the code is warm. */
import { archiveCount } from '../../src/site/pagination.ts';
import { paths } from '../../src/site/paths.ts';
import type { StoreView } from './read-store.ts';

export interface BenchRoute {
  path: string;
  /** Up to five other pages of the same kind, none of them another route: their first render is what a new page costs. */
  siblings: string[];
}

export const benchRoutes = (store: StoreView, pageSize: number): Record<string, BenchRoute> => {
  const { count, slugAt, tags } = store;
  const archives = archiveCount(count, pageSize);
  // Archive pages strictly between the oldest (a route of its own) and the newest: the listings' siblings are the
  // newest five of them, the oldest page's the five after it, never one of the others'.
  const middle = Array.from({ length: Math.max(0, archives - 2) }, (_, i) => i + 2);
  const newest = middle.slice(-5);
  const afterOldest = middle.slice(0, Math.max(0, middle.length - newest.length)).slice(0, 5);
  const listing = (path: string, archive: (page: number) => string): BenchRoute => ({
    path,
    siblings: newest.map(archive),
  });
  const tag = tags[0]!;
  const rare = tags.at(-1)!;
  const otherTags = tags.slice(1, 6);
  const article = (position: number): BenchRoute => ({
    path: paths.article(slugAt(position)),
    // Its neighbours: the five before the newest, the five after the oldest.
    siblings: (position === count - 1 ? [2, 3, 4, 5, 6].map((i) => count - i) : [1, 2, 3, 4, 5])
      .filter((p) => p >= 0 && p < count && p !== position)
      .map((p) => paths.article(slugAt(p))),
  });
  return {
    home: listing(paths.home, (page) => paths.archive(page)),
    'article (newest)': article(count - 1),
    'article (oldest)': article(0),
    'tag page': { path: paths.tag(tag.slug), siblings: otherTags.map((t) => paths.tag(t.slug)) },
    rss: listing(paths.feed('rss'), (page) => paths.feed('rss', undefined, page)),
    atom: listing(paths.feed('atom'), (page) => paths.feed('atom', undefined, page)),
    'json feed': listing(paths.feed('json'), (page) => paths.feed('json', undefined, page)),
    'rss, oldest archive page': {
      path: paths.feed('rss', undefined, 1),
      siblings: afterOldest.map((page) => paths.feed('rss', undefined, page)),
    },
    'tag rss': { path: paths.feed('rss', tag.slug), siblings: otherTags.map((t) => paths.feed('rss', t.slug)) },
    // The worst case for reads: the smallest tag's newest articles lie in as many packs as there are of them.
    'rare tag rss': { path: paths.feed('rss', rare.slug), siblings: [] },
    // Its JSON Feed: the same packs, and each item's plain text too.
    'rare tag json feed': { path: paths.feed('json', rare.slug), siblings: [] },
    'tag rss, oldest archive page': { path: paths.feed('rss', tag.slug, 1), siblings: [] },
    'archive page 1': { path: paths.archive(1), siblings: afterOldest.map((page) => paths.archive(page)) },
    opml: { path: paths.opml, siblings: [] },
    sitemap: { path: paths.sitemap, siblings: [] },
    'sitemap, pages': { path: paths.sitemapPart('pages.xml'), siblings: [] },
    'sitemap, first articles': { path: paths.sitemapPart('articles-1.xml'), siblings: [] },
  };
};
