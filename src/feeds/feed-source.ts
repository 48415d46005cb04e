/** Which feed a URL names: the whole site's, or one tag's. */

import type { ArticleTag } from '../content/types.ts';
import { labelsFor } from '../site/labels.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { FeedSource } from './feed-model.ts';

export const feedSource = (site: SiteConfig, tag?: ArticleTag): FeedSource => {
  if (!tag) return { title: site.title, description: site.description };
  const t = labelsFor(site.language);
  return { title: t.tagFeedTitle(site.title, tag.name), description: t.tagFeedDescription(tag.name), tag: tag.slug };
};
