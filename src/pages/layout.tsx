/** The frame every HTML page shares: head with styles and feed autodiscovery, site header and footer. */

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ArticleTag } from '../content/types.ts';
import { DEFAULT_FEED_FORMAT, FEED_FORMAT_IDS, FEED_FORMATS, feedMediaType } from '../feeds/formats.ts';
import { MIME } from '../http/mime-types.ts';
import { labelsFor } from '../site/labels.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { STYLESHEET } from './stylesheet.ts';

/**
 * Google's limit for a NewsArticle headline (schema.org structured data); titles in <title>
 * and link previews are cut there too.
 */
export const TITLE_LENGTH = 110;

export interface LayoutProps {
  site: SiteConfig;
  title: string;
  description: string;
  /** Absent on pages that are no URL's canonical form, such as the 404 page. */
  canonicalPath?: string;
  /** A tag page also offers that tag's feeds, after the site's. */
  tag?: ArticleTag;
  /** Page-specific head elements: OpenGraph, JSON-LD. */
  head?: Child;
  children: Child;
}

const FeedAlternates = ({ site, tag }: { site: SiteConfig; tag?: ArticleTag }) => {
  const title = tag ? labelsFor(site.language).tagFeedTitle(site.title, tag.name) : site.title;
  return (
    <>
      {FEED_FORMAT_IDS.map((format) => (
        <link
          rel="alternate"
          type={feedMediaType(format)}
          title={`${title} (${FEED_FORMATS[format].name})`}
          href={absoluteUrl(site.url, paths.feed(format, tag?.slug))}
        />
      ))}
    </>
  );
};

export const Layout = ({ site, title, description, canonicalPath, tag, head, children }: LayoutProps) => {
  const t = labelsFor(site.language);
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {canonicalPath ? <link rel="canonical" href={absoluteUrl(site.url, canonicalPath)} /> : null}
        <link rel="icon" href={paths.favicon} type={MIME.svg} />
        <FeedAlternates site={site} />
        {tag ? <FeedAlternates site={site} tag={tag} /> : null}
        <meta name="color-scheme" content="light dark" />
        {head}
        <style>{raw(STYLESHEET)}</style>
      </head>
      <body>
        <header class="site">
          <div class="wrap">
            <a href={paths.home}>{site.title}</a>
            <a href={paths.feed(DEFAULT_FEED_FORMAT)}>{t.subscribe}</a>
          </div>
        </header>
        <main class="wrap">{children}</main>
        <footer class="site">
          <div class="wrap">
            <a href={paths.home}>{t.backHome}</a>
            {FEED_FORMAT_IDS.map((format) => (
              <>
                {' · '}
                <a href={paths.feed(format)}>{FEED_FORMATS[format].name}</a>
              </>
            ))}
          </div>
        </footer>
      </body>
    </html>
  );
};
