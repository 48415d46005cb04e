/**
 * Dzen's RSS (https://dzen.ru/help/ru/website/rss-modify): full text in
 * content:encoded in the tags Dzen accepts, the cover as an enclosure, a media:rating.
 */
import { escapeHtml } from '../content/escape-html.ts';
import { absolutizeHtml } from '../site/paths.ts';
import { type AggregatorFeedModel, aggregatorRss, itemHead, MEDIA_NS, mediaContentXml } from './aggregator-feed.ts';
import { type FeedItem, figureHtml } from './feed-model.ts';
import { cdata, element, emptyElement, textElement } from './xml-writer.ts';

/** The yandex namespace of Dzen's and Yandex's RSS extensions. */
export const YANDEX_NS = 'http://news.yandex.ru';
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';

/**
 * Dzen reads some categories as publishing directives (format-article or
 * format-post, index or noindex, comment-*, native-draft), so tags are not
 * sent as categories: each article is published as an article, in search.
 */
export const DZEN_DIRECTIVES = ['format-article', 'index'];

/** The cover first (Dzen puts the first picture of the text on the card), then the body in Dzen's tags. */
export const dzenContent = (item: FeedItem, siteUrl: string): string =>
  figureHtml(item.image) + absolutizeHtml(item.body.dzenHtml ?? item.body.html, siteUrl);

const dzenItem = (item: FeedItem, model: AggregatorFeedModel): string => {
  const { meta, image } = item;
  return element(
    'item',
    [
      ...itemHead(item),
      textElement('author', meta.author ?? model.site.author),
      ...DZEN_DIRECTIVES.map((directive) => textElement('category', directive)),
      textElement('media:rating', 'nonadult', { scheme: 'urn:simple' }),
      // The cover with its type, as Dzen asks of every picture shown in img or media:content: always, even for a
      // picture given as a URL, whose length is unknown (Dzen's own examples carry url and type only; RSS and Yandex
      // leave such an enclosure out, as RSS 2.0 requires a length).
      ...(image
        ? [
            emptyElement('enclosure', { url: image.url, type: image.type, length: image.length }),
            mediaContentXml(image),
          ]
        : []),
      element('description', cdata(escapeHtml(meta.summary))),
      element('content:encoded', cdata(dzenContent(item, model.site.url))),
    ].join('\n'),
  );
};

export const renderDzen = (model: AggregatorFeedModel): string =>
  aggregatorRss(
    model,
    { yandex: YANDEX_NS, media: MEDIA_NS, content: CONTENT_NS },
    model.items.map((item) => dzenItem(item, model)),
  );
