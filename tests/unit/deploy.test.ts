// npm run deploy's decisions, against a live site and a hub on loopback: the
// site answers HEAD with each feed's ETag, and "deploying" swaps what it serves.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployAndPing, liveEtags } from '../../scripts/deploy.ts';
import { feedPaths } from '../../src/feeds/feed-topics.ts';
import { type RecordingHub, startRecordingHub } from '../helpers/recording-hub.ts';

const NO_WAIT = { firstMs: 0, intervalMs: 0, timeoutMs: 1000 };

/** A site that serves an ETag per path (or 404), and records the URLs it was asked for. */
const startSite = async (etags: Record<string, string>) => {
  const site = { etags, asked: [] as string[] };
  const server: Server = createServer((request, response) => {
    site.asked.push(request.url ?? '');
    const etag = site.etags[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(etag ? 200 : 404, etag ? { ETag: etag } : {}).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { site, origin, close: () => new Promise((resolve) => server.close(resolve)) };
};

const BEFORE = {
  '/rss.xml': '"site-rss-1"',
  '/atom.xml': '"site-atom-1"',
  '/feed.json': '"site-json-1"',
  '/tags/same/rss.xml': '"same-rss"',
  '/tags/same/atom.xml': '"same-atom"',
  '/tags/same/feed.json': '"same-json"',
  '/tags/gone/rss.xml': '"gone-rss"',
};

// After the deploy: the site's feeds changed, tag "same" did not (one ETag now
// weakened by compression), tag "new" appeared, tag "gone" is gone.
const AFTER = {
  '/rss.xml': '"site-rss-2"',
  '/atom.xml': '"site-atom-2"',
  '/feed.json': '"site-json-2"',
  '/tags/same/rss.xml': 'W/"same-rss"',
  '/tags/same/atom.xml': '"same-atom"',
  '/tags/same/feed.json': '"same-json"',
  '/tags/new/rss.xml': '"new-rss"',
  '/tags/new/atom.xml': '"new-atom"',
  '/tags/new/feed.json': '"new-json"',
};

let hub: RecordingHub;
let live: Awaited<ReturnType<typeof startSite>>;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(async () => {
  [hub, live] = await Promise.all([startRecordingHub(), startSite({ ...BEFORE })]);
  lines = [];
});
afterEach(() => Promise.all([hub.close(), live.close()]));

const feeds = () => feedPaths(['gone', 'new', 'same']).map((path) => `${live.origin}${path}`);
const deploying =
  (exitCode = 0) =>
  async () => {
    live.site.etags = { ...AFTER };
    return exitCode;
  };

describe('npm run deploy', () => {
  it('pings the hub for exactly the feeds whose bytes changed, new ones included', async () => {
    const outcome = await deployAndPing({ feeds: feeds(), hub: hub.url, deploy: deploying(), settle: NO_WAIT, log });
    const expected = [
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
      '/tags/new/rss.xml',
      '/tags/new/atom.xml',
      '/tags/new/feed.json',
    ];
    expect(hub.received.map((ping) => ping.topics[0]).sort()).toEqual(expected.map((p) => `${live.origin}${p}`).sort());
    expect(hub.received.every((ping) => ping.mode === 'publish')).toBe(true);
    expect(outcome.exitCode).toBe(0);
    expect(lines.at(-1)).toBe('websub: pinged 6 feeds, 0 failed');
  });

  it('reads each feed past the caches, with a query parameter the Worker ignores', async () => {
    await liveEtags([`${live.origin}/rss.xml`]);
    expect(live.site.asked).toEqual([expect.stringMatching(/^\/rss\.xml\?websub-check=\w+$/)]);
  });

  it('waits until the new version answers steadily before comparing', async () => {
    // The old version still answers the first look after the deploy; the new one from 20 ms on.
    const deploy = async () => {
      setTimeout(() => {
        live.site.etags = { ...AFTER };
      }, 20);
      return 0;
    };
    const settle = { firstMs: 0, intervalMs: 60, timeoutMs: 2000 };
    const outcome = await deployAndPing({ feeds: feeds(), hub: hub.url, deploy, settle, log });
    expect(outcome.changed).toHaveLength(6);
    expect(hub.received).toHaveLength(6);
  });

  it('pings nothing when the deploy fails, and passes its exit code on', async () => {
    const outcome = await deployAndPing({ feeds: feeds(), hub: hub.url, deploy: deploying(1), settle: NO_WAIT, log });
    expect(outcome.exitCode).toBe(1);
    expect(hub.received).toEqual([]);
  });

  it('pings nothing when nothing changed', async () => {
    const outcome = await deployAndPing({ feeds: feeds(), hub: hub.url, deploy: async () => 0, settle: NO_WAIT, log });
    expect(outcome.changed).toEqual([]);
    expect(hub.received).toEqual([]);
    expect(lines.at(-1)).toBe('websub: no feed changed, nothing to ping');
  });

  it('says clearly when the hub is unreachable, and that the deploy succeeded', async () => {
    const dead = hub.url;
    await hub.close();
    const outcome = await deployAndPing({
      feeds: feeds(),
      hub: dead,
      deploy: deploying(),
      settle: NO_WAIT,
      ping: { retries: 0 },
      log,
    });
    expect(outcome.exitCode).toBe(0);
    expect(lines.at(-2)).toMatch(new RegExp(`^websub: pinged 0 feeds, 6 failed: hub ${dead} unreachable`));
    expect(lines.at(-1)).toMatch(/deploy itself succeeded/);
    hub = await startRecordingHub();
  });

  it('deploys without pinging when no hub is set', async () => {
    const outcome = await deployAndPing({ feeds: feeds(), hub: undefined, deploy: deploying(), settle: NO_WAIT, log });
    expect(outcome.exitCode).toBe(0);
    expect(live.site.asked).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^websub: no WEBSUB_HUB set/)]);
  });
});
