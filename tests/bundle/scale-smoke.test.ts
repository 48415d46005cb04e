import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, startBuiltWorker } from '../../scripts/built-worker.ts';
import { writeCorpus } from '../../scripts/generate-articles.ts';
import { parseXml, type XmlTree } from '../helpers/parse-xml.ts';

const COUNT = 1000;
const PAGE_SIZE = 20;
const LAST = COUNT / PAGE_SIZE;

// The smoke test of scale: 1,000 generated articles, built and served as a deploy would.
describe(`${COUNT} articles`, () => {
  let dir: string;
  let worker: Miniflare;
  const get = (path: string) => worker.dispatchFetch(`http://localhost${path}`);
  const rss = async (path: string) => parseXml(await (await get(path)).text()).rss.channel;
  const links = (channel: XmlTree) =>
    Object.fromEntries(channel['atom:link'].map((l: Record<string, string>) => [l['@rel'], l['@href']]));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scale-smoke-'));
    await writeCorpus(join(dir, 'seeds'), COUNT);
    worker = await startBuiltWorker(await buildBundle(join(dir, 'seeds'), join(dir, 'project')));
  }, 180_000);

  afterAll(async () => {
    await worker?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves page 1 of the feed: the newest 20, newest first, linked onwards', async () => {
    const channel = await rss('/rss.xml');
    expect(channel.item).toHaveLength(PAGE_SIZE);
    expect(channel.item[0].title).toMatch(/^№ 1\. /);
    const dates = channel.item.map((item: { pubDate: string }) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(links(channel)).toMatchObject({
      next: 'https://publisher.example.com/rss.xml?page=2',
      last: `https://publisher.example.com/rss.xml?page=${LAST}`,
    });
  });

  it('serves the last archive page: the oldest articles, linked back, and nothing after it', async () => {
    const channel = await rss(`/rss.xml?page=${LAST}`);
    expect(channel.item).toHaveLength(PAGE_SIZE);
    expect(channel.item.at(-1).title).toMatch(new RegExp(`^№ ${COUNT}\\. `));
    expect(links(channel)).toMatchObject({ previous: `https://publisher.example.com/rss.xml?page=${LAST - 1}` });
    expect(links(channel)).not.toHaveProperty('next');
    expect((await get(`/rss.xml?page=${LAST + 1}`)).status).toBe(404);
    const json = (await (await get(`/feed.json?page=${LAST}`)).json()) as { items: unknown[]; next_url?: string };
    expect(json.items).toHaveLength(PAGE_SIZE);
    expect(json.next_url).toBeUndefined();
  });

  it('serves the pages of the oldest article', async () => {
    const channel = await rss(`/rss.xml?page=${LAST}`);
    const path = new URL(channel.item.at(-1).link).pathname;
    const page = await get(path);
    expect(page.status).toBe(200);
    // As typograf sets it on pages: a narrow no-break space after №.
    expect(await page.text()).toContain(`№\u202f${COUNT}.`);
    expect((await get(`/?page=${LAST}`)).status).toBe(200);
  });
});
