import { describe, expect, it } from 'vitest';
import { RenderCache, type RenderInput } from '../../src/http/render-cache.ts';

const page = (size: number): RenderInput => ({ body: 'x'.repeat(size), contentType: 'text/plain' });

describe('RenderCache', () => {
  it('renders a key once, and shares a render still in flight', async () => {
    const cache = new RenderCache(1000);
    let calls = 0;
    const render = async () => {
      calls++;
      return page(10);
    };
    const [a, b] = await Promise.all([cache.get('k', render), cache.get('k', render)]);
    await cache.get('k', render);
    expect(calls).toBe(1);
    expect(cache.renders).toBe(1);
    expect(a).toBe(b);
  });

  it('evicts the least recently used entries once the byte bound is passed', async () => {
    const cache = new RenderCache(250);
    let calls = 0;
    const get = (key: string) =>
      cache.get(key, async () => {
        calls++;
        return page(100);
      });
    await get('a');
    await get('b');
    await get('a'); // a is now more recent than b
    await get('c'); // 300 bytes: b goes
    expect(calls).toBe(3);
    await get('a');
    await get('c');
    expect(calls).toBe(3);
    await get('b');
    expect(calls).toBe(4);
  });

  it('keeps an entry larger than the bound until the next render', async () => {
    const cache = new RenderCache(50);
    let calls = 0;
    const get = (key: string) =>
      cache.get(key, async () => {
        calls++;
        return page(100);
      });
    await get('big');
    await get('big');
    expect(calls).toBe(1);
    await get('other');
    await get('big');
    expect(calls).toBe(3);
  });

  it('forgets a failed render, so the next request tries again', async () => {
    const cache = new RenderCache(1000);
    await expect(cache.get('k', async () => Promise.reject(new Error('asset missing')))).rejects.toThrow(
      'asset missing',
    );
    const rendered = await cache.get('k', async () => page(3));
    expect(new TextDecoder().decode(rendered.body)).toBe('xxx');
  });

  it('gives the same bytes the same strong ETag, other bytes another', async () => {
    const cache = new RenderCache(1000);
    const [a, b, c] = await Promise.all([
      cache.get('a', async () => page(5)),
      cache.get('b', async () => page(5)),
      cache.get('c', async () => page(6)),
    ]);
    expect(a.etag).toMatch(/^"[\w-]{24}"$/);
    expect(a.etag).toBe(b.etag);
    expect(a.etag).not.toBe(c.etag);
  });
});
