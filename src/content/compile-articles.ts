/** Compiles source files from seeds/ into the article index and bodies. Pure: same files, same output. */
import { v5 as uuidv5 } from 'uuid';
import { labelsFor } from '../site/labels.ts';
import { paths } from '../site/paths.ts';
import { decodeSource } from './decode-source.ts';
import { detectLanguage } from './detect-language.ts';
import { escapeHtml } from './escape-html.ts';
import { feedItemBudget, feedItemBytes } from './feed-item-size.ts';
import { type Metadata, parseMetadata } from './metadata.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parsePlainText } from './parse-plain-text.ts';
import { type ImageFile, isPictureFile, MIN_LEAD_WIDTH, readImage } from './read-image.ts';
import { slugify } from './slug.ts';
import { countWords, readingMinutes, summarize } from './summarize.ts';
import {
  type ArticleBody,
  type ArticleImage,
  type ArticleMeta,
  type ArticleTag,
  ContentError,
  type ContentIssue,
  type ContentSettings,
  type ContentWarning,
  type TagEntry,
} from './types.ts';
import { typesetHtml, typesetText } from './typeset.ts';
import { toZonedIso } from './zoned-date.ts';

export interface SourceFile {
  /** Path relative to seeds/, e.g. "000_caf9e8d9b7b58b94.txt". */
  name: string;
  bytes: Uint8Array;
}

/** A picture to publish among the static assets, at `src`. */
export interface PublishedImage {
  src: string;
  bytes: Uint8Array;
}

export interface CompiledContent {
  /** Newest first. */
  articles: ArticleMeta[];
  tags: TagEntry[];
  bodies: ArticleBody[];
  /** The pictures the published articles use, each once, ordered by URL. */
  images: PublishedImage[];
  drafts: number;
  warnings: ContentWarning[];
  errors: ContentIssue[];
}

/** Used when an article has no date and its file name starts with none: sorts last, and is warned about. */
export const FALLBACK_DATE = '1970-01-01';

// Namespace for item guids: urn:uuid:v5(namespace, article id). Never change it,
// or every reader sees every article again as new.
const GUID_NAMESPACE = '3f1c6a52-9d0e-4f4b-8a53-2f6f0f3f6e11';

const ARTICLE = /\.(txt|md)$/;

// The id (the file name less its extension) names the body's static asset and
// seeds the feed guid. ASCII letters, digits, "-", "_" and "." need no escaping
// in a URL, a path or a cache key, and mean the same on every disk and in every
// normalisation form; a name with anything else is refused rather than encoded.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const UNSAFE_NAME =
  'the file name may have only ASCII letters, digits, "-", "_" and ".", start with a letter or digit, ' +
  'and have at most 200 before its extension (it is the article id, in its asset path and feed id): rename the file';
const SIDECAR = /\.ya?ml$/;

interface Compiled {
  meta: ArticleMeta;
  body: ArticleBody;
  file: string;
  /** The slug was set in the metadata, not derived from the title. */
  explicitSlug: boolean;
}

interface Parsed {
  metadata: Metadata;
  title: string;
  /** The whole text as plain text, blocks separated by blank lines. */
  text: string;
  /** The first paragraph, for the summary. */
  lead: string;
  html: string;
  dzenHtml?: string;
  image?: ArticleImage;
  /** Pictures from seeds/ the article shows, by file name. */
  pictures: Map<string, ImageFile>;
}

export interface CompileOptions {
  /** Told how many article files are done, before each and after the last: the build's progress line. */
  onProgress?: (articlesDone: number) => void;
}

