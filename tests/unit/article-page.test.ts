import { describe, expect, it } from 'vitest';
import { ArticleList } from '../../src/pages/article-list.tsx';
import { ArticlePage } from '../../src/pages/article-page.tsx';
import { makeEntry } from '../helpers/feed-fixtures.ts';
import { SITE } from '../helpers/site.ts';

const english = makeEntry(1, {
  title: 'Trade hits a record',
  summary: 'Russia and Kazakhstan.',
  language: 'en',
  updated: '2023-02-01T09:00:00+00:00',
});

describe('an article in another language than the site', () => {
  it("keeps the page's chrome (labels, dates) in the site's language and marks only the text as the article's", async () => {
    const html = String(await ArticlePage({ site: SITE, meta: english.meta, body: english.body }).toString());
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('>2 января 2023</time>');
    expect(html).toContain('обновлено');
    expect(html).toContain('Автор: Редакция');
    expect(html).toContain('<p class="meta" lang="ru">');
    expect(html).toContain('<article lang="en">');
    expect(html).not.toMatch(/January|Author|min read/);
  });

  it('is listed with the same chrome in the site language', async () => {
    const html = String(await ArticleList({ site: SITE, articles: [english.meta] }).toString());
    expect(html).toContain('<article class="teaser" lang="en">');
    expect(html).toContain('<p class="meta" lang="ru">');
    expect(html).toContain('мин чтения');
  });
});
