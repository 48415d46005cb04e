/**
 * The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the articles of the last two days, each with the publication's name and
 * language, its publication date and title.
 */
import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleMeta } from '../content/types.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { XML_DECLARATION } from './xml-writer.ts';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * news:language is an ISO 639 code of two or three letters, except zh-cn and
 * zh-tw (the sitemap-news 0.9 schema): a region or script subtag is dropped.
 */
export const newsLanguage = (language: string): string => {
  const [base = language, region] = language.toLowerCase().split('-');
  if (base === 'zh') return region === 'tw' || region === 'hant' ? 'zh-tw' : 'zh-cn';
  return base;
};

const entry = (site: SiteConfig, meta: ArticleMeta): string =>
  [
    '  <url>',
    `    <loc>${escapeHtml(absoluteUrl(site.url, paths.article(meta.slug)))}</loc>`,
    '    <news:news>',
    '      <news:publication>',
    `        <news:name>${escapeHtml(site.title)}</news:name>`,
    `        <news:language>${escapeHtml(newsLanguage(meta.language))}</news:language>`,
    '      </news:publication>',
    // The original publication time, W3C format with the offset (never the time it was added here).
    `      <news:publication_date>${meta.published}</news:publication_date>`,
    `      <news:title>${escapeHtml(meta.title)}</news:title>`,
    '    </news:news>',
    '  </url>',
  ].join('\n');

/** `articles` are the window's, newest first; an empty sitemap is valid ("won't cause any problems"). */
export const renderNewsSitemap = (site: SiteConfig, articles: readonly ArticleMeta[]): string =>
  [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
    ...articles.map((meta) => entry(site, meta)),
    '</urlset>',
    '',
  ].join('\n');
