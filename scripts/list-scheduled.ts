/**
 * What `npm run content` says is scheduled: the articles dated after now. It
 * reads the clock, so it only prints; what the build writes never depends on it.
 */
import type { ArticleMeta } from '../src/content/types.ts';

/** One line per article dated after `now`, the soonest first; none when nothing is scheduled. */
export const scheduledLines = (articles: readonly ArticleMeta[], now: number): string[] => {
  const scheduled = articles.filter((meta) => Date.parse(meta.published) > now).reverse();
  if (scheduled.length === 0) return [];
  return [
    `scheduled: ${scheduled.length} article${scheduled.length === 1 ? '' : 's'}, published at their time with no deploy:`,
    ...scheduled.map((meta) => `  ${meta.published}  ${meta.id}  ${meta.title}`),
  ];
};
