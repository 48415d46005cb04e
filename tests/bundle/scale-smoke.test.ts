import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssetRead, assetReads, type Bundle, buildBundle, startBuiltWorker } from '../../scripts/built-worker.ts';
import { generateCompiledArticle, writeCorpus } from '../../scripts/generate-articles.ts';
import type { StoreManifest } from '../../src/site/store-layout.ts';
import { parseXml, type XmlTree } from '../helpers/parse-xml.ts';
import { generated, removeStore, writeStore } from '../helpers/written-store.ts';

const COUNT = 1000;
const PAGE_SIZE = 20;
const ORIGIN = 'https://publisher.example.com';
/** The newest full archive page, which the subscription document links to. */
const NEWEST_FULL = COUNT / PAGE_SIZE - 1;

// The bundle holds no content: built once here, it serves the store of any folder it is started over.
let dir: string;
let bundle: Bundle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scale-smoke-'));
  await writeCorpus(join(dir, 'seeds'), COUNT);
  bundle = await buildBundle(join(dir, 'seeds'), join(dir, 'project'));
}, 180_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

const getter = (worker: Miniflare) => (path: string) =>
  worker.dispatchFetch(`http://localhost${path}`, { redirect: 'manual' });

// The smoke test of scale: 1,000 generated articles, built and served as a deploy would.
describe(`${COUNT} articles`, () => {
  let worker: Miniflare;
  let get: ReturnType<typeof getter>;
  const rss = async (path: string) => parseXml(await (await get(path)).text()).rss.channel;
  const links = (channel: XmlTree) =>
    Object.fromEntries(channel['atom:link'].map((l: Record<string, string>) => [l['@rel'], l['@href']]));
  const titles = (channel: XmlTree) => (channel.item ?? []).map((item: { title: string }) => item.title);

  beforeAll(async () => {
    worker = await startBuiltWorker(bundle);
    get = getter(worker);
  }, 60_000);
  afterAll(() => worker?.dispose());

  it('serves the subscription document: the newest 20, newest first, linked to the archive', async () => {
    const channel = await rss('/rss.xml');
    expect(channel.item).toHaveLength(PAGE_SIZE);
    expect(channel.item[0].title).toMatch(/^№ 1\. /);
    const dates = channel.item.map((item: { pubDate: string }) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(links(channel)).toEqual({
      self: `${ORIGIN}/rss.xml`,
      'prev-archive': `${ORIGIN}/archive/${NEWEST_FULL}/rss.xml`,
    });
  });

  it('serves the oldest archive page: the oldest 20, immutable, linked onwards and to the subscription document', async () => {
    const response = await get('/archive/1/rss.xml');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const channel = parseXml(await response.text()).rss.channel;
    expect(channel).toHaveProperty('fh:archive');
    expect(titles(channel).at(-1)).toMatch(new RegExp(`^№ ${COUNT}\\. `));
    expect(titles(channel)[0]).toMatch(new RegExp(`^№ ${COUNT - PAGE_SIZE + 1}\\. `));
    expect(links(channel)).toEqual({
      self: `${ORIGIN}/archive/1/rss.xml`,
      current: `${ORIGIN}/rss.xml`,
      'next-archive': `${ORIGIN}/archive/2/rss.xml`,
    });
    // 1,000 is 50 full pages: page 51 waits, empty, for the next article; 52 does not exist.
    expect(titles(await rss(`/archive/${COUNT / PAGE_SIZE + 1}/rss.xml`))).toEqual([]);
    expect((await get(`/archive/${COUNT / PAGE_SIZE + 2}/rss.xml`)).status).toBe(404);
  });

  it('lets a JSON Feed reader walk next_url from the subscription document to every article once', async () => {
    const seen = new Set<string>();
    let url: string | undefined = '/feed.json';
    let documents = 0;
    while (url) {
      const json = (await (await get(url)).json()) as { items: { id: string }[]; next_url?: string };
      for (const item of json.items) seen.add(item.id);
      url = json.next_url?.slice(ORIGIN.length);
      documents++;
    }
    expect(seen.size).toBe(COUNT);
    expect(documents).toBe(NEWEST_FULL + 1);
  });

  it('moves a former ?page=N to the archive page that holds its first item now', async () => {
    const moved = await get('/rss.xml?page=2');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('Location')).toBe(`/archive/${NEWEST_FULL}/rss.xml`);
    expect((await get(`/?page=${COUNT / PAGE_SIZE}`)).headers.get('Location')).toBe('/archive/1');
    expect((await get(`/?page=${COUNT / PAGE_SIZE + 1}`)).status).toBe(404);
  });

  it('serves the pages of the oldest article and of the oldest archive page', async () => {
    const channel = await rss('/archive/1/rss.xml');
    const path = new URL(channel.item.at(-1).link).pathname;
    const page = await get(path);
    expect(page.status).toBe(200);
    // As typograf sets it on pages: a narrow no-break space after №.
    expect(await page.text()).toContain(`№\u202f${COUNT}.`);
    const archive = await get('/archive/1');
    expect(archive.status).toBe(200);
    expect(await archive.text()).toContain('<a href="/archive/2" rel="prev">');
  });
});