export const compileArticles = (
  files: readonly SourceFile[],
  settings: ContentSettings,
  { onProgress }: CompileOptions = {},
): CompiledContent => {
  const errors: ContentIssue[] = [];
  const warnings: ContentWarning[] = [];
  const byName = new Map(files.map((file) => [file.name, file]));
  const sidecars = new Set<string>();

  const decode = (file: SourceFile): string => {
    const { text, warnings: found } = decodeSource(file.bytes);
    for (const warning of found) warnings.push({ file: file.name, ...warning });
    return text;
  };

  // Pictures are read once each, however many articles show them; names are marked used even when reading fails.
  const pictureCache = new Map<string, { image: ImageFile; bytes: Uint8Array }>();
  const usedPictures = new Set<string>();
  const readPicture = (name: string): { image: ImageFile; bytes: Uint8Array } => {
    usedPictures.add(name);
    const cached = pictureCache.get(name);
    if (cached) return cached;
    const file = byName.get(name);
    if (!file) throw new ContentError(`picture "${name}" is not in seeds/`);
    const read = { image: readImage(name, file.bytes), bytes: file.bytes };
    pictureCache.set(name, read);
    return read;
  };

  /** The lead picture: a file from seeds/ gets its URL, size and type; a URL is kept as it is. */
  const leadImage = (
    image: ArticleImage | undefined,
    pictures: Map<string, ImageFile>,
    file: string,
  ): ArticleImage | undefined => {
    if (!image?.src || !isPictureFile(image.src)) return image;
    const name = image.src;
    const { image: read } = readPicture(name);
    pictures.set(name, read);
    if (read.width < MIN_LEAD_WIDTH) {
      warnings.push({
        file,
        kind: 'picture-narrow',
        message: `lead picture "${name}" is ${read.width} px wide; Dzen wants a cover at least ${MIN_LEAD_WIDTH} px wide`,
      });
    }
    const { src, width, height, type, length } = read;
    return { ...image, src, width, height, type, length };
  };

  const parse = (file: SourceFile): Parsed => {
    const text = decode(file);
    const pictures = new Map<string, ImageFile>();
    if (file.name.endsWith('.md')) {
      const {
        metadata,
        title,
        html,
        text: plain,
        lead,
        dzenHtml,
      } = parseMarkdown(text, (name) => {
        const { image } = readPicture(name);
        pictures.set(name, image);
        return image;
      });
      const image = leadImage(metadata.image ? { alt: '', ...metadata.image } : undefined, pictures, file.name);
      return {
        metadata,
        title,
        html,
        text: plain,
        lead,
        pictures,
        ...(dzenHtml !== html ? { dzenHtml } : {}),
        ...(image ? { image } : {}),
      };
    }
    const stem = file.name.replace(ARTICLE, '');
    const sidecar = byName.get(`${stem}.yaml`) ?? byName.get(`${stem}.yml`);
    let metadata: Metadata = { draft: false };
    if (sidecar) {
      sidecars.add(sidecar.name);
      try {
        metadata = parseMetadata(decode(sidecar));
      } catch (error) {
        throw new FileError(sidecar.name, error);
      }
    }
    const article = parsePlainText(text, { footerMarkers: settings.footerMarkers });
    let image = article.image || metadata.image ? { alt: '', ...article.image, ...metadata.image } : undefined;
    try {
      image = leadImage(image, pictures, file.name);
    } catch (error) {
      // The picture is named in the sidecar: point there.
      throw sidecar ? new FileError(sidecar.name, error) : error;
    }
    return {
      metadata,
      title: metadata.title ?? article.title,
      text: article.paragraphs.join('\n\n'),
      lead: article.paragraphs[0]!,
      html: article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      pictures,
      ...(image ? { image } : {}),
    };
  };

  const compiled: Compiled[] = [];
  // Only published articles' pictures are published: a draft's stays private.
  const images = new Map<string, Uint8Array>();
  let drafts = 0;
  const ids = new Map<string, string>();
  let done = 0;

  for (const file of [...files].sort((a, b) => compare(a.name, b.name))) {
    if (!ARTICLE.test(file.name)) continue;
    onProgress?.(done++);
    const id = file.name.replace(ARTICLE, '');
    if (!SAFE_ID.test(id)) {
      errors.push({ file: file.name, message: UNSAFE_NAME });
      continue;
    }
    const clash = ids.get(id.toLowerCase());
    if (clash) {
      const other = clash.replace(ARTICLE, '');
      const how = other === id ? '' : ', ignoring case';
      errors.push({ file: file.name, message: `same article id "${id}" as ${clash}${how}: rename one of them` });
      continue;
    }
    ids.set(id.toLowerCase(), file.name);
    try {
      const parsed = parse(file);
      if (parsed.metadata.draft) {
        drafts++;
        continue;
      }
      for (const name of parsed.pictures.keys()) {
        const { image, bytes } = readPicture(name);
        images.set(image.src, bytes);
      }
      compiled.push({
        ...buildArticle(id, file.name, parsed, settings, warnings),
        file: file.name,
        explicitSlug: Boolean(parsed.metadata.slug),
      });
    } catch (error) {
      const inFile = error instanceof FileError ? error.file : file.name;
      const cause = error instanceof FileError ? error.cause : error;
      // Anything else a library throws is still this file's problem: name it, and go on to the others.
      if (!(cause instanceof ContentError)) errors.push({ file: inFile, message: `cannot be read: ${String(cause)}` });
      else errors.push({ file: inFile, ...(cause.line ? { line: cause.line } : {}), message: cause.message });
    }
  }

  onProgress?.(done);

  for (const file of files) {
    if (ARTICLE.test(file.name) || sidecars.has(file.name) || usedPictures.has(file.name)) continue;
    if (isPictureFile(file.name)) {
      warnings.push({
        file: file.name,
        kind: 'picture-unused',
        message: 'picture not used by any article: name it in an article\'s "image" or show it in a Markdown article',
      });
    } else if (SIDECAR.test(file.name)) {
      errors.push({
        file: file.name,
        message: `metadata without an article: expected ${file.name.replace(SIDECAR, '.txt')}`,
      });
    } else {
      warnings.push({
        file: file.name,
        kind: 'ignored-file',
        message: 'ignored: articles are .txt (with an optional .yaml) or .md files',
      });
    }
  }

  compiled.sort((a, b) => Date.parse(a.meta.published) - Date.parse(b.meta.published) || compare(a.meta.id, b.meta.id));
  resolveSlugClashes(compiled, errors, warnings);
  const budget = feedItemBudget(settings.pageSize);
  for (const entry of compiled) fitIntoFeeds(entry, budget, settings.pageSize, errors, warnings);
  compiled.sort((a, b) => Date.parse(b.meta.published) - Date.parse(a.meta.published) || compare(a.meta.id, b.meta.id));
  const articles = compiled.map((entry) => entry.meta);
  return {
    articles,
    tags: indexTags(articles),
    bodies: compiled.map((entry) => entry.body),
    images: [...images].map(([src, bytes]) => ({ src, bytes })).sort((a, b) => compare(a.src, b.src)),
    drafts,
    warnings: warnings.sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0)),
    errors: errors.sort((a, b) => compare(a.file, b.file)),
  };
};

