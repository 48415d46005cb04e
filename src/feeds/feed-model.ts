/** One model of a feed page, from which every format is rendered. */
import type { ArticleBody, ArticleMeta } from '../content/types.ts';
import { absoluteUrl, paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';

export interface FeedItem {
  meta: ArticleMeta;
  body: ArticleBody;
  /** Absolute permalink of the article's page. */
  url: string;
  /** The body with every root-relative link made absolute, for reading away from the site. */
  contentHtml: string;
  imageUrl?: string;
}

export interface FeedModel {
  site: SiteConfig;
  title: string;
  description: string;
  homeUrl: string;
  links: { rss: string; atom: string; json: string };
  /** ISO 8601: the newest item's update, or undefined for an empty feed. */
  updated: string | undefined;
  items: FeedItem[];
}

// Root-relative href/src only; "//host" is protocol-relative and stays as it is.
const ROOT_RELATIVE = /(\s(?:href|src)=")\/(?!\/)/g;

export const absolutizeHtml = (html: string, siteUrl: string): string => html.replace(ROOT_RELATIVE, `$1${siteUrl}/`);

export const createFeedModel = (site: SiteConfig, entries: readonly { meta: ArticleMeta; body: ArticleBody }[]): FeedModel => {
  const url = (path: string) => absoluteUrl(site.url, path);
  return {
    site,
    title: site.title,
    description: site.description,
    homeUrl: url(paths.home),
    links: { rss: url(paths.rss), atom: url(paths.atom), json: url(paths.jsonFeed) },
    updated: entries.reduce<string | undefined>(
      (newest, { meta }) => (!newest || Date.parse(meta.updated) > Date.parse(newest) ? meta.updated : newest),
      undefined,
    ),
    items: entries.map(({ meta, body }) => ({
      meta,
      body,
      url: url(paths.article(meta.slug)),
      contentHtml: absolutizeHtml(body.html, site.url),
      ...(meta.image?.src ? { imageUrl: url(meta.image.src) } : {}),
    })),
  };
};
