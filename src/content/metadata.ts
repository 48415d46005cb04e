/** Reads and validates an article's metadata: a YAML sidecar or Markdown front matter. */

import { loadAll, YAMLException } from 'js-yaml';
import * as v from 'valibot';
import { canonicalLocale } from '../site/site-config.ts';
import { isBlank, withoutHiddenCharacters } from './invisible-characters.ts';
import { isPictureFile } from './read-image.ts';
import { slugify } from './slug.ts';
import { ContentError } from './types.ts';
import { parseDateTime } from './zoned-date.ts';

const dateField = v.pipe(
  v.string('must be a date such as 2022-11-28 or 2022-11-28T15:30:00+03:00'),
  v.trim(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const parsed = parseDateTime(dataset.value);
    if (typeof parsed === 'string')
      addIssue({
        message: `"${dataset.value}" is not a valid date: ${parsed} (use 2022-11-28 or 2022-11-28T15:30:00+03:00)`,
      });
  }),
);

// Checked as the site's own language is (by Intl, which formats the article's dates and labels later).
const languageTag = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (value) => canonicalLocale(value) !== undefined,
    (issue) => `"${issue.input}" is not a language tag such as ru or en-GB`,
  ),
  v.transform((value) => canonicalLocale(value)!),
);

const text = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => !isBlank(value), 'must not be empty'),
);

// A tag names a page (/tags/<slug>) and an Atom category term, an XML
// attribute that the feed library cannot escape "<" in.
const tag = v.pipe(
  text,
  v.check(
    (value) => !value.includes('<'),
    (issue) => `tag "${issue.input}" must not contain "<"`,
  ),
  v.check(
    (value) => slugify(value) !== '',
    (issue) => `tag "${issue.input}" needs a letter or digit`,
  ),
);

/**
 * An absolute https URL with a host, normalised (non-ASCII percent-encoded), or undefined. Not http: pages are
 * served over https, where an http picture is mixed content, and their Content-Security-Policy loads none.
 */
export const absoluteHttpsUrl = (value: string): string | undefined => {
  if (!/^https:\/\/[^/\\]/i.test(value) || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.hostname === '' ? undefined : url.href;
};

/** What a picture may be: the site publishes those in seeds/ itself, under URLs of its choosing. */
export const IMAGE_SOURCES = 'a picture file in seeds/ (photo.jpg) or an absolute https URL';

// A picture beside the article in seeds/ (read and published by the build), or an
// absolute URL elsewhere. Nothing that could run script, and nothing root-relative,
// which would point at a page of this site (and "/\\host" at another site).
const imageSource = v.pipe(
  text,
  v.check((value) => isPictureFile(value) || absoluteHttpsUrl(value) !== undefined, `must be ${IMAGE_SOURCES}`),
  v.transform((value) => (isPictureFile(value) ? value : absoluteHttpsUrl(value)!)),
);

export const MetadataSchema = v.strictObject({
  title: v.optional(text),
  date: v.optional(dateField),
  updated: v.optional(dateField),
  author: v.optional(text),
  tags: v.optional(
    v.pipe(
      v.union(
        [
          v.array(v.string()),
          v.pipe(
            v.string(),
            v.transform((value) => value.split(',')),
          ),
        ],
        'must be a list of tags',
      ),
      // Shown as short labels: nothing in them may hide or reorder text.
      v.transform((tags) => tags.map((name) => withoutHiddenCharacters(name).trim()).filter((name) => name !== '')),
      v.array(tag),
    ),
  ),
  slug: v.optional(
    v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')),
  ),
  summary: v.optional(text),
  image: v.optional(
    v.pipe(
      v.unknown(),
      v.transform((value) => (typeof value === 'string' ? { src: value } : value)),
      v.strictObject(
        { src: imageSource, alt: v.optional(text), caption: v.optional(text) },
        `must be ${IMAGE_SOURCES}, or { src, alt, caption }`,
      ),
    ),
  ),
  source: v.optional(text),
  language: v.optional(languageTag),
  draft: v.optional(v.boolean('must be true or false'), false),
});

export type Metadata = v.InferOutput<typeof MetadataSchema>;

/** Aliases a document may use: metadata needs none, and js-yaml never expands them (an alias bomb stays a small graph). */
const MAX_ALIASES = 100;

/** The document's value, or a ContentError with the line of the file it points at. */
const loadYaml = (yaml: string, firstLine: number): unknown => {
  let documents: unknown[];
  try {
    // YAML 1.2's core schema (js-yaml's default): dates stay text, for the schema to read with their offsets.
    documents = loadAll(yaml, { maxAliases: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw new ContentError(`malformed YAML: ${error.reason}`, (error.mark?.line ?? 0) + firstLine);
  }
  if (documents.length > 1)
    throw new ContentError('malformed YAML: more than one document (a second "---")', firstLine);
  // No document at all (an empty sidecar, or comments only) is no metadata.
  return documents[0] ?? {};
};

/** The file line of a top-level key written in block style (`key:` at the start of a line), or undefined. */
const keyLine = (yaml: string, key: string, firstLine: number): number | undefined => {
  const at = yaml
    .split('\n')
    .findIndex((line) =>
      [key, `"${key}"`, `'${key}'`].some(
        (written) => line.startsWith(written) && /^\s*:/.test(line.slice(written.length)),
      ),
    );
  return at === -1 ? undefined : at + firstLine;
};

/**
 * Parses YAML metadata. `firstLine` is the file line the YAML starts on, so
 * that every message points into the file the author edits.
 */
export const parseMetadata = (yaml: string, firstLine = 1): Metadata => {
  const result = v.safeParse(MetadataSchema, loadYaml(yaml, firstLine));
  if (result.success) return result.output;

  const issue = result.issues[0];
  const key = issue.path?.[0]?.key;
  if (typeof key !== 'string') {
    throw new ContentError(`metadata must be a YAML mapping of fields: ${issue.message}`, firstLine);
  }
  const message = issue.type === 'strict_object' ? `unknown metadata field "${key}"` : `"${key}" ${issue.message}`;
  throw new ContentError(message, keyLine(yaml, key, firstLine) ?? firstLine);
};
