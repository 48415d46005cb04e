/** RFC 5005 (Feed Paging and Archiving) links and elements, in the shape each XML format needs. */
import type { FeedPaging } from './feed-model.ts';

export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0';

/** The archive relations (RFC 5005 §4), in document order. */
export const pagingLinks = (paging: FeedPaging): { rel: string; href: string }[] => [
  ...(paging.current ? [{ rel: 'current', href: paging.current }] : []),
  ...(paging.prevArchive ? [{ rel: 'prev-archive', href: paging.prevArchive }] : []),
  ...(paging.nextArchive ? [{ rel: 'next-archive', href: paging.nextArchive }] : []),
];

/** The fh: element that says what kind of document this is: <fh:complete/>, <fh:archive/>, or none. */
export const historyElement = (paging: FeedPaging): 'complete' | 'archive' | undefined =>
  paging.complete ? 'complete' : paging.archive ? 'archive' : undefined;
