/** Compiles source files from seeds/ into article metas and bodies, one file at a time or a whole set. Pure: same files, same output. */
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
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
import { SortedKeys, stringKey } from './string-key.ts';
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
} from './types.ts';
import { typesetPage } from './typeset.ts';
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
// or every reader sees every article again as new. Held as bytes: uuid parses a string one on every call.
const GUID_NAMESPACE = parseUuid('3f1c6a52-9d0e-4f4b-8a53-2f6f0f3f6e11');

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

/** An article ready to publish, before slug clashes across articles are resolved. */
export interface CompiledArticle {
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

/** One article's source: its text, and the YAML sidecar of a plain-text article if there is one. */
export interface ArticleSource {
  file: SourceFile;
  sidecar?: SourceFile;
}

/** Pictures from seeds/, read once each however many articles show them; a missing one is a ContentError. */
export type PictureReader = (name: string) => { image: ImageFile; bytes: Uint8Array };

export type ArticleOutcome =
  | { kind: 'article'; article: CompiledArticle; pictures: string[] }
  | { kind: 'draft'; pictures: string[] }
  | { kind: 'error'; issue: ContentIssue };

export const isArticleFile = (name: string): boolean => ARTICLE.test(name);
export const isSidecarFile = (name: string): boolean => SIDECAR.test(name);
export const articleId = (name: string): string => name.replace(ARTICLE, '');
/** The names a plain-text article's sidecar may have, in the order they are looked for. */
export const sidecarNames = (name: string): string[] =>
  name.endsWith('.txt') ? [`${articleId(name)}.yaml`, `${articleId(name)}.yml`] : [];
export const sidecarError = (name: string): ContentIssue => ({
  file: name,
  message: `metadata without an article: expected ${name.replace(SIDECAR, '.txt')}`,
});
export const ignoredWarning = (name: string): ContentWarning => ({
  file: name,
  kind: 'ignored-file',
  message: 'ignored: articles are .txt (with an optional .yaml) or .md files',
});
export const unusedPictureWarning = (name: string): ContentWarning => ({
  file: name,
  kind: 'picture-unused',
  message: 'picture not used by any article: name it in an article\'s "image" or show it in a Markdown article',
});
/** Two files whose ids are the same, or differ only in case: the second by name is refused. */
export const idClashError = (name: string, other: string): ContentIssue => {
  const [id, otherId] = [articleId(name), articleId(other)];
  const how = otherId === id ? '' : ', ignoring case';
  return { file: name, message: `same article id "${id}" as ${other}${how}: rename one of them` };
};

/**
 * Compiles one article on its own: what the streaming build does for each
 * file. Warnings go to `warnings`; pictures are read through `readPicture`,
 * and the outcome names those it used (a draft's too, though they are not published).
 */
export const compileArticle = (
  { file, sidecar }: ArticleSource,
  settings: ContentSettings,
  warnings: ContentWarning[],
  readPicture: PictureReader,
): ArticleOutcome => {
  const id = articleId(file.name);
  if (!SAFE_ID.test(id)) return { kind: 'error', issue: { file: file.name, message: UNSAFE_NAME } };
  const used = new Set<string>();
  const picture = (name: string) => {
    used.add(name);
    return readPicture(name);
  };

  const decode = (source: SourceFile): string => {
    const { text, warnings: found } = decodeSource(source.bytes);
    for (const warning of found) warnings.push({ file: source.name, ...warning });
    return text;
  };

  /** The lead picture: a file from seeds/ gets its URL, size and type; a URL is kept as it is. */
  const leadImage = (image: ArticleImage | undefined, pictures: Map<string, ImageFile>): ArticleImage | undefined => {
    if (!image?.src || !isPictureFile(image.src)) return image;
    const name = image.src;
    const { image: read } = picture(name);
    pictures.set(name, read);
    if (read.width < MIN_LEAD_WIDTH) {
      warnings.push({
        file: file.name,
        kind: 'picture-narrow',
        message: `lead picture "${name}" is ${read.width} px wide; Dzen wants a cover at least ${MIN_LEAD_WIDTH} px wide`,
      });
    }
    const { src, width, height, type, length } = read;
    return { ...image, src, width, height, type, length };
  };

  const parse = (): Parsed => {
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
        const { image } = picture(name);
        pictures.set(name, image);
        return image;
      });
      const image = leadImage(metadata.image ? { alt: '', ...metadata.image } : undefined, pictures);
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
    let metadata: Metadata = { draft: false };
    if (sidecar) {
      try {
        metadata = parseMetadata(decode(sidecar));
      } catch (error) {
        throw new FileError(sidecar.name, error);
      }
    }
    const article = parsePlainText(text, { footerMarkers: settings.footerMarkers });
    let image = article.image || metadata.image ? { alt: '', ...article.image, ...metadata.image } : undefined;
    try {
      image = leadImage(image, pictures);
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

  try {
    const parsed = parse();
    if (parsed.metadata.draft) return { kind: 'draft', pictures: [...used] };
    return {
      kind: 'article',
      article: {
        ...buildArticle(id, file.name, parsed, settings, warnings),
        file: file.name,
        explicitSlug: Boolean(parsed.metadata.slug),
      },
      pictures: [...parsed.pictures.keys()],
    };
  } catch (error) {
    const inFile = error instanceof FileError ? error.file : file.name;
    const cause = error instanceof FileError ? error.cause : error;
    // Anything else a library throws is still this file's problem: name it, and go on to the others.
    const issue: ContentIssue =
      cause instanceof ContentError
        ? { file: inFile, ...(cause.line ? { line: cause.line } : {}), message: cause.message }
        : { file: inFile, message: `cannot be read: ${String(cause)}` };
    return { kind: 'error', issue };
  }
};

/**
 * Publication order, oldest first, ties by id: the order of positions in the
 * store, which never depends on the machine. Newest first is its exact reverse.
 */
export const comparePublication = (
  a: { published: number; id: string },
  b: { published: number; id: string },
): number => a.published - b.published || compare(a.id, b.id);

export interface CompileOptions {
  /** Told how many article files are done, before each and after the last: the build's progress line. */
  onProgress?: (articlesDone: number) => void;
}

/** Compiles a whole set of files held in memory, as the streaming build does one at a time: for tests and small corpora. */
export const compileArticles = (
  files: readonly SourceFile[],
  settings: ContentSettings,
  { onProgress }: CompileOptions = {},
): CompiledContent => {
  const errors: ContentIssue[] = [];
  const warnings: ContentWarning[] = [];
  const byName = new Map(files.map((file) => [file.name, file]));
  const sidecars = new Set<string>();

  // Pictures are read once each, however many articles show them; names are marked used even when reading fails.
  const pictureCache = new Map<string, { image: ImageFile; bytes: Uint8Array }>();
  const usedPictures = new Set<string>();
  const readPicture: PictureReader = (name) => {
    usedPictures.add(name);
    const cached = pictureCache.get(name);
    if (cached) return cached;
    const file = byName.get(name);
    if (!file) throw new ContentError(`picture "${name}" is not in seeds/`);
    const read = { image: readImage(name, file.bytes), bytes: file.bytes };
    pictureCache.set(name, read);
    return read;
  };

  const compiled: CompiledArticle[] = [];
  // Only published articles' pictures are published: a draft's stays private.
  const images = new Map<string, Uint8Array>();
  let drafts = 0;
  const ids = new Map<string, string>();
  let done = 0;

  for (const file of [...files].sort((a, b) => compare(a.name, b.name))) {
    if (!ARTICLE.test(file.name)) continue;
    onProgress?.(done++);
    const clash = ids.get(articleId(file.name).toLowerCase());
    if (clash) {
      errors.push(idClashError(file.name, clash));
      continue;
    }
    if (SAFE_ID.test(articleId(file.name))) ids.set(articleId(file.name).toLowerCase(), file.name);
    const sidecar = sidecarNames(file.name)
      .map((name) => byName.get(name))
      .find(Boolean);
    if (sidecar) sidecars.add(sidecar.name);
    const outcome = compileArticle({ file, ...(sidecar ? { sidecar } : {}) }, settings, warnings, readPicture);
    if (outcome.kind === 'draft') drafts++;
    else if (outcome.kind === 'error') errors.push(outcome.issue);
    else {
      compiled.push(outcome.article);
      for (const name of outcome.pictures) {
        const { image, bytes } = readPicture(name);
        images.set(image.src, bytes);
      }
    }
  }

  onProgress?.(done);

  for (const file of files) {
    if (ARTICLE.test(file.name) || sidecars.has(file.name) || usedPictures.has(file.name)) continue;
    if (isPictureFile(file.name)) warnings.push(unusedPictureWarning(file.name));
    else if (SIDECAR.test(file.name)) errors.push(sidecarError(file.name));
    else warnings.push(ignoredWarning(file.name));
  }

  const key = (entry: CompiledArticle) => ({ published: Date.parse(entry.meta.published), id: entry.meta.id });
  compiled.sort((a, b) => comparePublication(key(a), key(b)));
  const renamed = resolveSlugClashes({
    count: compiled.length,
    slug: (i) => compiled[i]!.meta.slug,
    explicit: (i) => compiled[i]!.explicitSlug,
    file: (i) => compiled[i]!.file,
    guid: (i) => compiled[i]!.meta.guid,
    errors,
    warnings,
  });
  for (const [i, slug] of renamed) compiled[i]!.meta = { ...compiled[i]!.meta, slug };
  for (const entry of compiled) {
    const fitted = fitIntoFeeds(entry, settings.pageSize);
    if (fitted.issue && 'kind' in fitted.issue) warnings.push(fitted.issue);
    else if (fitted.issue) errors.push(fitted.issue);
    entry.body = fitted.body;
  }
  compiled.reverse();
  return {
    articles: compiled.map((entry) => entry.meta),
    bodies: compiled.map((entry) => entry.body),
    images: [...images].map(([src, bytes]) => ({ src, bytes })).sort((a, b) => compare(a.src, b.src)),
    drafts,
    warnings: sortIssues(warnings),
    errors: errors.sort((a, b) => compare(a.file, b.file)),
  };
};

/** Issues in file order, then line order: the same on every machine. */
export const sortIssues = <T extends ContentIssue>(issues: T[]): T[] =>
  issues.sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));

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
  const page = typesetPage({ title: meta.title, summary: meta.summary, html }, meta.language);
  return {
    meta: { ...meta, title: page.title, summary: page.summary },
    body: {
      id,
      pageHtml: page.html,
      html,
      text,
      title: meta.title,
      summary: meta.summary,
      ...(dzenHtml ? { dzenHtml } : {}),
    },
  };
};

