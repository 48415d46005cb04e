import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { canonicalPath, canonicalRedirect } from '../../src/http/canonical-url.ts';

describe('canonicalPath', () => {
  it('leaves a canonical path as it is', () => {
    for (const path of ['/', '/rss.xml', '/articles/kurs-rublya', '/tags/kazakhstan/atom.xml'])
      expect(canonicalPath(path)).toBe(path);
  });

  it('lowers the case, drops trailing slashes and merges repeated ones', () => {
    expect(canonicalPath('/RSS.xml')).toBe('/rss.xml');
    expect(canonicalPath('/articles/Kurs-Rublya/')).toBe('/articles/kurs-rublya');
    expect(canonicalPath('//tags///kazakhstan//')).toBe('/tags/kazakhstan');
  });

  it('keeps the root a single slash', () => {
    for (const path of ['', '/', '//', '///']) expect(canonicalPath(path)).toBe('/');
  });
});

describe('canonicalRedirect', () => {
  // Hono's own request handling, in Node: what the Worker runs, without the runtime.
  const app = new Hono().all('*', (c) => canonicalRedirect(c) ?? c.text('canonical'));

  it('lets a canonical URL through, whatever its query', async () => {
    expect(await (await app.request('/rss.xml?page=2&utm_source=x')).text()).toBe('canonical');
  });

  it('redirects another spelling with a relative 301 that keeps only the page number', async () => {
    const response = await app.request('https://publisher.example.com/RSS.xml/?utm_source=x&page=2');
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe('/rss.xml?page=2');
    expect((await app.request('/Articles/X/')).headers.get('Location')).toBe('/articles/x');
  });
});