const buildArticle = (
  id: string,
  file: string,
  { metadata, title, text, lead, html, dzenHtml, image }: Parsed,
  settings: ContentSettings,
  warnings: ContentWarning[],
): { meta: ArticleMeta; body: ArticleBody } => {
  let date = metadata.date;
  if (!date) {
    date = /^(\d{4}-\d{2}-\d{2})/.exec(id)?.[1] ?? FALLBACK_DATE;
    warnings.push({
      file,
      kind: date === FALLBACK_DATE ? 'date-fallback' : 'date-from-file-name',
      message: `no date: using ${date}${date === FALLBACK_DATE ? ' (the fallback)' : ' from the file name'}; set "date" in its metadata`,
    });
  }
  if (metadata.date && /^\d{4}-\d{2}-\d{2}$/.test(metadata.date)) {
    // Dzen, Yandex and Google News show and sort by the minute.
    warnings.push({
      file,
      kind: 'date-without-time',
      message: `date without a time of day: the aggregators' feeds say 12:00 in ${settings.timeZone}; set e.g. "${metadata.date}T09:30:00"`,
    });
  }
  const published = toZonedIso(date, settings.timeZone);
  const updated = metadata.updated ? toZonedIso(metadata.updated, settings.timeZone) : published;
  if (Date.parse(updated) < Date.parse(published)) {
    throw new ContentError(`"updated" (${metadata.updated}) is earlier than "date" (${date})`);
  }
  const words = countWords(text);
  const slug = metadata.slug ?? (slugify(title) || slugify(id) || id.toLowerCase());
  const meta: ArticleMeta = {
    id,
    guid: `urn:uuid:${uuidv5(id, GUID_NAMESPACE)}`,
    slug,
    title,
    published,
    updated,
    summary: metadata.summary ?? summarize(lead),
    tags: uniqueTags(metadata.tags ?? []),
    language: metadata.language ?? detectLanguage(`${title}\n${text}`, settings.language),
    ...(metadata.author ? { author: metadata.author } : {}),
    ...(metadata.source ? { source: metadata.source } : {}),
    ...(image ? { image } : {}),
    wordCount: words,
    readingMinutes: readingMinutes(words),
  };
  // Pages show typeset text; feeds carry it as written (the body keeps both).
  const page = { title: typesetText(meta.title, meta.language), summary: typesetText(meta.summary, meta.language) };
  return {
    meta: { ...meta, ...page },
    body: {
      id,
      pageHtml: typesetHtml(html, meta.language),
      html,
      text,
      title: meta.title,
      summary: meta.summary,
      ...(dzenHtml ? { dzenHtml } : {}),
    },
  };
};

const kilobytes = (n: number) => Math.ceil(n / 1024);

/**
 * An article whose feed item would overflow its share of a feed page is carried
 * in feeds as its summary and a link to its page (which shows it whole); one
 * whose other fields alone overflow it is refused.
 */
