import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { FEED_MAX_BYTES, feedItemBudget } from '../../src/content/feed-item-size.ts';
import { createFeedModel } from '../../src/feeds/feed-model.ts';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { currentPage } from '../../src/site/pagination.ts';
import { SITE } from '../helpers/site.ts';
import { SETTINGS, source } from '../helpers/sources.ts';

// The largest page size gives the smallest item budget, so the articles here stay small.
const PAGE_SIZE = 100;
const settings = { ...SETTINGS, pageSize: PAGE_SIZE };
const budget = feedItemBudget(PAGE_SIZE);

// Escape-heavy text: quotes and ampersands grow in JSON and XML, links grow by the site URL.
const paragraph = (n: number) => `Абзац ${n} с "кавычками" & [ссылкой](/articles/x${n}) — и ещё <текст>.`;
const article = (name: string, paragraphs: number, extra = '') =>
  source(
    `${name}.md`,
    `---\ntitle: Статья "${name}" & <b>\ndate: 2023-01-01T10:00:00\ntags: ["a&b", "c\\"d"]${extra}\n---\n` +
      Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n'),
  );

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('feed size', () => {
  it('carries an article too large for a feed item as its summary and a link, with a warning naming it', () => {
    const { articles, bodies, warnings, errors } = compileArticles([article('big', 400)], settings);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        file: 'big.md',
        kind: 'summary-in-feeds',
        message: expect.stringMatching(
          /^too large for a feed item \(\d+ KB; at most \d+ KB with FEED_PAGE_SIZE = 100\): feeds carry its summary and a link to its page$/,
        ),
      },
    ]);
    const body = bodies[0]!;
    expect(body.html).toBe(
      `<p>${body.summary.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>\n` +
        `<p><a href="/articles/${articles[0]!.slug}">Читать статью целиком на сайте</a></p>`,
    );
    expect(body.text).toBe(body.summary);
    expect(body.pageHtml.length).toBeGreaterThan(budget);
  });

  it(`keeps every page of every format under ${FEED_MAX_BYTES} bytes, with items just under the budget`, () => {
    // Grow one article until it is just under the budget; a page of such articles is the largest feed there can be.
    let n = 1;
    while (compileArticles([article('probe', n * 2)], settings).warnings.length === 0) n *= 2;
    let [low, high] = [n, n * 2];
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (compileArticles([article('probe', mid)], settings).warnings.length === 0) low = mid;
      else high = mid;
    }
    const { articles, bodies, warnings } = compileArticles([article('a', low)], settings);
    expect(warnings).toEqual([]);
    // A full page of it, under other ids and slugs.
    const entries = Array.from({ length: PAGE_SIZE }, (_, i) => ({
      meta: { ...articles[0]!, id: `a${i}`, slug: `${articles[0]!.slug}-${i}` },
      body: { ...bodies[0]!, id: `a${i}` },
    }));
    const model = createFeedModel(
      { ...SITE, pageSize: PAGE_SIZE },
      { title: SITE.title, description: SITE.description },
      currentPage(entries.length, PAGE_SIZE),
      entries,
    );
    for (const render of [renderRss, renderAtom, renderJsonFeed]) {
      const size = bytes(render(model));
      expect(size).toBeLessThanOrEqual(FEED_MAX_BYTES);
      expect(size).toBeGreaterThan(FEED_MAX_BYTES / 4);
    }
  });

  it('refuses an article whose fields alone overflow a feed item', () => {
    const { errors } = compileArticles([article('tags', 1, `\nsummary: "${'ж'.repeat(3_000)}"`)], settings);
    expect(errors).toEqual([
      {
        file: 'tags.md',
        message: expect.stringMatching(
          /^its title, summary, tags and other fields alone take \d+ KB of a feed item; at most \d+ KB with FEED_PAGE_SIZE = 100: shorten them$/,
        ),
      },
    ]);
  });
});
