import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { modelOf } from '../helpers/feed-fixtures.ts';
import { validateJsonFeed } from '../helpers/json-feed-schema.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { fixtureImage, SETTINGS, source } from '../helpers/sources.ts';

// An article with a lead picture from seeds/, compiled as the build does.
const compiled = compileArticles(
  [
    source('a.txt', 'Заголовок\n\nПремьер на встрече\nФото: пресс-служба\nПервый абзац.\n\nВторой абзац.'),
    source('a.yaml', 'date: 2024-05-01T10:00:00+03:00\nimage: a.jpg'),
    source('a.jpg', fixtureImage('lead.jpg')),
  ],
  SETTINGS,
);
const model = modelOf([{ meta: compiled.articles[0]!, body: compiled.bodies[0]! }]);
const image = compiled.articles[0]!.image!;
const url = `https://publisher.example.com${image.src}`;
const LENGTH = fixtureImage('lead.jpg').length;

describe('the lead picture in every feed', () => {
  it('is compiled from seeds/ with its real size', () => {
    expect(compiled.errors).toEqual([]);
    expect(image).toMatchObject({ width: 800, height: 450, type: 'image/jpeg', length: LENGTH });
  });

  it('RSS: an enclosure with the real length and type, and media:content with size and caption', () => {
    const rss = parseXml(renderRss(model)).rss;
    expect(rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const item = rss.channel.item[0];
    // RSS 2.0: url, length in bytes, type (https://www.rssboard.org/rss-specification#ltenclosuregtSubelementOfLtitemgt).
    expect(item.enclosure).toEqual({ '@url': url, '@length': String(LENGTH), '@type': 'image/jpeg' });
    // Media RSS (https://www.rssboard.org/media-rss#media-content); the rest is the indentation.
    expect(item['media:content']).toMatchObject({
      '@url': url,
      '@type': 'image/jpeg',
      '@medium': 'image',
      '@width': '800',
      '@height': '450',
      '@fileSize': String(LENGTH),
      'media:description': { '#text': 'Фото: пресс-служба', '@type': 'plain' },
    });
  });

  it('RSS and every other format: the picture leads the content, with its size and alt text', () => {
    const figure = `<figure><img src="${url}" alt="Премьер на встрече" width="800" height="450"><figcaption>Фото: пресс-служба</figcaption></figure>`;
    expect(parseXml(renderRss(model)).rss.channel.item[0]['content:encoded']).toContain(figure);
    expect(parseXml(renderAtom(model)).feed.entry[0].content['#text']).toContain(figure);
    expect(JSON.parse(renderJsonFeed(model)).items[0].content_html).toContain(figure);
  });

  it('Atom: link rel="enclosure" with type and length (RFC 4287 §4.2.7)', () => {
    const entry = parseXml(renderAtom(model)).feed.entry[0];
    expect(entry.link).toContainEqual({
      '@rel': 'enclosure',
      '@href': url,
      '@type': 'image/jpeg',
      '@length': String(LENGTH),
    });
  });

  it('JSON Feed: image, and an attachment with type and size (https://www.jsonfeed.org/version/1.1/)', () => {
    const json = JSON.parse(renderJsonFeed(model));
    expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    expect(json.items[0].image).toBe(url);
    expect(json.items[0].attachments).toEqual([
      { url, mime_type: 'image/jpeg', title: 'Фото: пресс-служба', size_in_bytes: LENGTH },
    ]);
  });

  it('every picture type gets the right media type in RSS and Atom', () => {
    for (const [file, type] of [
      ['narrow.png', 'image/png'],
      ['photo.webp', 'image/webp'],
      ['photo.avif', 'image/avif'],
    ] as const) {
      const { articles, bodies } = compileArticles(
        [
          source('b.md', `---\ntitle: Б\ndate: 2024-05-01\nimage: ${file}\n---\nТекст.`),
          source(file, fixtureImage(file)),
        ],
        SETTINGS,
      );
      const m = modelOf([{ meta: articles[0]!, body: bodies[0]! }]);
      expect(parseXml(renderRss(m)).rss.channel.item[0].enclosure['@type']).toBe(type);
      expect(parseXml(renderAtom(m)).feed.entry[0].link).toContainEqual(expect.objectContaining({ '@type': type }));
    }
  });
});
