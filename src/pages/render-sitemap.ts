/**
 * The sitemap (sitemaps.org): an index of parts, each at most SITEMAP_PART
 * URLs, so that a full part never changes again; and robots.txt pointing at it.
 */

import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleTag } from '../content/types.ts';
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

/** URLs a piece of an article part: a piece stays well under the size V8 allocates apart (see render-cache.ts utf8). */
const URLS_A_PIECE = 250;

/**
 * Articles from the store's lines "slug\tupdated", oldest first: the document in pieces, to be
 * encoded one after another (a part of 2,000 URLs is some 350 KB).
 */
export const renderSitemapOfArticles = (site: SiteConfig, lines: readonly string[]): string[] => {
  // One URL and one escape for the prefix: thousands of `new URL()`s would cost more than the rest of
  // the render. An encoded slug holds nothing XML must escape (encodeURIComponent leaves only ' of them).
  const prefix = escapeHtml(absoluteUrl(site.url, paths.article('')));
  const pieces = [`${XML}\n<urlset xmlns="${NS}">\n`];
  for (let from = 0; from < lines.length; from += URLS_A_PIECE) {
    const urls: string[] = [];
    for (const line of lines.slice(from, from + URLS_A_PIECE)) {
      const tab = line.indexOf('\t');
      urls.push(
        `  <url><loc>${prefix}${encodeURIComponent(line.slice(0, tab))}</loc><lastmod>${line.slice(tab + 1)}</lastmod></url>\n`,
      );
    }
    pieces.push(urls.join(''));
  }
  pieces.push('</urlset>\n');
  return pieces;
};

/** Both sitemaps, so crawlers (Google News among them) find the news sitemap without being told. */
export const renderRobots = (site: SiteConfig): string =>
  `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.url, paths.sitemap)}\nSitemap: ${absoluteUrl(site.url, paths.newsSitemap)}\n`;
