import { describe, expect, it } from 'vitest';
import { absoluteUrl, basePath, rebaseHtml, sitePath } from '../../src/site/paths.ts';

describe('a site under a path', () => {
  const SITE = 'https://example.com/blog';

  it('puts every path from `paths` under it, and leaves other URLs alone', () => {
    expect(basePath(SITE)).toBe('/blog');
    expect(basePath('https://example.com')).toBe('');
    expect(sitePath(SITE, '/rss.xml')).toBe('/blog/rss.xml');
    expect(absoluteUrl(SITE, '/')).toBe('https://example.com/blog/');
    expect(absoluteUrl(SITE, '/articles/x?page=2')).toBe('https://example.com/blog/articles/x?page=2');
    expect(absoluteUrl(SITE, 'https://cdn.example/a.png')).toBe('https://cdn.example/a.png');
    expect(absoluteUrl(SITE, '//cdn.example/a.png')).toBe('https://cdn.example/a.png');
    expect(absoluteUrl('https://example.com', '/rss.xml')).toBe('https://example.com/rss.xml');
  });

  it('rebases root-relative links in HTML, not protocol-relative ones nor text', () => {
    const html =
      '<a href="/articles/x">a</a> <img src="/i.png" alt=""> <a href="//cdn/x">c</a> <p>href=&quot;/x&quot;</p>';
    expect(rebaseHtml(html, SITE)).toBe(
      '<a href="/blog/articles/x">a</a> <img src="/blog/i.png" alt=""> <a href="//cdn/x">c</a> <p>href=&quot;/x&quot;</p>',
    );
    expect(rebaseHtml(html, 'https://example.com')).toBe(html);
  });
});
