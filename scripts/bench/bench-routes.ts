/** The URLs the bench measures at each size, each with other pages of its kind to render once the code is warm. */
import type { ContentIndex } from '../../src/content/types.ts';
import { pageCount } from '../../src/site/pagination.ts';
import { pagedPath, paths } from '../../src/site/paths.ts';

export interface BenchRoute {
  path: string;
  /** Up to five other pages of the same kind, none of them another route: their first render is what a new page costs. */
  siblings: string[];
}

export const benchRoutes = (index: ContentIndex, pageSize: number): Record<string, BenchRoute> => {
  const { articles, tags } = index;
  const pages = pageCount(articles.length, pageSize);
  // Pages strictly between the first and the last (a route of its own). Page 1's siblings are the first five;
  // the last page's are the five before it, never one of page 1's, which the RSS route has rendered already.
  const middle = Array.from({ length: Math.max(0, pages - 2) }, (_, i) => i + 2);
  const afterFirst = middle.slice(0, 5);
  const beforeLast = middle.slice(afterFirst.length).slice(-5);
  const listing = (path: string): BenchRoute => ({
    path,
    siblings: afterFirst.map((page) => pagedPath(path, page)),
  });
  const tag = [...tags].sort((a, b) => b.articles.length - a.articles.length)[0]!;
  const otherTags = tags.filter((other) => other !== tag).slice(0, 5);
  const article = (at: number): BenchRoute => ({
    path: paths.article(articles[at]!.slug),
    // Its neighbours: the next five for the newest, the previous five for the oldest.
    siblings: (at === 0 ? articles.slice(1, 6) : articles.slice(Math.max(0, at - 5), at)).map((a) =>
      paths.article(a.slug),
    ),
  });
  return {
    home: listing(paths.home),
    'article (newest)': article(0),
    'article (oldest)': article(articles.length - 1),
    'tag page': { path: paths.tag(tag.slug), siblings: otherTags.map((t) => paths.tag(t.slug)) },
    rss: listing(paths.feed('rss')),
    atom: listing(paths.feed('atom')),
    'json feed': listing(paths.feed('json')),
    'rss, last page': {
      // Always with ?page=, so that it is a URL of its own even when there is one page.
      path: `${paths.feed('rss')}?page=${pages}`,
      siblings: beforeLast.map((page) => pagedPath(paths.feed('rss'), page)),
    },
    'tag rss': { path: paths.feed('rss', tag.slug), siblings: otherTags.map((t) => paths.feed('rss', t.slug)) },
    opml: { path: paths.opml, siblings: [] },
    sitemap: { path: paths.sitemap, siblings: [] },
  };
};
