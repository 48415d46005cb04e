import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pingHub, summarizePing } from '../../src/http/websub-ping.ts';
import { type RecordingHub, startRecordingHub } from '../helpers/recording-hub.ts';

const TOPICS = ['https://publisher.example.com/rss.xml', 'https://publisher.example.com/tags/kazakhstan/feed.json'];

let hub: RecordingHub;
let waits: number[];
const sleep = async (ms: number) => {
  waits.push(ms);
};

beforeEach(async () => {
  hub = await startRecordingHub();
  waits = [];
});
afterEach(() => hub.close());

describe('pingHub', () => {
  it('posts hub.mode=publish and hub.url, as a form, once per feed', async () => {
    const result = await pingHub(hub.url, TOPICS, { sleep });
    expect(hub.received).toEqual(
      TOPICS.map((topic) => ({
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded',
        mode: 'publish',
        topics: [topic],
        status: 204,
      })),
    );
    expect(summarizePing(hub.url, result)).toBe('pinged 2 feeds, 0 failed');
    expect(waits).toEqual([]);
  });

  it('retries 5xx and 429 with a doubling pause, then goes on', async () => {
    hub.script([503, 429, 502]);
    const result = await pingHub(hub.url, TOPICS, { sleep, baseDelayMs: 10 });
    expect(hub.received.map((r) => [r.topics[0], r.status])).toEqual([
      [TOPICS[0], 503],
      [TOPICS[0], 429],
      [TOPICS[0], 502],
      [TOPICS[0], 204],
      [TOPICS[1], 204],
    ]);
    expect(waits).toEqual([10, 20, 40]);
    expect(result.pinged).toEqual(TOPICS);
  });

  it('gives up on a feed after its retries, and says which and why', async () => {
    hub.script([500, 500, 500]);
    const result = await pingHub(hub.url, TOPICS, { sleep, retries: 2 });
    expect(result.failed).toEqual([{ topic: TOPICS[0], reason: 'HTTP 500' }]);
    expect(result.pinged).toEqual([TOPICS[1]]);
    expect(summarizePing(hub.url, result)).toBe(`pinged 1 feed, 1 failed (first: ${TOPICS[0]}: HTTP 500)`);
  });

  it('does not retry what the hub refuses (4xx other than 429)', async () => {
    hub.script([400]);
    const result = await pingHub(hub.url, TOPICS.slice(0, 1), { sleep });
    expect(hub.received).toHaveLength(1);
    expect(result.failed).toEqual([{ topic: TOPICS[0], reason: 'HTTP 400' }]);
  });

  it('says plainly when the hub cannot be reached', async () => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const dead = `http://127.0.0.1:${port}/`;
    const result = await pingHub(dead, TOPICS, { sleep, retries: 1 });
    expect(result.unreachable).toBe(true);
    expect(summarizePing(dead, result)).toMatch(
      new RegExp(`^pinged 0 feeds, 2 failed: hub ${dead} unreachable \\(.*ECONNREFUSED.*\\)$`),
    );
  });

  it('stops at its request budget and reports the rest as skipped', async () => {
    hub.script([503]);
    const topics = ['a', 'b', 'c', 'd'].map((name) => `https://publisher.example.com/tags/${name}/rss.xml`);
    const result = await pingHub(hub.url, topics, { sleep, maxRequests: 3 });
    expect(hub.received).toHaveLength(3);
    expect(result.pinged).toEqual(topics.slice(0, 2));
    expect(result.skipped).toEqual(topics.slice(2));
    expect(summarizePing(hub.url, result)).toBe('pinged 2 feeds, 0 failed, 2 skipped (request budget)');
  });
});
