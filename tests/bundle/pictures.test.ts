import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, startBuiltWorker } from '../../scripts/built-worker.ts';
import { readImage } from '../../src/content/read-image.ts';
import { fixtureImage } from '../helpers/sources.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/images');

// Pictures as a deploy publishes them: the bundle and its assets, run by Miniflare with wrangler.toml's routing.
describe('pictures among the static assets', () => {
  let dir: string;
  let worker: Miniflare;
  let underPath: Miniflare;
  const get = (path: string, headers: Record<string, string> = {}) =>
    worker.dispatchFetch(`http://localhost${path}`, { headers });
  const lead = readImage('lead.jpg', fixtureImage('lead.jpg'));
  const avif = readImage('scheme.avif', fixtureImage('photo.avif'));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pictures-'));
    const seeds = join(dir, 'seeds');
    await mkdir(seeds);
    await writeFile(
      join(seeds, 'a.md'),
      '---\ntitle: Статья с фото\ndate: 2024-05-01T10:00:00+03:00\nimage: { src: lead.jpg, alt: Здание }\n---\nТекст.\n\n![Схема](scheme.avif)\n',
    );
    await copyFile(join(FIXTURES, 'lead.jpg'), join(seeds, 'lead.jpg'));
    await copyFile(join(FIXTURES, 'photo.avif'), join(seeds, 'scheme.avif'));
    const bundle = await buildBundle(seeds, join(dir, 'project'));
    [worker, underPath] = await Promise.all([
      startBuiltWorker(bundle),
      startBuiltWorker({ ...bundle, vars: { SITE_URL: 'https://publisher.example.com/blog' } }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([worker?.dispose(), underPath?.dispose()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves each picture at its content-addressed URL, with its type, cached for a year as immutable', async () => {
    for (const [image, file] of [
      [lead, 'lead.jpg'],
      [avif, 'photo.avif'],
    ] as const) {
      const response = await get(image.src);
      expect(response.status, image.src).toBe(200);
      expect(response.headers.get('Content-Type')).toBe(image.type);
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(
        new Uint8Array(await readFile(join(FIXTURES, file))),
      );
    }
  });

  it('serves pictures from the assets layer, never the Worker (which has no /images/ route)', async () => {
    // The assets layer answers conditional requests itself, and a missing picture with its own bare 404, not the Worker's page.
    const first = await get(lead.src);
    const etag = first.headers.get('ETag');
    await first.arrayBuffer();
    expect(etag).toBeTruthy();
    const again = await get(lead.src, { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    const missing = await get('/images/0000000000000000.jpeg');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<!doctype html>');
  });

  it('serves pictures of a site under a path through the Worker, from the same assets, with the same headers', async () => {
    const response = await underPath.dispatchFetch(`http://localhost/blog${lead.src}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/jpeg');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const etag = response.headers.get('ETag');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(fixtureImage('lead.jpg'));
    const again = await underPath.dispatchFetch(`http://localhost/blog${lead.src}`, {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    for (const path of ['/blog/images/0000000000000000.jpeg', '/blog/images/..%2F_content%2Farticles%2Fa.json']) {
      const missing = await underPath.dispatchFetch(`http://localhost${path}`);
      expect(missing.status, path).toBe(404);
      await missing.arrayBuffer();
    }
    const html = await (await underPath.dispatchFetch('http://localhost/blog/articles/statya-s-foto')).text();
    expect(html).toContain(`<img src="/blog${lead.src}"`);
  });

  it('still keeps article bodies and the _headers file private', async () => {
    for (const path of ['/_content/articles/a.json', '/_headers']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      await response.arrayBuffer();
    }
  });

  it('shows the pictures with their size on the article page', async () => {
    const html = await (await get('/articles/statya-s-foto')).text();
    expect(html).toContain(`<img src="${lead.src}" alt="Здание" width="800" height="450"`);
    expect(html).toContain(
      `<img src="${avif.src}" alt="Схема" width="720" height="480" loading="lazy" decoding="async">`,
    );
  });
});