const fitIntoFeeds = (
  entry: Compiled,
  budget: number,
  pageSize: number,
  errors: ContentIssue[],
  warnings: ContentWarning[],
): void => {
  const size = feedItemBytes(entry.meta, entry.body);
  if (size <= budget) return;
  const { meta } = entry;
  // Dzen's copy of the text goes too: its feed then carries the same summary and link.
  const { dzenHtml: _, ...body } = entry.body;
  const link = `<a href="${paths.article(meta.slug)}">${escapeHtml(labelsFor(meta.language).readWholeArticle)}</a>`;
  entry.body = { ...body, html: `<p>${escapeHtml(body.summary)}</p>\n<p>${link}</p>`, text: body.summary };
  const limit = `at most ${kilobytes(budget)} KB with FEED_PAGE_SIZE = ${pageSize}`;
  const shortened = feedItemBytes(meta, entry.body);
  if (shortened > budget) {
    errors.push({
      file: entry.file,
      message: `its title, summary, tags and other fields alone take ${kilobytes(shortened)} KB of a feed item; ${limit}: shorten them`,
    });
  } else {
    warnings.push({
      file: entry.file,
      kind: 'summary-in-feeds',
      message: `too large for a feed item (${kilobytes(size)} KB; ${limit}): feeds carry its summary and a link to its page`,
    });
  }
};

/** Tags are one when their slugs are one ("Экономика", "экономика"): the first spelling is kept. */
const uniqueTags = (names: readonly string[]): ArticleTag[] => {
  const tags = new Map<string, ArticleTag>();
  for (const name of names) {
    const slug = slugify(name);
    if (!tags.has(slug)) tags.set(slug, { name, slug });
  }
  return [...tags.values()];
};

/**
 * Two explicit slugs that clash are an error. A derived slug that clashes
 * (long titles share their first 80 characters; news repeats headlines) gets
 * a suffix from the article's guid, so it never changes when others are added;
 * longer if even that is taken, so that slugs are unique after suffixing, always.
 * The explicit one, else the oldest article, keeps the plain slug. `compiled` is oldest first.
 */
const resolveSlugClashes = (compiled: Compiled[], errors: ContentIssue[], warnings: ContentWarning[]): void => {
  const owners = new Map<string, string>();
  for (const { meta, file } of compiled.filter((entry) => entry.explicitSlug)) {
    const other = owners.get(meta.slug);
    if (other)
      errors.push({
        file,
        message: `duplicate slug "${meta.slug}" (also ${other}): set a different "slug" in its metadata`,
      });
    else owners.set(meta.slug, file);
  }
  for (const entry of compiled) {
    if (entry.explicitSlug) continue;
    const other = owners.get(entry.meta.slug);
    if (!other) {
      owners.set(entry.meta.slug, entry.file);
      continue;
    }
    // The suffix grows until the slug is free: another article may own it, explicitly or by its own title.
    const hex = entry.meta.guid.replace(/^urn:uuid:/, '').replaceAll('-', '');
    let length = 6;
    while (owners.has(`${entry.meta.slug}-${hex.slice(-length)}`) && length < hex.length) length += 2;
    const slug = `${entry.meta.slug}-${hex.slice(-length)}`;
    if (owners.has(slug)) {
      errors.push({ file: entry.file, message: `no free slug for "${entry.meta.slug}": set "slug" in its metadata` });
      continue;
    }
    warnings.push({
      file: entry.file,
      kind: 'slug-suffixed',
      message: `slug "${entry.meta.slug}" is taken by ${other}: using "${slug}"`,
    });
    entry.meta = { ...entry.meta, slug };
    owners.set(slug, entry.file);
  }
};

/** Groups articles by tag. Two spellings of one tag ("Экономика", "экономика") share a slug and are one tag. */
const indexTags = (articles: readonly ArticleMeta[]): TagEntry[] => {
  const tags = new Map<string, TagEntry>();
  articles.forEach((article, position) => {
    for (const { name, slug } of article.tags) {
      const tag = tags.get(slug) ?? { slug, name, articles: [] };
      if (tag.articles.at(-1) !== position) tag.articles.push(position);
      tags.set(slug, tag);
    }
  });
  return [...tags.values()].sort((a, b) => compare(a.slug, b.slug));
};

/** Locale-independent ordering, so output never depends on the machine. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A ContentError raised while reading a file other than the article itself (its sidecar). */
class FileError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(String(cause), { cause });
    this.file = file;
  }
}
