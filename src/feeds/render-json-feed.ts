/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The feed library writes
 * only 1.0, so this renders the same feed model; JSON.stringify does all escaping.
 */
import { bodyText } from '../site/pack-format.ts';
import type { FeedModel } from './feed-model.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const NESTED_OPEN = '[\n  [\n'.length;
const NESTED_CLOSE = '\n  ]\n]'.length;

/**
 * The feed as pieces of its text, in order: the head, each item, the tail. A page of full texts is some
 * 200 KB, which as one string V8 allocates apart, at a cost (render-cache.ts utf8); joined, the pieces are
 * exactly JSON.stringify(feed, null, 2).
 */
export const renderJsonFeedPieces = (model: FeedModel): string[] => {
  const authors = [{ name: model.site.author }];
  const feed = {
    version: JSON_FEED_VERSION,
    title: model.title,
    home_page_url: model.homeUrl,
    feed_url: model.links.json,
    // JSON Feed pages towards older items: the same archive pages RSS and Atom link as prev-archive.
    ...(model.paging.json.prevArchive ? { next_url: model.paging.json.prevArchive } : {}),
    description: model.description,
    icon: model.iconUrl,
    favicon: model.iconUrl,
    language: model.site.language,
    authors,
    ...(model.site.hub ? { hubs: [{ type: 'WebSub', url: model.site.hub }] } : {}),
    items: model.items.map(({ meta, body, url, contentHtml, image }) => ({
      id: meta.guid,
      url,
      title: meta.title,
      content_html: contentHtml,
      content_text: bodyText(body),
      summary: meta.summary,
      ...(image ? { image: image.url } : {}),
      // The picture as an attachment too, with its type and size (JSON Feed 1.1, "attachments").
      ...(image
        ? {
            attachments: [
              {
                url: image.url,
                mime_type: image.type,
                ...(image.caption ? { title: image.caption } : {}),
                ...(image.length ? { size_in_bytes: image.length } : {}),
              },
            ],
          }
        : {}),
      date_published: meta.published,
      date_modified: meta.updated,
      authors: meta.author ? [{ name: meta.author }] : authors,
      tags: meta.tags.map((tag) => tag.name),
      language: meta.language,
    })),
  };
  const head = JSON.stringify({ ...feed, items: [] }, null, 2);
  if (feed.items.length === 0) return [head];
  // "items" is the last member: its "[]" is opened instead, and each item written as JSON.stringify indents
  // it two levels deep, cut out of an array in an array (no copy of its text): the first from [[item]], after
  // "[\n  [\n"; each later one from [[0, item]], after "[\n  [\n    0", so that it opens with its ",\n".
  const open = `${head.slice(0, head.lastIndexOf('[]'))}[\n`;
  const items = feed.items.map((item, i) =>
    i === 0
      ? JSON.stringify([[item]], null, 2).slice(NESTED_OPEN, -NESTED_CLOSE)
      : JSON.stringify([[0, item]], null, 2).slice(NESTED_OPEN + '    0'.length, -NESTED_CLOSE),
  );
  return [open, ...items, '\n  ]\n}'];
};

export const renderJsonFeed = (model: FeedModel): string => renderJsonFeedPieces(model).join('');
