/** Splitting a list into numbered pages, and reading a page number from a query string. */

// Six digits: a million pages of feed is more than any site here will have,
// and bounds what a hostile ?page= can make us compute.
const PAGE_NUMBER = /^[1-9]\d{0,5}$/;

/** What a client that sent a malformed page number is told. */
export const BAD_PAGE_MESSAGE = 'Bad Request: page must be a whole number from 1 to 999999.';

/** The page asked for: 1 when absent, undefined when malformed. */
export const parsePage = (raw: string | undefined): number | undefined =>
  raw === undefined ? 1 : PAGE_NUMBER.test(raw) ? Number(raw) : undefined;

export interface Page {
  number: number;
  count: number;
  start: number;
  end: number;
}

/** How many pages a list fills; an empty list still has page 1. */
export const pageCount = (total: number, size: number): number => Math.max(1, Math.ceil(total / size));

/** The page's bounds, or undefined past the last page. */
export const pageOf = (total: number, size: number, number: number): Page | undefined => {
  const count = pageCount(total, size);
  if (number > count) return undefined;
  const start = (number - 1) * size;
  return { number, count, start, end: Math.min(total, start + size) };
};
