/**
 * The sitemap (sitemaps.org): an index of parts, each at most SITEMAP_PART
 * URLs, so that a full part never changes again; and robots.txt pointing at it.
 */

import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleTag } from '../content/types.ts';
import { isNewer } from '../site/newest-update.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';

const XML = '<?xml version="1.0" encoding="utf-8"?>';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const entry = (loc: string, lastmod: string | undefined) =>
  `  <url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;

export const sitemapPartFile = { pages: 'pages.xml', articles: (part: number) => `articles-${part}.xml` } as const;

/** Reads a part's file name: 'pages', an article part's number, or undefined. */
export const parseSitemapPart = (file: string): 'pages' | number | undefined => {
  if (file === sitemapPartFile.pages) return 'pages';
  const m = /^articles-([1-9]\d{0,5})\.xml$/.exec(file);
  return m ? Number(m[1]) : undefined;
};

/** The index: the pages part, then `parts` article parts. No lastmod: a full part never changes. */
export const renderSitemapIndex = (site: SiteConfig, parts: number): string =>
  [
    XML,
    `<sitemapindex xmlns="${NS}">`,
    ...[sitemapPartFile.pages, ...Array.from({ length: parts }, (_, i) => sitemapPartFile.articles(i + 1))].map(
      (file) => `  <sitemap><loc>${escapeHtml(absoluteUrl(site.url, paths.sitemapPart(file)))}</loc></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');

/** The home page and each tag's page, with their last changes. */
export const renderSitemapOfPages = (
  site: SiteConfig,
  home: string | undefined,
  tags: readonly (ArticleTag & { updated?: string })[],
): string =>
  [
    XML,
    `<urlset xmlns="${NS}">`,
    entry(absoluteUrl(site.url, paths.home), home),
    ...tags.map((tag) => entry(absoluteUrl(site.url, paths.tag(tag.slug)), tag.updated)),
    '</urlset>',
    '',
  ].join('\n');

// A line of the store's sitemap part whose slug needs no escaping, in a URL nor in XML: every slug the build
// writes (lowercase letters, digits, hyphens; src/content/slug.ts, metadata.ts).
const PLAIN_LINE = /^([a-z0-9-]+)\t([^\t\n]*)\n/gm;

/**
 * Articles from the store's lines "slug\tupdated\n", oldest first, in blocks of whole lines: the document in
 * pieces, a piece a block (a part of 2,000 URLs is some 350 KB), to be encoded one after another. A block is
 * rewritten by one regular expression, which cost half of building each URL in a loop; a block with a line
 * it does not match (its tab is left in it) is written a line at a time, with each slug percent-encoded.
 */
export const renderSitemapOfArticles = (site: SiteConfig, blocks: readonly string[]): string[] => {
  // One URL and one escape for the prefix: thousands of `new URL()`s would cost more than the rest of
  // the render. An encoded slug holds nothing XML must escape (encodeURIComponent leaves only ' of them).
  const prefix = escapeHtml(absoluteUrl(site.url, paths.article('')));
  const url = `  <url><loc>${prefix.replaceAll('$', '$$$$')}$1</loc><lastmod>$2</lastmod></url>\n`;
  const pieces = [`${XML}\n<urlset xmlns="${NS}">\n`];
  for (const block of blocks) {
    const urls = block.replace(PLAIN_LINE, url);
    pieces.push(urls.includes('\t') ? urlsOfLines(prefix, block) : urls);
  }
  pieces.push('</urlset>\n');
  return pieces;
};

const urlsOfLines = (prefix: string, block: string): string =>
  block
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      return `  <url><loc>${prefix}${encodeURIComponent(line.slice(0, tab))}</loc><lastmod>${line.slice(tab + 1)}</lastmod></url>\n`;
    })
    .join('');

/** The newest "updated" of the store's sitemap lines (as renderSitemapOfArticles takes them), if any. */
export const newestLastmod = (blocks: readonly string[]): string | undefined => {
  let newest: string | undefined;
  for (const block of blocks) {
    for (let tab = block.indexOf('\t'); tab !== -1; tab = block.indexOf('\t', tab + 1)) {
      const end = block.indexOf('\n', tab);
      const updated = block.slice(tab + 1, end === -1 ? block.length : end);
      if (isNewer(updated, newest)) newest = updated;
    }
  }
  return newest;
};

/** Both sitemaps, so crawlers (Google News among them) find the news sitemap without being told. */
export const renderRobots = (site: SiteConfig): string =>
  `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.url, paths.sitemap)}\nSitemap: ${absoluteUrl(site.url, paths.newsSitemap)}\n`;
