/** Media types of everything the site serves, defined once. */

export const MIME = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  jsonFeed: 'application/feed+json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
  svg: 'image/svg+xml',
  xml: 'application/xml; charset=utf-8',
} as const;

export const IMAGE_TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: MIME.svg,
  webp: 'image/webp',
};

/** The image's media type from its URL's extension; JPEG when the URL does not say. */
export const imageType = (url: string): string =>
  IMAGE_TYPES[/\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? ''] ?? 'image/jpeg';

/** A Content-Type without its parameters, as link types and Accept headers name it: "application/rss+xml". */
export const mediaType = (contentType: string): string => contentType.split(';', 1)[0]!;
