/** sitemap.xml (every page, with its last change) and robots.txt pointing at it. */

import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleMeta } from '../content/types.ts';
import { newestUpdate } from '../site/newest-update.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';

const entry = (loc: string, lastmod: string | undefined) =>
  `  <url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;

/**
 * One file holds 50,000 URLs (sitemaps.org): articles and tags of this site stay well under that.
 * A listing's lastmod is its page's Last-Modified: the newest change among the articles its first page shows.
 */
export const renderSitemap = (
  site: SiteConfig,
  articles: readonly ArticleMeta[],
  tags: readonly { slug: string; lastmod: string | undefined }[],
): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    entry(absoluteUrl(site.url, paths.home), newestUpdate(articles.slice(0, site.pageSize))),
    ...articles.map((meta) => entry(absoluteUrl(site.url, paths.article(meta.slug)), meta.updated)),
    ...tags.map((tag) => entry(absoluteUrl(site.url, paths.tag(tag.slug)), tag.lastmod)),
    '</urlset>',
    '',
  ].join('\n');

/** Both sitemaps, so crawlers (Google News among them) find the news sitemap without being told. */
export const renderRobots = (site: SiteConfig): string =>
  `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.url, paths.sitemap)}\nSitemap: ${absoluteUrl(site.url, paths.newsSitemap)}\n`;
