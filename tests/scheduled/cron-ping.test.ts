// The cron inside workerd (called through the Worker's own scheduled handler),
// pinging the recording hub (tests/helpers/recording-hub.ts) behind https://hub.test/.
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import worker from '../../src/index.ts';
import type { HubRequest } from '../helpers/recording-hub.ts';

const ORIGIN = 'https://publisher.example.com';
/** The embargoed article (tags Экономика, Эмбарго) comes out at 21:00 Moscow time. */
const PUBLICATION = Date.parse('2024-03-03T18:00:00Z');
/** The interview (tag Политика). */
const NEXT = Date.parse('2024-03-10T06:00:00Z');

const scriptHub = (statuses: number[]) =>
  fetch('https://hub.test/script', { method: 'POST', body: JSON.stringify(statuses) }).then((r) => r.arrayBuffer());
const received = async () => (await (await fetch('https://hub.test/received')).json()) as HubRequest[];

const runCron = (scheduledTime: number) =>
  worker.scheduled(createScheduledController({ scheduledTime, cron: '* * * * *' }), env);

const feeds = (prefix: string) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `${ORIGIN}${prefix}/${file}`);
/** The aggregator feeds: a publication enters their window too. */
const windowed = [`${ORIGIN}/feeds/dzen.xml`, `${ORIGIN}/feeds/yandex.xml`];

// The cron logs its one-line summary; the tests read it here instead of the console.
let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the cron', () => {
  it('pings the hub for exactly the feeds the minute’s publication changed: the site’s, its tags’ and the aggregators’', async () => {
    await scriptHub([]);
    await runCron(PUBLICATION);
    const pings = await received();
    expect(pings.flatMap((ping) => ping.topics).sort()).toEqual(
      [...feeds(''), ...feeds('/tags/ekonomika'), ...feeds('/tags/embargo'), ...windowed].sort(),
    );
    for (const ping of pings) {
      expect(ping.method).toBe('POST');
      expect(ping.contentType).toBe('application/x-www-form-urlencoded');
      expect(ping.mode).toBe('publish');
      expect(ping.topics).toHaveLength(1);
    }
    expect(log).toHaveBeenCalledWith('websub: pinged 11 feeds, 0 failed');
  });

  it('covers the minute up to its scheduled time: never a publication still to come, nor one already pinged', async () => {
    await scriptHub([]);
    await runCron(PUBLICATION - 1000);
    await runCron(PUBLICATION + 60_000);
    await runCron(NEXT - 60_000);
    expect(await received()).toEqual([]);
    await runCron(NEXT);
    expect((await received()).map((ping) => ping.topics[0]).sort()).toEqual(
      [...feeds(''), ...feeds('/tags/politika'), ...windowed].sort(),
    );
  });

  it('retries a hub that answers 503 after a pause, and pings every feed once', async () => {
    await scriptHub([503]);
    await runCron(NEXT);
    const pings = await received();
    expect(pings.map((ping) => ping.status)).toEqual([503, 204, 204, 204, 204, 204, 204, 204, 204]);
    expect(new Set(pings.map((ping) => ping.topics[0])).size).toBe(8);
    expect(log).toHaveBeenCalledWith('websub: pinged 8 feeds, 0 failed');
  });
});
