import { describe, expect, it } from 'vitest';
import { createFeedModel } from '../../src/feeds/feed-model.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { currentPage } from '../../src/site/pagination.ts';
import { SITE_SOURCE } from '../helpers/feed-fixtures.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { seed, seedBody } from '../helpers/seed-feed.ts';
import { SITE } from '../helpers/site.ts';

describe('createFeedModel', () => {
  it('makes root-relative links in content absolute on the configured site', () => {
    const meta = { ...seed, image: { src: '/img/photo.png', alt: 'x' } };
    const body = {
      ...seedBody,
      html: '<p><a href="/articles/x">a</a> <img src="/img/y.jpg" alt=""> <a href="//cdn.example/z">z</a></p>',
    };
    const linked = createFeedModel(SITE, SITE_SOURCE, currentPage(1, 20), [{ meta, body }]);
    expect(linked.items[0]?.contentHtml).toBe(
      '<figure><img src="https://publisher.example.com/img/photo.png" alt="x"></figure>\n' +
        '<p><a href="https://publisher.example.com/articles/x">a</a> <img src="https://publisher.example.com/img/y.jpg" alt=""> <a href="//cdn.example/z">z</a></p>',
    );
    // A picture the build did not read has no known length: Media RSS, but no enclosure.
    const item = parseXml(renderRss(linked)).rss.channel.item[0];
    expect(item.enclosure).toBeUndefined();
    expect(item['media:content']).toEqual({
      '@url': 'https://publisher.example.com/img/photo.png',
      '@type': 'image/png',
      '@medium': 'image',
    });
  });
});
