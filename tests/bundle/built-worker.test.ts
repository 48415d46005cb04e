import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, IMPORT_PATH, startBuiltWorker } from '../../scripts/built-worker.ts';
import { liveEtags } from '../../scripts/deploy.ts';
import { feedPaths } from '../../src/feeds/feed-topics.ts';

const ROUTES = [
  '/',
  '/articles/mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom',
  '/tags/kazakhstan',
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/tags/kazakhstan/atom.xml',
  '/feeds.opml',
  '/favicon.svg',
  '/nope',
];

// The bundle `wrangler deploy` would upload, run by Miniflare as production runs it.
describe('the deployable bundle', () => {
  let worker: Miniflare;
  let other: Miniflare;
  let script: string;

  beforeAll(async () => {
    const bundle = await buildBundle();
    script = await readFile(bundle.scriptPath, 'utf8');
    // The other imports the script on its first request, as the bench starts it to time the import.
    [worker, other] = await Promise.all([
      startBuiltWorker(bundle),
      startBuiltWorker({ ...bundle, importOnFirstRequest: true }),
    ]);
    // workerd takes seconds to start on a busy machine: not what the tests below time out on.
    await Promise.all([worker.ready, other.ready]);
  }, 120_000);

  afterAll(() => Promise.all([worker?.dispose(), other?.dispose()]));

  it('answers / with the seed article', async () => {
    const response = await worker.dispatchFetch('http://localhost/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      'Мишустин анонсировал рекордный товарооборот между РФ\u00a0и\u00a0Казахстаном',
    );
  });

  it('reads articles from its static assets, which are not served directly', async () => {
    const feed = await worker.dispatchFetch('http://localhost/feed.json');
    const json = (await feed.json()) as { items: { content_text: string }[] };
    expect(json.items[0]?.content_text).toMatch(/^Россия и Казахстан/);
    for (const path of ['/_content/manifest.json', '/_content/packs/0.bin']) {
      const asset = await worker.dispatchFetch(`http://localhost${path}`);
      expect(asset.status, path).toBe(404);
      await asset.arrayBuffer();
    }
  });

  it('writes RSS and Atom with compact-xml.ts in place of xml-js, byte for byte the golden files', async () => {
    // wrangler.toml's [alias]: none of xml-js's writer is in the bundle.
    expect(script).not.toContain('hasContentCompact');
    for (const [path, file] of [
      ['/rss.xml', 'seed.rss.xml'],
      ['/atom.xml', 'seed.atom.xml'],
    ]) {
      const golden = await readFile(join(import.meta.dirname, '../fixtures', file!), 'utf8');
      expect(await (await worker.dispatchFetch(`http://localhost${path}`)).text(), path).toBe(golden);
    }
  });

  it('gives every response the same bytes and ETag in another isolate', async () => {
    expect(await (await other.dispatchFetch(`http://localhost${IMPORT_PATH}`)).text()).toBe('imported');
    for (const path of ROUTES) {
      const [a, b] = await Promise.all([
        worker.dispatchFetch(`http://localhost${path}`),
        other.dispatchFetch(`http://localhost${path}`),
      ]);
      expect(a.headers.get('ETag'), path).toBe(b.headers.get('ETag'));
      expect(await a.text()).toBe(await b.text());
    }
  });

  it('shows npm run deploy the ETag each feed sends, past the caches; a feed that does not exist has none', async () => {
    const urls = feedPaths(['kazakhstan', 'no-such-tag']).map((path) => `http://localhost${path}`);
    const send = ((input: URL, init: RequestInit) =>
      worker.dispatchFetch(input.href, init as never)) as unknown as typeof fetch;
    const etags = await liveEtags(urls, send);
    for (const url of urls) {
      const response = await worker.dispatchFetch(url);
      await response.arrayBuffer();
      expect(etags.get(url), url).toBe(response.status === 200 ? response.headers.get('ETag') : null);
    }
    // The site's feeds, kazakhstan's, and the two aggregator feeds.
    expect([...etags.values()].filter((etag) => etag !== null)).toHaveLength(8);
  });
});
