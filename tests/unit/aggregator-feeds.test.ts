/**
 * The aggregators' outputs, each checked through an independent XML parser
 * against the publisher rules it must meet; each rule names its source.
 */
import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { createAggregatorFeed } from '../../src/feeds/aggregator-feed.ts';
import { renderDzen } from '../../src/feeds/render-dzen.ts';
import { newsLanguage, renderNewsSitemap } from '../../src/feeds/render-news-sitemap.ts';
import { renderYandex, YANDEX_MAX_BYTES } from '../../src/feeds/render-yandex.ts';
import { makeEntry } from '../helpers/feed-fixtures.ts';
import { parseXml, type XmlTree } from '../helpers/parse-xml.ts';
import { SITE } from '../helpers/site.ts';
import { fixtureImage, SETTINGS, seedFile, source } from '../helpers/sources.ts';

const DZEN_RULES = 'https://dzen.ru/help/ru/website/rss-modify';
const DZEN_TAGS = 'https://github.com/bormotoon/dzen-rss-feed docs/dzen-rss-spec.md (quoting dzen.ru/help)';
const YANDEX_RULES = 'https://yandex.ru/support/webmaster/en/search-appearance/fresh-content';
const NEWS_SITEMAP = 'https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap';

// The seed, a Markdown article with formatting and pictures, and a plain-text one with a lead picture.
const compiled = compileArticles(
  [
    seedFile('txt'),
    seedFile('yaml'),
    source(
      'md.md',
      [
        '---',
        'title: Курс & «ставки»',
        'date: 2022-11-29T10:15:00+03:00',
        'image: { src: lead.jpg, alt: Здание банка, caption: Фото пресс-службы }',
        '---',
        'Текст **жирный**, _курсив_, ~~зачёркнутый~~, `код` и [ссылка](https://example.com/a "Заголовок").',
        '',
        '##### Мелкий заголовок',
        '',
        '> Цитата',
        '',
        '- один',
        '- два',
        '',
        '| а | б |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '```',
        'x < y',
        '```',
        '',
        'Строка  ',
        'с переносом. ![Схема](scheme.webp)',
        '',
        '---',
      ].join('\n'),
    ),
    source('lead.jpg', fixtureImage('lead.jpg')),
    source('scheme.webp', fixtureImage('photo.webp')),
  ],
  SETTINGS,
);
const entries = compiled.articles.map((meta, i) => ({ meta, body: compiled.bodies[i]! }));
const NEWEST = compiled.articles[0]!.updated;

const tagsIn = (html: string): Set<string> =>
  new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!));

/** Every element in a parsed tree that has no content and no attributes. */
const emptyElements = (tree: XmlTree, path = ''): string[] =>
  Object.entries(tree).flatMap(([name, value]) => {
    const at = `${path}/${name}`;
    if (name.startsWith('@')) return [];
    if (Array.isArray(value)) return value.flatMap((v, i) => emptyElements({ [`${name}[${i}]`]: v }, path));
    if (value === '' || value === null) return [at];
    if (typeof value === 'object') {
      const children = Object.keys(value).filter((key) => !key.startsWith('@'));
      const attributes = Object.keys(value).filter((key) => key.startsWith('@'));
      const text = typeof value['#text'] === 'string' ? value['#text'].trim() : '';
      if (children.every((key) => key === '#text') && text === '' && attributes.length === 0) return [at];
      return emptyElements(value, at);
    }
    return [];
  });

