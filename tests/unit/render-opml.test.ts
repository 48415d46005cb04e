import { describe, expect, it } from 'vitest';
import { renderOpml } from '../../src/feeds/render-opml.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { SITE } from '../helpers/site.ts';

const base = 'https://publisher.example.com';

describe('OPML', () => {
  it('lists the site feed and each tag feed once, in RSS', () => {
    const opml = parseXml(
      renderOpml(SITE, [{ slug: 'ekonomika', name: 'экономика' }], '2022-11-28T12:00:00+03:00'),
    ).opml;
    expect(opml['@version']).toBe('2.0');
    expect(opml.head.title).toBe('Лента новостей');
    expect(opml.body.outline[0]).toMatchObject({
      '@type': 'rss',
      '@xmlUrl': `${base}/rss.xml`,
      '@htmlUrl': `${base}/`,
    });
    expect(opml.body.outline[1].outline).toMatchObject({
      '@xmlUrl': `${base}/tags/ekonomika/rss.xml`,
      '@text': 'Лента новостей: экономика',
    });
  });
});
