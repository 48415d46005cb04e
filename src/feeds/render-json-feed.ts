/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The feed library writes
 * only 1.0, so this renders the same feed model; JSON.stringify does all escaping.
 */
import { bodyText } from '../site/pack-format.ts';
import type { FeedModel } from './feed-model.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

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
  // "items" is the last member: its "[]" is opened instead, and each item indented two levels deeper (a JSON
  // string never holds a raw line break, so every "\n" in an item's text is one of its own lines).
  const open = `${head.slice(0, head.lastIndexOf('[]'))}[\n`;
  const items = feed.items.map(
    (item, i) => `${i > 0 ? ',\n' : ''}    ${JSON.stringify(item, null, 2).replaceAll('\n', '\n    ')}`,
  );
  return [open, ...items, '\n  ]\n}'];
};

export const renderJsonFeed = (model: FeedModel): string => renderJsonFeedPieces(model).join('');
