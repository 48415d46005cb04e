/** Feed models for renderer tests: the seed, or generated articles with fixed dates. */
import type { ArticleBody, ArticleMeta } from '../../src/content/types.ts';
import { createFeedModel, type FeedModel, type FeedSource } from '../../src/feeds/feed-model.ts';
import { archivePage, currentPage } from '../../src/site/pagination.ts';
import { SITE } from './site.ts';

export interface Entry {
  meta: ArticleMeta;
  body: ArticleBody;
}

/** The n-th generated article: one a day from 2023-01-01, newest first when listed from n = count - 1. */
export const makeEntry = (n: number, overrides: Partial<ArticleMeta> = {}, html = `<p>Текст ${n}.</p>`): Entry => {
  const day = new Date(Date.UTC(2023, 0, 1 + n, 9)).toISOString().replace('.000Z', '+00:00');
  const id = `a${String(n).padStart(4, '0')}`;
  const meta: ArticleMeta = {
    id,
    guid: `urn:uuid:00000000-0000-5000-8000-${String(n).padStart(12, '0')}`,
    slug: `statya-${n}`,
    title: `Статья ${n}`,
    published: day,
    updated: day,
    summary: `Кратко ${n}`,
    tags: [{ name: 'экономика', slug: 'ekonomika' }],
    language: 'ru',
    wordCount: 2,
    readingMinutes: 1,
    ...overrides,
  };
  // The body carries the title and summary as written, for feeds, as the content build writes them.
  const text = html.replace(/<[^>]+>/g, '');
  return { meta, body: { id, pageHtml: html, html, text, title: meta.title, summary: meta.summary } };
};

export const SITE_SOURCE: FeedSource = { title: SITE.title, description: SITE.description };

/**
 * A document of a feed over `entries` (newest first), as the Worker would build
 * it: the subscription document, or archive page `archive` (counted from the oldest).
 */
export const modelOf = (
  entries: readonly Entry[],
  archive: number | 'current' = 'current',
  pageSize = SITE.pageSize,
  source = SITE_SOURCE,
): FeedModel => {
  const count = entries.length;
  const page = archive === 'current' ? currentPage(count, pageSize) : archivePage(count, pageSize, archive);
  if (!page) throw new Error(`no archive page ${archive}`);
  // Pages index from the oldest; `entries` are newest first.
  return createFeedModel({ ...SITE, pageSize }, source, page, entries.slice(count - page.end, count - page.start));
};
