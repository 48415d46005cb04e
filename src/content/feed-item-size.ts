/**
 * Keeps every feed response bounded: Google News takes at most 1 MB per article
 * and 2 MB per feed (https://support.google.com/news/publisher-center/answer/9545414),
 * so a feed page of FEED_PAGE_SIZE items gives each item a budget, and an article
 * over it is carried in feeds as its summary and a link to its page.
 */
import type { ArticleBody, ArticleMeta } from './types.ts';

export const FEED_MAX_BYTES = 2_000_000;
export const ARTICLE_MAX_BYTES = 1_000_000;
// The channel's own elements (titles, description, links, paging) and the
// root-relative links that feeds make absolute (each gains the site's URL).
const CHANNEL_RESERVE = 65_536;
const SITE_URL_ALLOWANCE = 256;
// An item's fixed markup: guid, dates, permalink, element names, indentation.
const ITEM_OVERHEAD = 2_048;
const PER_TAG_OVERHEAD = 64;

/** The most an item may take in one feed page of `pageSize` items. */
export const feedItemBudget = (pageSize: number): number =>
  Math.min(ARTICLE_MAX_BYTES, Math.floor((FEED_MAX_BYTES - CHANNEL_RESERVE) / Math.max(1, pageSize)));

// Counted, not encoded: the build runs on Node.
const bytes = (text: string): number => Buffer.byteLength(text);

/**
 * An upper bound of the bytes an article takes in any feed format. JSON Feed
 * is the largest: it carries the HTML and the plain text, JSON-escaped; RSS and
 * Atom carry the HTML once (in CDATA) and escape the short fields, by at most
 * 6 bytes a character ("&quot;"), which the factor on the fields covers.
 */
export const feedItemBytes = (meta: ArticleMeta, body: ArticleBody): number => {
  const fields = [body.title, body.summary, meta.slug, meta.author ?? '', meta.source ?? '', meta.language];
  const image = meta.image ? [meta.image.src ?? '', meta.image.alt, meta.image.caption ?? ''] : [];
  const tags = meta.tags.map((tag) => tag.name);
  const links = body.html.match(/\s(?:href|src)="\//g)?.length ?? 0;
  return (
    bytes(JSON.stringify(body.html)) +
    bytes(JSON.stringify(body.text)) +
    links * SITE_URL_ALLOWANCE +
    6 * bytes([...fields, ...image, ...tags].join('')) +
    tags.length * PER_TAG_OVERHEAD +
    ITEM_OVERHEAD
  );
};