describe('publishing an article', () => {
  // The store before (articles 1…1000) and after (0…1000) article 0, the newest, is published.
  let before: { dir: string; worker: Miniflare };
  let after: { dir: string; worker: Miniflare };

  beforeAll(async () => {
    const older = [...generated(COUNT + 1)].slice(1);
    const [a, b] = await Promise.all([writeStore(older), writeStore([generateCompiledArticle(0), ...older])]);
    before = { dir: a.dir, worker: await startBuiltWorker({ ...bundle, assetsDir: join(a.dir, 'assets') }) };
    after = { dir: b.dir, worker: await startBuiltWorker({ ...bundle, assetsDir: join(b.dir, 'assets') }) };
  }, 120_000);
  afterAll(async () => {
    await Promise.all([before?.worker.dispose(), after?.worker.dispose()]);
    await Promise.all([removeStore(before?.dir ?? ''), removeStore(after?.dir ?? '')]);
  });

  it('changes no byte and no ETag of any full archive page, in any format, nor of an article', async () => {
    const tag = generateCompiledArticle(0).meta.tags[0]!.slug;
    const paths = [
      '/archive/1/rss.xml',
      `/archive/${NEWEST_FULL}/atom.xml`,
      `/archive/${NEWEST_FULL}/feed.json`,
      '/archive/1',
      `/tags/${tag}/archive/1/rss.xml`,
      `/tags/${tag}/archive/1`,
      `/articles/${generateCompiledArticle(500).meta.slug}`,
    ];
    for (const path of paths) {
      const [a, b] = await Promise.all([getter(before.worker)(path), getter(after.worker)(path)]);
      expect(a.status, path).toBe(200);
      expect(b.headers.get('ETag'), path).toBe(a.headers.get('ETag'));
      expect(await b.text(), path).toBe(await a.text());
      if (path.includes('/archive/'))
        expect(b.headers.get('Cache-Control'), path).toBe('public, max-age=31536000, immutable');
    }
    // While the subscription document shows it.
    const [a, b] = await Promise.all([getter(before.worker)('/rss.xml'), getter(after.worker)('/rss.xml')]);
    expect(b.headers.get('ETag')).not.toBe(a.headers.get('ETag'));
  });
});

describe('asset reads', () => {
  const LARGE = 100_000;
  const stores: Record<number, string> = {};
  const newest = generateCompiledArticle(0).meta.slug;
  const oldest = (count: number) => generateCompiledArticle(count - 1).meta.slug;
  // Every kind of route, each named relative to the newest end, so that it is the same page at either size.
  const routes = (count: number) => [
    '/',
    '/rss.xml',
    '/atom.xml',
    '/feed.json',
    `/articles/${newest}`,
    `/articles/${oldest(count)}`,
    `/archive/${count / PAGE_SIZE - 1}/rss.xml`,
    `/archive/${count / PAGE_SIZE - 1}`,
    '/archive/1/feed.json',
    '/tags/rossiya',
    '/tags/rossiya/atom.xml',
    '/feeds.opml',
    '/sitemap.xml',
    '/sitemaps/pages.xml',
    '/sitemaps/articles-1.xml',
  ];
  /** Asset reads of each route's first render, in order, in one fresh isolate. */
  const readsOf = async (count: number, paths: string[]): Promise<AssetRead[][]> => {
    const worker = await startBuiltWorker({
      ...bundle,
      assetsDir: join(stores[count]!, 'assets'),
      countAssetReads: true,
    });
    try {
      const reads: AssetRead[][] = [];
      for (const path of paths) {
        const response = await worker.dispatchFetch(`http://localhost${path}`);
        expect(response.status, path).toBe(200);
        await response.arrayBuffer();
        reads.push(await assetReads(worker));
      }
      return reads;
    } finally {
      await worker.dispose();
    }
  };

  beforeAll(async () => {
    // Bodies do not change what is read, only how many bytes: these stores carry short ones.
    for (const count of [COUNT, LARGE]) stores[count] = (await writeStore(generated(count))).dir;
  }, 240_000);
  afterAll(() => Promise.all(Object.values(stores).map(removeStore)));

  it('are the same for every route at 1,000 and at 100,000 articles, and at most 25', async () => {
    const [small, large] = [await readsOf(COUNT, routes(COUNT)), await readsOf(LARGE, routes(LARGE))];
    const counts = (reads: AssetRead[][]) => reads.map((r) => r.length);
    // The home page, first: the manifest, where packs begin, then the newest pack.
    const newestPack = async (count: number) => {
      const manifest = await readFile(join(stores[count]!, 'assets/_content/manifest.json'), 'utf8');
      return `/_content/packs/${(JSON.parse(manifest) as StoreManifest).packs - 1}.bin`;
    };
    for (const [count, reads] of [
      [COUNT, small],
      [LARGE, large],
    ] as const) {
      expect(reads[0]!.map((read) => read.path)).toEqual([
        '/_content/manifest.json',
        '/_content/pack-starts/0.bin',
        await newestPack(count),
      ]);
    }
    expect(counts(large)).toEqual(counts(small));
    for (const reads of large) {
      expect(reads.length).toBeLessThanOrEqual(25);
      expect(reads.every((read) => read.status === 200)).toBe(true);
    }
  });

  it('stay within 25 for a tag whose newest articles lie far apart', async () => {
    // One article in 997 carries the tag: its newest 20 sit in 20 packs.
    const [reads] = await readsOf(LARGE, ['/tags/rassledovaniya/rss.xml']);
    const packs = reads!.filter((read) => read.path.includes('/packs/'));
    expect(packs).toHaveLength(20);
    expect(reads!.length).toBeLessThanOrEqual(25);
    // Each pack is read from its start only as far as its item (its meta and the head of its body), and the
    // rest is left unread: for items anywhere in their packs, about half of each pack's metas and heads.
    const sizes = await Promise.all(
      packs.map(async (read) => (await stat(join(stores[LARGE]!, 'assets', read.path))).size),
    );
    for (const [i, read] of packs.entries()) expect(read.bytes, read.path).toBeLessThan(sizes[i]!);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(packs.map((read) => read.bytes))).toBeLessThan(0.75 * sum(sizes));
  });
});
