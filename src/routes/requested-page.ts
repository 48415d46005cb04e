/** Which page of a list a request names: an archive page by its path, the subscription document, or a former ?page= URL. */
import type { AppContext } from '../http/app-env.ts';
import { CACHE_CONTROL } from '../http/cache-policy.ts';
import { archivePage, currentPage, formerPage, type ListPage, parsePage } from '../site/pagination.ts';
import { sitePath } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';

export type RequestedPage =
  | { kind: 'page'; page: ListPage }
  /** A former ?page=N URL: it moves to the page that holds its first item now (`archive` absent: the subscription document). */
  | { kind: 'moved'; archive?: number }
  /** A malformed ?page=. */
  | { kind: 'bad' }
  | { kind: 'missing' };

/** Reads the `:page` path parameter of archive routes, else ?page=, against a list of `count` items. */
export const requestedPage = (c: AppContext, count: number, size: number): RequestedPage => {
  const archive = c.req.param('page');
  if (archive !== undefined) {
    const number = parsePage(archive);
    const page = number === undefined ? undefined : archivePage(count, size, number);
    return page ? { kind: 'page', page } : { kind: 'missing' };
  }
  const query = c.req.query('page');
  if (query === undefined) return { kind: 'page', page: currentPage(count, size) };
  const number = parsePage(query);
  if (number === undefined) return { kind: 'bad' };
  const moved = formerPage(count, size, number);
  return moved ? { kind: 'moved', ...moved } : { kind: 'missing' };
};

/**
 * Former ?page=N URLs counted pages from the newest, so what each held
 * shifted with every article; they are retired for good (301), and lead to
 * where their first item is today, which itself moves, so it is cached briefly.
 * The Location is a path under SITE_URL's: a redirect never names the request's Host.
 */
export const movedPage = (c: AppContext, path: string, headers: Record<string, string> = {}): Response =>
  c.body(null, 301, {
    ...headers,
    Location: sitePath(siteConfig(c.env).url, path),
    'Cache-Control': CACHE_CONTROL.content,
  });

/**
 * Render-cache key part for a page: a full archive page is the same whatever is published
 * later; any other page ends in `@` and the list's published cut, so a render from before
 * a publication is never served after it.
 */
export const pageKey = (page: ListPage, cut: string): string =>
  page.archive === undefined
    ? `current@${cut}`
    : page.full
      ? `archive:${page.archive}`
      : `archive:${page.archive}@${cut}`;
