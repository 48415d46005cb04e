/** OPML 2.0 list of the site's feeds, so a reader can import them all at once. */

import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleTag } from '../content/types.ts';
import { labelsFor } from '../site/labels.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { XML_DECLARATION } from './xml-writer.ts';

const outline = (text: string, xmlUrl: string, htmlUrl: string, language: string) =>
  `<outline type="rss" text="${escapeHtml(text)}" title="${escapeHtml(text)}" xmlUrl="${escapeHtml(xmlUrl)}" htmlUrl="${escapeHtml(htmlUrl)}" language="${escapeHtml(language)}"/>`;

/**
 * One outline per feed, in RSS: the Atom and JSON Feed versions carry the
 * same items, and importing all three would subscribe a reader three times.
 */
export const renderOpml = (site: SiteConfig, tags: readonly ArticleTag[], updated: string | undefined): string => {
  const url = (path: string) => absoluteUrl(site.url, path);
  const t = labelsFor(site.language);
  const tagOutlines = tags.map(
    (tag) =>
      `      ${outline(t.tagFeedTitle(site.title, tag.name), url(paths.feed('rss', tag.slug)), url(paths.tag(tag.slug)), site.language)}`,
  );
  return [
    XML_DECLARATION,
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeHtml(site.title)}</title>`,
    ...(updated ? [`    <dateModified>${new Date(updated).toUTCString()}</dateModified>`] : []),
    `    <ownerName>${escapeHtml(site.author)}</ownerName>`,
    '  </head>',
    '  <body>',
    `    ${outline(site.title, url(paths.feed('rss')), url(paths.home), site.language)}`,
    ...(tags.length > 0 ? [`    <outline text="${escapeHtml(t.tagsOutline)}">`, ...tagOutlines, '    </outline>'] : []),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
};
