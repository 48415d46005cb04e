/** RFC 5005 (Feed Paging and Archiving) links, in the shape each XML format needs. */
import type { FeedPaging } from './feed-model.ts';

export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0';

/** Paging relations in document order; a complete feed has none, only <fh:complete/>. */
export const pagingLinks = (paging: FeedPaging): { rel: string; href: string }[] =>
  paging.complete
    ? []
    : [
        { rel: 'first', href: paging.first },
        ...(paging.previous ? [{ rel: 'previous', href: paging.previous }] : []),
        ...(paging.next ? [{ rel: 'next', href: paging.next }] : []),
        { rel: 'last', href: paging.last },
      ];
