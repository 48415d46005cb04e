/**
 * The RSS of Yandex Webmaster's fresh content ("Свежее и актуальное",
 * https://yandex.ru/support/webmaster/en/search-appearance/fresh-content):
 * title, link, pubDate and the full plain text in yandex:full-text, in UTF-8, under 10 MB.
 */
import { escapeHtml } from '../content/escape-html.ts';
import { bodyText } from '../site/pack-format.ts';
import { type AggregatorFeedModel, aggregatorRss, itemHead, MEDIA_NS, mediaContentXml } from './aggregator-feed.ts';
import type { FeedItem } from './feed-model.ts';
import { enclosureOf } from './media-rss.ts';
import { YANDEX_NS } from './render-dzen.ts';
import { cdata, element, emptyElement, textElement } from './xml-writer.ts';

/**
 * "Feed size no larger than 10 MB" (the Yandex News Feed plugin's summary of
 * the Webmaster rules, https://wordpress.org/plugins/?p=262002).
 */
export const YANDEX_MAX_BYTES = 10_000_000;

const encoder = new TextEncoder();

const yandexItem = (item: FeedItem): string => {
  const { meta, image } = item;
  const enclosure = enclosureOf(image);
  return element(
    'item',
    [
      ...itemHead(item),
      ...(enclosure ? [emptyElement('enclosure', { ...enclosure })] : []),
      ...(image ? [mediaContentXml(image)] : []),
      element('description', cdata(escapeHtml(meta.summary))),
      // The whole text, as plain text: Yandex shows no markup from it.
      textElement('yandex:full-text', bodyText(item.body)),
    ].join('\n'),
  );
};

/** The newest items that fit `maxBytes` with the channel around them: each item is measured as written. */
export const renderYandex = (model: AggregatorFeedModel, maxBytes = YANDEX_MAX_BYTES): string => {
  const namespaces = { yandex: YANDEX_NS, media: MEDIA_NS };
  let size = encoder.encode(aggregatorRss(model, namespaces, [])).length;
  const items: string[] = [];
  for (const item of model.items) {
    const xml = yandexItem(item);
    size += encoder.encode(xml).length + 1;
    if (size > maxBytes) break;
    items.push(xml);
  }
  return aggregatorRss(model, namespaces, items);
};
