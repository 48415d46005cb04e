import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { ArticleList } from '../../src/pages/article-list.tsx';
import { ArticlePage } from '../../src/pages/article-page.tsx';
import { makeEntry } from '../helpers/feed-fixtures.ts';
import { SITE } from '../helpers/site.ts';
import { SETTINGS, source } from '../helpers/sources.ts';

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

describe('typography on the page, text as written in feeds', () => {
  const { articles, bodies } = compileArticles(
    [
      source(
        'a.md',
        '---\ntitle: Курс "рубля" - рекорд\ndate: 2023-01-01\n---\n"Цитата" в тексте - и в доме.\n\n' +
          'Команда `cd в /tmp - "x"` и:\n\n```\nnpm run build -- в доме "x"\n```\n',
      ),
    ],
    SETTINGS,
  );
  const meta = articles[0]!;
  const body = bodies[0]!;

  it('typesets prose on the page, and never code', async () => {
    const html = String(await ArticlePage({ site: SITE, meta, body }).toString());
    expect(html).toContain('<h1>Курс «рубля»\u00a0— рекорд</h1>');
    expect(html).toContain('<p>«Цитата» в\u00a0тексте\u00a0— и\u00a0в\u00a0доме.</p>');
    expect(html).toContain('<code>cd в /tmp - &quot;x&quot;</code>');
    expect(html).toContain('<pre><code>npm run build -- в доме &quot;x&quot;\n</code></pre>');
  });

  it('keeps the title, summary and body as written for feeds', () => {
    expect(body).toMatchObject({ title: 'Курс "рубля" - рекорд', summary: '"Цитата" в тексте - и в доме.' });
    expect(body.html).toContain('<p>&quot;Цитата&quot; в тексте - и в доме.</p>');
    expect(meta.summary).toBe('«Цитата» в\u00a0тексте\u00a0— и\u00a0в\u00a0доме.');
  });
});

describe('bounded titles and descriptions', () => {
  const long = makeEntry(2, {
    title: `${'Рекорд 👍🏽 '.repeat(9)}👩‍👩‍👧‍👦й\u0301`.repeat(3),
    summary: 'Кратко 🇷🇺 '.repeat(60),
  });

  it('cuts <title>, descriptions and the headline on whole characters', async () => {
    const html = String(await ArticlePage({ site: SITE, meta: long.meta, body: long.body }).toString());
    const title = /<title>(.*?) — Лента новостей<\/title>/s.exec(html)?.[1] ?? '';
    expect(title.length).toBeLessThanOrEqual(111);
    expect(title).toMatch(/👍🏽…$|Рекорд…$/u);
    const descriptions = [...html.matchAll(/<meta (?:name|property)="[^"]*description" content="([^"]*)"/g)];
    expect(descriptions).toHaveLength(3);
    for (const [, content] of descriptions) {
      expect(content!.length).toBeLessThanOrEqual(201);
      expect(content).toMatch(/(🇷🇺|Кратко)…$/u);
    }
    const headline = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!).headline;
    expect(headline.isWellFormed() && headline.length <= 111).toBe(true);
  });
});