const kilobytes = (n: number) => Math.ceil(n / 1024);

/** The body feeds carry for an article too large for them: its summary and a link to its page (which shows it whole). */
export const shortenForFeeds = (meta: ArticleMeta, body: ArticleBody): ArticleBody => {
  // Dzen's copy of the text goes too: its feed then carries the same summary and link.
  const { dzenHtml: _, ...rest } = body;
  const link = `<a href="${paths.article(meta.slug)}">${escapeHtml(labelsFor(meta.language).readWholeArticle)}</a>`;
  return { ...rest, html: `<p>${escapeHtml(rest.summary)}</p>\n<p>${link}</p>`, text: rest.summary };
};

/**
 * An article whose feed item would overflow its share of a feed page is carried
 * in feeds as its summary and a link to its page (with a warning); one whose
 * other fields alone overflow it is refused (an error). Its slug must be final: the link names it.
 */
export const fitIntoFeeds = (
  entry: { meta: ArticleMeta; body: ArticleBody; file: string },
  pageSize: number,
): { body: ArticleBody; issue?: ContentWarning | ContentIssue } => {
  const budget = feedItemBudget(pageSize);
  const size = feedItemBytes(entry.meta, entry.body);
  if (size <= budget) return { body: entry.body };
  const body = shortenForFeeds(entry.meta, entry.body);
  const limit = `at most ${kilobytes(budget)} KB with FEED_PAGE_SIZE = ${pageSize}`;
  const shortened = feedItemBytes(entry.meta, body);
  if (shortened > budget) {
    return {
      body,
      issue: {
        file: entry.file,
        message: `its title, summary, tags and other fields alone take ${kilobytes(shortened)} KB of a feed item; ${limit}: shorten them`,
      },
    };
  }
  return {
    body,
    issue: {
      file: entry.file,
      kind: 'summary-in-feeds',
      message: `too large for a feed item (${kilobytes(size)} KB; ${limit}): feeds carry its summary and a link to its page`,
    },
  };
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

/** The articles whose slugs are checked, in publication order, oldest first: each asked for by position. */
export interface SlugClaims {
  count: number;
  slug: (position: number) => string;
  explicit: (position: number) => boolean;
  file: (position: number) => string;
  guid: (position: number) => string;
  errors: ContentIssue[];
  warnings: ContentWarning[];
}

/**
 * Two explicit slugs that clash are an error. A derived slug that clashes
 * (long titles share their first 80 characters; news repeats headlines) gets
 * a suffix from the article's guid, so it never changes when others are added;
 * longer if even that is taken, so that slugs are unique after suffixing, always.
 * The explicit one, else the oldest article, keeps the plain slug. Returns the
 * suffixed slugs by position.
 *
 * It holds no map of every slug (a million were some 40 MB, beside the slugs
 * themselves): a 52-bit key per article finds the few whose slugs may be equal,
 * and only those, and the suffixed slugs, are held as strings. Every other slug
 * is its article's alone, claimed in its turn: by an explicit one at once, by a
 * derived one when its position comes.
 */
export const resolveSlugClashes = (articles: SlugClaims): Map<number, string> => {
  const { count, slug, explicit, file, errors, warnings } = articles;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = stringKey(slug(i));
  const sorted = SortedKeys.of(keys);
  const shared = sorted.shared();
  // Slugs claimed by articles whose key is shared, and suffixed slugs: the only owners held.
  const claimed = new Map<string, number>();
  const claimedKeys = new Set<number>();
  const claim = (value: string, position: number) => {
    claimed.set(value, position);
    claimedKeys.add(stringKey(value));
  };
  /** The owner of `value` when `position`'s turn comes, if any. */
  const ownerOf = (value: string, position: number): number | undefined => {
    const key = stringKey(value);
    if (claimedKeys.has(key) && claimed.has(value)) return claimed.get(value);
    // Otherwise only an article whose key no other shares can hold it, as its own slug: it owns it if
    // explicit, or if its turn has come (a derived one later in order yields to this suffixed slug).
    if (shared.has(key) || !sorted.has(key)) return undefined;
    const other = keys.indexOf(key);
    return other !== -1 && slug(other) === value && (explicit(other) || other < position) ? other : undefined;
  };

  for (let i = 0; i < count; i++) {
    if (!explicit(i) || !shared.has(keys[i]!)) continue;
    const value = slug(i);
    const other = claimed.get(value);
    if (other !== undefined)
      errors.push({
        file: file(i),
        message: `duplicate slug "${value}" (also ${file(other)}): set a different "slug" in its metadata`,
      });
    else claim(value, i);
  }
  const renamed = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    if (explicit(i)) continue;
    const isShared = shared.has(keys[i]!);
    // An unshared slug can only be taken by a suffixed one: its key says when to look.
    if (!isShared && !claimedKeys.has(keys[i]!)) continue;
    const value = slug(i);
    const other = claimed.get(value);
    if (other === undefined) {
      if (isShared) claim(value, i);
      continue;
    }
    // The suffix grows until the slug is free: another article may own it, explicitly or by its own title.
    const hex = articles
      .guid(i)
      .replace(/^urn:uuid:/, '')
      .replaceAll('-', '');
    let length = 6;
    while (ownerOf(`${value}-${hex.slice(-length)}`, i) !== undefined && length < hex.length) length += 2;
    const suffixed = `${value}-${hex.slice(-length)}`;
    if (ownerOf(suffixed, i) !== undefined) {
      errors.push({ file: file(i), message: `no free slug for "${value}": set "slug" in its metadata` });
      continue;
    }
    warnings.push({
      file: file(i),
      kind: 'slug-suffixed',
      message: `slug "${value}" is taken by ${file(other)}: using "${suffixed}"`,
    });
    renamed.set(i, suffixed);
    claim(suffixed, i);
  }
  return renamed;
};

/** Locale-independent ordering, so output never depends on the machine. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A ContentError raised while reading a file other than the article itself (its sidecar). */
class FileError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(String(cause), { cause });
    this.file = file;
  }
}
