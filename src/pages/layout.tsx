/** The frame every HTML page shares: head with feed autodiscovery, header, footer. */
import type { Child } from 'hono/jsx';
import { paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';

export interface LayoutProps {
  site: SiteConfig;
  title: string;
  description: string;
  canonicalPath: string;
  children: Child;
}

export const Layout = ({ site, title, description, canonicalPath, children }: LayoutProps) => (
  <html lang={site.language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={`${site.url}${canonicalPath}`} />
      <link rel="alternate" type="application/rss+xml" title={`${site.title} (RSS)`} href={`${site.url}${paths.rss}`} />
      <link rel="alternate" type="application/atom+xml" title={`${site.title} (Atom)`} href={`${site.url}${paths.atom}`} />
      <link rel="alternate" type="application/feed+json" title={`${site.title} (JSON Feed)`} href={`${site.url}${paths.jsonFeed}`} />
    </head>
    <body>
      <header>
        <a href={paths.home}>{site.title}</a>
      </header>
      <main>{children}</main>
    </body>
  </html>
);
