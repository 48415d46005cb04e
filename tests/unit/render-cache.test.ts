import { describe, expect, it } from 'vitest';
import { etagOf, RenderCache, type RenderInput, toRendered, utf8 } from '../../src/http/render-cache.ts';

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
  it('is the first 18 bytes of the SHA-256 of the body, in base64url: the same for the same bytes in every release', async () => {
    const bytes = new TextEncoder().encode(`Ёж «ёлка» 😀 ${'абв'.repeat(1000)}`);
    // WebCrypto as the reference; base64 made url-safe by hand.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).subarray(0, 18);
    const reference = btoa(String.fromCharCode(...digest))
      .replaceAll('+', '-')
      .replaceAll('/', '_');
    expect(etagOf(bytes)).toBe(`"${reference}"`);
    expect(etagOf(new Uint8Array(0))).toBe('"47DEQpj8HBSa-_TImW-5JCeu"');
  });
});

describe('utf8', () => {
  it('encodes a text given whole or in pieces to the same bytes as TextEncoder', async () => {
    const text = `Ёж «ёлка» 😀 & <p>${'абв'.repeat(60_000)}</p>\u2028 end`;
    const expected = new TextEncoder().encode(text);
    expect(utf8(text)).toEqual(expected);
    // Cut between any two pieces, a surrogate pair kept whole.
    const pieces = [text.slice(0, 3), text.slice(3, 10), '', text.slice(10, 90_000), text.slice(90_000)];
    expect(utf8(pieces)).toEqual(expected);
    expect(utf8([])).toEqual(new Uint8Array(0));
    // The ETag is of the bytes, however the text was given.
    const [whole, split] = await Promise.all([
      toRendered({ body: text, contentType: 'text/plain' }),
      toRendered({ body: pieces, contentType: 'text/plain' }),
    ]);
    expect(split.etag).toBe(whole.etag);
    expect(split.body.buffer.byteLength).toBe(expected.byteLength);
  });
});
