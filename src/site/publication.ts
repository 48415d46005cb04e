/**
 * Time as part of publishing: which of a list's articles are out at an instant,
 * and the next instant at which that changes. Pure: the instant is passed in.
 *
 * Lists are sorted by date, so what is published at `now` is always a cut: the
 * first `publishedCount` articles counted from the oldest. That number names
 * the published state of a list; responses that show the list key on it.
 */

/** Publication times (ms since the epoch) of a list's articles, counted from the oldest. */
export interface Timeline {
  readonly count: number;
  /** The time of the `i`-th oldest article; never decreases as `i` grows. */
  publishedAt(i: number): number;
}

/** The first position from the oldest whose time is after `instant`: the number of articles dated at or before it. */
const countAtOrBefore = (timeline: Timeline, instant: number): number => {
  let low = 0;
  let high = timeline.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timeline.publishedAt(middle) <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** How many of the list's articles are published at `now`: an article dated at or before `now` is, a later one is not yet. */
export const publishedCount = (timeline: Timeline, now: number): number => countAtOrBefore(timeline, now);

/** When the list's next scheduled article comes out, or undefined when none is scheduled. */
export const nextPublication = (timeline: Timeline, now: number): number | undefined => {
  const published = publishedCount(timeline, now);
  return published < timeline.count ? timeline.publishedAt(published) : undefined;
};

/**
 * A time window, as aggregators read feeds (Dzen shows the last three days,
 * Google News's sitemap the last two): an article dated `p` is in it from `p`
 * until, and not including, `p + ms`.
 */
export interface TimeWindow {
  ms: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The published articles inside `window` at `now`, as positions from the oldest: `[start, end)`. */
export const windowRange = (timeline: Timeline, now: number, window: TimeWindow): { start: number; end: number } => {
  const end = publishedCount(timeline, now);
  return { start: Math.min(end, countAtOrBefore(timeline, now - window.ms)), end };
};

/**
 * The next instant after `now` at which what the list shows changes: its next
 * publication, or, for a windowed list, the moment its oldest item leaves the
 * window, whichever comes first. Undefined when nothing is due.
 */
export const nextChange = (timeline: Timeline, now: number, window?: TimeWindow): number | undefined => {
  const publication = nextPublication(timeline, now);
  if (!window) return publication;
  const { start, end } = windowRange(timeline, now, window);
  const exit = start < end ? timeline.publishedAt(start) + window.ms : undefined;
  if (publication === undefined) return exit;
  return exit === undefined ? publication : Math.min(publication, exit);
};

/** The earlier of two next changes, either of which may be none. */
export const earliest = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/** Whole seconds from `now` until `changesAt`, or undefined when nothing is due: what a cache lifetime may not exceed. */
export const secondsUntil = (now: number, changesAt: number | undefined): number | undefined =>
  changesAt === undefined ? undefined : Math.max(0, Math.floor((changesAt - now) / 1000));

/** Whether a list shows something else at `to` than at `from`: its published cut, or its window, moved. */
export const changedBetween = (timeline: Timeline, from: number, to: number, window?: TimeWindow): boolean => {
  if (!window) return publishedCount(timeline, from) !== publishedCount(timeline, to);
  const [a, b] = [windowRange(timeline, from, window), windowRange(timeline, to, window)];
  return a.start !== b.start || a.end !== b.end;
};
