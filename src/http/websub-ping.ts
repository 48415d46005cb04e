/**
 * Tells a WebSub hub that feeds changed, so it fetches them and pushes them to
 * subscribers at once. Used by the Worker's cron and by `npm run deploy`.
 *
 * W3C WebSub leaves the publisher's side to the hub; every public hub takes
 * the PubSubHubbub form: POST `hub.mode=publish&hub.url=<topic>` (one topic
 * per request, which every hub accepts).
 */

export interface PingOptions {
  /** Retries after the first try, on 429, 5xx or a network error. */
  retries?: number;
  /** The first wait before a retry, doubled each time (a 429's Retry-After wins when longer). */
  baseDelayMs?: number;
  /** At most this many requests in all, retries included: a Worker's subrequests are counted (50 a request on the free plan). */
  maxRequests?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface PingFailure {
  topic: string;
  /** The last answer's status, or the network error's message. */
  reason: string;
}

export interface PingResult {
  pinged: string[];
  failed: PingFailure[];
  /** Topics not tried because the request budget ran out. */
  skipped: string[];
  /** True when no request reached the hub at all: its address is wrong, or it is down. */
  unreachable: boolean;
}

const RETRY_AFTER_MAX_MS = 60_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const retryAfterMs = (response: Response): number => {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, RETRY_AFTER_MAX_MS) : 0;
};

const retriable = (status: number) => status === 429 || status >= 500;

/** Pings the hub for each topic in turn (a hub is one host: no need to hurry it), retrying with backoff. */
export const pingHub = async (
  hub: string,
  topics: readonly string[],
  options: PingOptions = {},
): Promise<PingResult> => {
  const {
    retries = 3,
    baseDelayMs = 1000,
    maxRequests = Number.POSITIVE_INFINITY,
    fetch: send = fetch,
    sleep = wait,
  } = options;
  const result: PingResult = { pinged: [], failed: [], skipped: [], unreachable: false };
  let requests = 0;
  let answered = false;
  for (const [index, topic] of topics.entries()) {
    if (requests >= maxRequests) {
      result.skipped.push(...topics.slice(index));
      break;
    }
    let reason = '';
    let done = false;
    for (let attempt = 0; attempt <= retries && requests < maxRequests; attempt++) {
      requests++;
      let delay = baseDelayMs * 2 ** attempt;
      try {
        const response = await send(hub, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
        });
        await response.body?.cancel();
        answered = true;
        if (response.ok) {
          done = true;
          break;
        }
        reason = `HTTP ${response.status}`;
        if (!retriable(response.status)) break;
        delay = Math.max(delay, retryAfterMs(response));
      } catch (error) {
        reason =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      }
      if (attempt < retries && requests < maxRequests) await sleep(delay);
    }
    if (done) result.pinged.push(topic);
    else result.failed.push({ topic, reason });
  }
  result.unreachable = !answered && result.failed.length > 0;
  return result;
};

/** One line for a log: "pinged 7 feeds, 0 failed", and why, when something went wrong. */
export const summarizePing = (hub: string, result: PingResult): string => {
  const feeds = (n: number) => `${n} feed${n === 1 ? '' : 's'}`;
  const line = `pinged ${feeds(result.pinged.length)}, ${result.failed.length} failed`;
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped (request budget)` : '';
  if (result.unreachable) return `${line}${skipped}: hub ${hub} unreachable (${result.failed[0]?.reason})`;
  const first = result.failed[0];
  return `${line}${skipped}${first ? ` (first: ${first.topic}: ${first.reason})` : ''}`;
};
