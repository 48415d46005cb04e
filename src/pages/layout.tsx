/** The frame every HTML page shares: head with feed autodiscovery, header, footer. */
import type { Child } from 'hono/jsx';
import type { ArticleTag } from '../content/types.ts';
import { labelsFor } from '../labels.ts';
import { absoluteUrl, paths, type FeedFormat } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';

export interface LayoutProps {
  site: SiteConfig;
  title: string;
  description: string;
  canonicalPath: string;
  /** A tag page also offers that tag's feeds, after the site's. */
  tag?: ArticleTag;
  children: Child;
}

const FEED_LINKS: { format: FeedFormat; type: string; name: string }[] = [
  { format: 'rss', type: 'application/rss+xml', name: 'RSS' },
  { format: 'atom', type: 'application/atom+xml', name: 'Atom' },
  { format: 'json', type: 'application/feed+json', name: 'JSON Feed' },
];

const FeedAlternates = ({ site, tag }: { site: SiteConfig; tag?: ArticleTag }) => {
  const title = tag ? labelsFor(site.language).tagFeedTitle(site.title, tag.name) : site.title;
  return (
    <>
      {FEED_LINKS.map(({ format, type, name }) => (
        <link rel="alternate" type={type} title={`${title} (${name})`} href={absoluteUrl(site.url, paths.feed(format, tag?.slug))} />
      ))}
    </>
  );
};

export const Layout = ({ site, title, description, canonicalPath, tag, children }: LayoutProps) => (
  <html lang={site.language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={absoluteUrl(site.url, canonicalPath)} />
      <link rel="icon" href={paths.favicon} type="image/svg+xml" />
      <FeedAlternates site={site} />
      {tag ? <FeedAlternates site={site} tag={tag} /> : null}
    </head>
    <body>
      <header>
        <a href={paths.home}>{site.title}</a>
      </header>
      <main>{children}</main>
    </body>
  </html>
);
