/** Which feed a URL names: the whole site's, or one tag's. */

import type { TagEntry } from '../content/types.ts';
import { type ArticleSequence, allArticles, tagArticles } from '../site/content-store.ts';
import { labelsFor } from '../site/labels.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { FeedSource } from './feed-model.ts';

/** The feed's title and its articles as published at `now`. */
export const feedSource = (
  site: SiteConfig,
  now: number,
  tag?: TagEntry,
): { source: FeedSource; list: ArticleSequence } => {
  if (!tag) return { source: { title: site.title, description: site.description }, list: allArticles(now) };
  const t = labelsFor(site.language);
  return {
    source: { title: t.tagFeedTitle(site.title, tag.name), description: t.tagFeedDescription(tag.name), tag: tag.slug },
    list: tagArticles(tag, now),
  };
};
