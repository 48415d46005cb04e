/** The feed formats the site publishes, each described once: every other list of formats is derived from here. */
import { MIME, mediaType } from '../http/mime-types.ts';
import type { Labels } from '../site/labels.ts';
import type { BodyPart } from '../site/pack-format.ts';
import type { FeedModel } from './feed-model.ts';
import { renderAtomPieces } from './render-atom.ts';
import { renderJsonFeedPieces } from './render-json-feed.ts';
import { renderRssPieces } from './render-rss.ts';

/** The name of a label that is plain text, in every language. */
type TextLabel = { [K in keyof Labels]: Labels[K] extends string ? K : never }[keyof Labels];

export interface FeedFormatSpec {
  /** File name of the site's feed (`/rss.xml`) and of each tag's (`/tags/<slug>/rss.xml`). */
  file: string;
  /** Content-Type of the feed; its media type names the feed in links and in content negotiation. */
  contentType: string;
  /** What readers call the format: link titles, the subscribe box, the footer. */
  name: string;
  /** The label that says, in the site's language, whom the format is for. */
  hint: TextLabel;
  /** Further media types that /feed answers with this format (besides its own). */
  negotiates: readonly string[];
  /** How much of each body the renderer reads (pack-format.ts): the plain text only where the format carries it. */
  body: BodyPart;
  /** The document's text, whole or in pieces (render-cache.ts). */
  render: (model: FeedModel) => string | readonly string[];
}

/** Keyed by the format's id; in the order pages list them. */
export const FEED_FORMATS = {
  rss: {
    file: 'rss.xml',
    contentType: MIME.rss,
    name: 'RSS',
    hint: 'rssHint',
    // Generic XML types: a client that asks for "some XML" gets the format every reader reads.
    negotiates: ['application/xml', 'text/xml'],
    body: 'feed',
    render: renderRssPieces,
  },
  atom: {
    file: 'atom.xml',
    contentType: MIME.atom,
    name: 'Atom',
    hint: 'atomHint',
    negotiates: [],
    body: 'feed',
    render: renderAtomPieces,
  },
  json: {
    file: 'feed.json',
    contentType: MIME.jsonFeed,
    name: 'JSON Feed',
    hint: 'jsonHint',
    negotiates: ['application/json'],
    body: 'text',
    render: renderJsonFeedPieces,
  },
} as const satisfies Record<string, FeedFormatSpec>;

export type FeedFormat = keyof typeof FEED_FORMATS;

export const FEED_FORMAT_IDS = Object.keys(FEED_FORMATS) as FeedFormat[];

/** The feed pages point readers to first, and /feed's answer to a client with no preference: every reader reads RSS. */
export const DEFAULT_FEED_FORMAT: FeedFormat = 'rss';

/** A format's media type, as link types and Accept headers name it: "application/rss+xml". */
export const feedMediaType = (format: FeedFormat): string => mediaType(FEED_FORMATS[format].contentType);