describe('Dzen RSS', () => {
  const model = createAggregatorFeed(SITE, '/feeds/dzen.xml', entries, NEWEST);
  const xml = renderDzen(model);
  const rss = parseXml(xml).rss;
  const items: XmlTree[] = rss.channel.item;
  const md = items.find((item) => item.title === 'Курс & «ставки»')!;

  it(`declares the yandex, media and content namespaces (${DZEN_RULES})`, () => {
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:yandex']).toBe('http://news.yandex.ru');
    expect(rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    expect(rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
  });

  it(`describes the channel with title, link and language (${DZEN_RULES})`, () => {
    expect(rss.channel).toMatchObject({ title: SITE.title, link: `${SITE.url}/`, language: 'ru' });
  });

  it(`gives every item title, link without GET parameters, a permanent guid, pubDate to the minute (${DZEN_RULES})`, () => {
    expect(items).toHaveLength(entries.length);
    for (const [i, item] of items.entries()) {
      const meta = compiled.articles[i]!;
      // Feeds carry the title as written (pages show it typeset).
      expect(item.title).toBe(compiled.bodies[i]!.title);
      expect(item.link).toBe(`${SITE.url}/articles/${meta.slug}`);
      expect(new URL(item.link).search).toBe('');
      // The guid is the article's, made from its file name: it survives edits of the title or slug.
      expect(item.guid['#text']).toBe(meta.guid);
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(Date.parse(item.pubDate)).toBe(Date.parse(meta.published));
    }
  });

  it(`rates every item nonadult with media:rating (${DZEN_RULES}, example feed)`, () => {
    for (const item of items) expect(item['media:rating']).toEqual({ '#text': 'nonadult', '@scheme': 'urn:simple' });
  });

  it(`sends the cover as an enclosure with its type, the same picture that leads the text (${DZEN_TAGS})`, () => {
    const cover = `${SITE.url}${compiled.articles.find((a) => a.id === 'md')!.image!.src}`;
    expect(md.enclosure).toMatchObject({ '@url': cover, '@type': 'image/jpeg' });
    const firstImg = /<img src="([^"]+)"/.exec(md['content:encoded'])?.[1];
    expect(firstImg).toBe(cover);
  });

  it(`writes the full text only in the tags Dzen accepts: strong as b, em as i, the rest unwrapped (${DZEN_TAGS})`, () => {
    const allowed = ['p', 'a', 'b', 'i', 'u', 's', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li'];
    for (const item of items) {
      const html: string = item['content:encoded'];
      for (const tag of tagsIn(html)) expect([...allowed, 'img', 'figure', 'figcaption']).toContain(tag);
      expect(html).not.toMatch(/\s(loading|decoding|title|class|style)=/);
    }
    const html: string = md['content:encoded'];
    expect(html).toContain('<b>жирный</b>');
    expect(html).toContain('<i>курсив</i>');
    expect(html).toContain('<s>зачёркнутый</s>');
    expect(html).toContain('<a href="https://example.com/a">ссылка</a>');
    // Unwrapped elements keep their text.
    for (const text of [
      'код',
      '<p>Мелкий заголовок</p>',
      '<p>x &lt; y</p>',
      '<p>а б </p>',
      'Строка',
      '<li>один</li>',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<figcaption>Фото пресс-службы</figcaption>');
  });

  it('keeps the full text of a plain-text article as it is (only paragraphs)', () => {
    const seed = items.find((item) => item.guid['#text'] === compiled.articles.at(-1)!.guid)!;
    expect(seed['content:encoded']).toBe(compiled.bodies.at(-1)!.html);
  });

  it(`has no empty element (${'https://yandex.com.tr/support/zen/website/rss-modify.html?lang=en'})`, () => {
    expect(emptyElements(parseXml(xml))).toEqual([]);
  });

  it('is the same bytes on every render', () => {
    expect(renderDzen(model)).toBe(xml);
  });
});

describe('Yandex fresh-content RSS', () => {
  const model = createAggregatorFeed(SITE, '/feeds/yandex.xml', entries, NEWEST);
  const xml = renderYandex(model);
  const rss = parseXml(xml).rss;

  it(`is UTF-8 RSS 2.0 with the yandex namespace (${YANDEX_RULES})`, () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:yandex']).toBe('http://news.yandex.ru');
  });

  it(`gives every item title, its own page's link, pubDate and the full plain text in yandex:full-text (${YANDEX_RULES})`, () => {
    expect(rss.channel.item).toHaveLength(entries.length);
    for (const [i, item] of (rss.channel.item as XmlTree[]).entries()) {
      const { meta, body } = entries[i]!;
      expect(item.title).toBe(body.title);
      // "The link should not lead to a list of articles or the site's home page."
      expect(item.link).toBe(`${SITE.url}/articles/${meta.slug}`);
      expect(Date.parse(item.pubDate)).toBe(Date.parse(meta.published));
      expect(item['yandex:full-text']).toBe(body.text);
      expect(item['yandex:full-text']).not.toMatch(/<[a-z]/);
    }
  });

  it(`stays under its size limit (${YANDEX_MAX_BYTES.toLocaleString('en')} bytes: https://wordpress.org/plugins/?p=262002), keeping the newest items`, () => {
    // A tenth of the limit, with a tenth of the text, tests the same arithmetic ten times faster.
    const limit = YANDEX_MAX_BYTES / 10;
    const long = 'Длинный абзац с «кавычками» & амперсандами <и> скобками. '.repeat(60);
    const many = Array.from({ length: 500 }, (_, n) => makeEntry(499 - n, {}, `<p>${long}</p>`));
    for (const entry of many) entry.body.text = long;
    const big = renderYandex(createAggregatorFeed(SITE, '/feeds/yandex.xml', many, many[0]!.meta.updated), limit);
    const size = new TextEncoder().encode(big).length;
    expect(size).toBeLessThanOrEqual(limit);
    expect(size).toBeGreaterThan(limit * 0.7);
    const items = parseXml(big).rss.channel.item;
    expect(items.length).toBeLessThan(500);
    expect(items[0].guid['#text']).toBe(many[0]!.meta.guid);
  });
});

describe('Google News sitemap', () => {
  const sitemap = parseXml(renderNewsSitemap(SITE, compiled.articles));
  const urls: XmlTree[] = sitemap.urlset.url;

  it(`uses the sitemap and news namespaces (${NEWS_SITEMAP})`, () => {
    expect(sitemap.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(sitemap.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  });

  it(`gives each url one news:news with publication name and language, publication date and title (${NEWS_SITEMAP})`, () => {
    expect(urls).toHaveLength(compiled.articles.length);
    for (const [i, url] of urls.entries()) {
      const meta = compiled.articles[i]!;
      expect(url.loc).toBe(`${SITE.url}/articles/${meta.slug}`);
      expect(Array.isArray(url['news:news'])).toBe(false);
      expect(url['news:news']).toMatchObject({
        'news:publication': { 'news:name': SITE.title, 'news:language': 'ru' },
        // W3C format, the original publication time with its offset.
        'news:publication_date': meta.published,
        'news:title': meta.title,
      });
      expect(url['news:news']['news:publication_date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
  });

  it('writes news:language as ISO 639 (zh-cn and zh-tw for Chinese), per the sitemap-news 0.9 schema', () => {
    expect(newsLanguage('ru')).toBe('ru');
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('zh')).toBe('zh-cn');
  });

  it(`is a valid, empty urlset when nothing is recent ("It won't cause any problems", ${NEWS_SITEMAP})`, () => {
    expect(parseXml(renderNewsSitemap(SITE, [])).urlset).toMatchObject({
      '@xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
    });
  });
});
