/**
 * Pages of a list, as RFC 5005 §4 archives them: a subscription document with
 * the newest items, and archive pages of a fixed size counted from the oldest,
 * so that a full archive page never changes again. Also reads page numbers.
 */

// Six digits: a million pages of feed is more than any site here will have,
// and bounds what a hostile page number can make us compute.
const PAGE_NUMBER = /^[1-9]\d{0,5}$/;

/** What a client that sent a malformed ?page= is told. */
export const BAD_PAGE_MESSAGE = 'Bad Request: page must be a whole number from 1 to 999999.';

/** A page number as written in a URL: 1 when absent, undefined when malformed. */
export const parsePage = (raw: string | undefined): number | undefined =>
  raw === undefined ? 1 : PAGE_NUMBER.test(raw) ? Number(raw) : undefined;

/** One page of a list of `count` items, indexed from the oldest. */
export interface ListPage {
  /** Its items [start, end), counting from the list's oldest. */
  start: number;
  end: number;
  /** The archive page's number; absent on the subscription document, the newest items. */
  archive?: number;
  /** An archive page that is full: its items never change again. */
  full: boolean;
  /** The subscription document holds the whole list (RFC 5005 §2, a complete feed). */
  complete: boolean;
  /** The archive page just older than this one (RFC 5005 prev-archive). */
  prevArchive?: number;
  /** The archive page just newer (next-archive): only from a full page, whose links never change. */
  nextArchive?: number;
}

/**
 * The subscription document: the newest `size` items. It links to the newest
 * full archive page, which holds the item just before its oldest (they may
 * share some items; readers merge feeds by item id).
 */
export const currentPage = (count: number, size: number): ListPage => ({
  start: Math.max(0, count - size),
  end: count,
  full: false,
  complete: count <= size,
  ...(count > size ? { prevArchive: Math.ceil(count / size) - 1 } : {}),
});

/**
 * How many archive pages a list has: every full page, and the one filling up
 * after them (empty when the last one just filled, so that its next-archive
 * link always leads somewhere).
 */
export const archiveCount = (count: number, size: number): number => (count === 0 ? 0 : Math.floor(count / size) + 1);

/** Archive page `number` (items [(number−1)·size, number·size)), or undefined if it does not exist. */
export const archivePage = (count: number, size: number, number: number): ListPage | undefined => {
  if (number < 1 || number > archiveCount(count, size)) return undefined;
  const start = (number - 1) * size;
  const full = number * size <= count;
  return {
    start,
    end: Math.min(count, start + size),
    archive: number,
    full,
    complete: false,
    ...(number > 1 ? { prevArchive: number - 1 } : {}),
    ...(full ? { nextArchive: number + 1 } : {}),
  };
};

/**
 * Where a former ?page=N URL (pages counted from the newest, which shifted
 * with every article) leads now: the page that holds what its first item is
 * today. `archive` is absent for the subscription document; undefined past the end.
 */
export const formerPage = (count: number, size: number, number: number): { archive?: number } | undefined => {
  if (number === 1) return {};
  const fromNewest = (number - 1) * size;
  if (fromNewest >= count) return undefined;
  return { archive: Math.floor((count - 1 - fromNewest) / size) + 1 };
};
