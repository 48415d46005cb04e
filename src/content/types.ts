/** The article model shared by the content build and the Worker. */
import type { SiteConfig } from '../site/site-config.ts';

/** A photo that illustrates an article; plain-text articles carry only its alt text and caption. */
export interface ArticleImage {
  /** Root-relative (a picture from seeds/, under /images/) or absolute URL; absent when the source names no file. */
  src?: string;
  alt: string;
  caption?: string;
  /** For a picture from seeds/, read by the build: displayed size in pixels, media type and file size in bytes. */
  width?: number;
  height?: number;
  type?: string;
  length?: number;
}

/** A tag as the article spells it, and the slug of its page. */
export interface ArticleTag {
  name: string;
  slug: string;
}

/** What lists and feeds need to choose and describe an article: no body text here. */
export interface ArticleMeta {
  /** Stable id: the source file's name without its extension. */
  id: string;
  /** Globally unique, permanent item id for feeds (urn:uuid, derived from `id`). */
  guid: string;
  slug: string;
  /** As pages show it: typeset at build for the article's language. Feeds take the title as written from the body. */
  title: string;
  /** ISO 8601 with the site's UTC offset, e.g. 2022-11-28T00:00:00+03:00. */
  published: string;
  updated: string;
  /** As pages show it, typeset like the title. */
  summary: string;
  tags: ArticleTag[];
  language: string;
  author?: string;
  source?: string;
  image?: ArticleImage;
  wordCount: number;
  readingMinutes: number;
}

/** An article's full content; stored beside its meta in a pack (src/site/pack-format.ts). */
export interface ArticleBody {
  id: string;
  /** For the article's page: the sanitised HTML, typeset for its language (quotes, dashes, no-break spaces). */
  pageHtml: string;
  /** For feeds, as written: sanitised HTML (links root-relative or absolute), and the same as plain text. */
  html: string;
  text: string;
  /** For feeds, as written (the index holds them typeset, for pages). */
  title: string;
  summary: string;
  /** For Dzen's feed: `html` in the tags Dzen accepts, where that differs from it (Markdown with more than paragraphs and links). */
  dzenHtml?: string;
}

/** The site settings the content build uses (site/site-config.ts); the page size bounds each feed item's size. */
export type ContentSettings = Pick<SiteConfig, 'language' | 'timeZone' | 'footerMarkers' | 'pageSize'>;

/** A problem in one source file; `line` is 1-based where it is known. */
export interface ContentIssue {
  file: string;
  line?: number;
  message: string;
}

/**
 * What a warning is about, as a stable code: the build report counts warnings
 * by kind, one line each, while `message` keeps the details for the one file.
 */
export type WarningKind =
  | 'date-from-file-name'
  | 'date-fallback'
  | 'unicode-normalised'
  | 'control-characters'
  | 'slug-suffixed'
  | 'summary-in-feeds'
  | 'ignored-file'
  | 'date-without-time'
  | 'picture-narrow'
  | 'picture-unused';

/** A problem that does not stop the build. */
export interface ContentWarning extends ContentIssue {
  kind: WarningKind;
}

export class ContentError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ContentError';
    this.line = line;
  }
}

export const formatIssue = (issue: ContentIssue): string =>
  `${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`;
