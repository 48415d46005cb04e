/** The newest change among articles: what a listing's Last-Modified says, and a feed's or sitemap's updated date. */
import type { ArticleMeta } from '../content/types.ts';

// A date as the build writes it (content/zoned-date.ts toZonedIso): "2022-11-28T09:30:00+03:00", fixed width.
const ZONED_LENGTH = 25;
const OFFSET_AT = 19;
const T = 0x54;

/** Both dates as the build writes them, with the same offset: then their text sorts as their instants. */
const sameZonedForm = (a: string, b: string): boolean => {
  if (a.length !== ZONED_LENGTH || b.length !== ZONED_LENGTH || a.charCodeAt(10) !== T || b.charCodeAt(10) !== T)
    return false;
  for (let i = OFFSET_AT; i < ZONED_LENGTH; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
};

/**
 * Whether ISO 8601 date `date` is a later instant than `newest`, the newest so far (none: any valid date is).
 * Dates carry their own offsets, so they are compared as instants; two with the same offset, as text, which
 * is some ten times cheaper than Date.parse (a sitemap part compares 2,000).
 */
export const isNewer = (date: string, newest: string | undefined): boolean => {
  if (newest === undefined) return !Number.isNaN(Date.parse(date));
  return sameZonedForm(date, newest) ? date > newest : Date.parse(date) > Date.parse(newest);
};

/**
 * The latest `updated` (ISO 8601, as written) among the articles, or undefined for none. Lists are
 * ordered by publication, so an older article updated later can be anywhere in one.
 */
export const newestUpdate = (metas: Iterable<Pick<ArticleMeta, 'updated'>>): string | undefined => {
  let newest: string | undefined;
  for (const { updated } of metas) {
    if (isNewer(updated, newest)) newest = updated;
  }
  return newest;
};
