/** The newest change among articles: what a listing's Last-Modified says, and a feed's or sitemap's updated date. */
import type { ArticleMeta } from '../content/types.ts';

/**
 * The latest `updated` (ISO 8601, as written) among the articles, or undefined for none. Lists are
 * ordered by publication, so an older article updated later can be anywhere in one; and dates
 * carry their own offsets, so they are compared as instants, not as strings.
 */
export const newestUpdate = (metas: Iterable<Pick<ArticleMeta, 'updated'>>): string | undefined => {
  let newest: string | undefined;
  let newestTime = Number.NEGATIVE_INFINITY;
  for (const { updated } of metas) {
    const time = Date.parse(updated);
    if (time > newestTime) {
      newest = updated;
      newestTime = time;
    }
  }
  return newest;
};
