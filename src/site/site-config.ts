/**
 * The site's settings: one schema for wrangler.toml's [vars], which the
 * content build checks before it writes anything and the Worker reads once per isolate.
 */
import * as v from 'valibot';
import { isValidTimeZone } from '../content/zoned-date.ts';
import { xmlCharacters } from '../feeds/xml-text.ts';

// These settings are written into every feed, sitemap and page: a character XML cannot carry
// (a control character but tab and line breaks) would make them ill-formed.
const xmlSafe = v.check((value: string) => xmlCharacters(value) === value, 'must not contain control characters');

const text = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'), xmlSafe);

/**
 * A language tag's canonical spelling (BCP 47 as Intl writes it: "en-gb" → "en-GB"), or
 * undefined when it is none. The language itself must be an ISO 639 code of 2 or 3
 * letters: BCP 47 also admits 5 to 8 letters, so "english" would pass Intl alone.
 */
export const canonicalLocale = (value: string): string | undefined => {
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    return tag && /^[a-z]{2,3}(?:-|$)/.test(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
};

const HUB = 'must be an https URL or empty';
const MARKERS = 'must be a list of lines that are not blank';
const TIME_ZONE = 'must be an IANA time zone such as Europe/Moscow';

export const SiteConfigSchema = v.pipe(
  v.object({
    SITE_URL: v.pipe(
      text,
      v.url('must be an absolute URL such as https://news.example.com'),
      v.check(
        (value) => /^https?:\/\//.test(value) && !new URL(value).search && !new URL(value).hash,
        'must be an http(s) address without ?query or #fragment',
      ),
      // One canonical spelling (the URL parser's: lower-case host, path percent-encoded), with no
      // trailing slash, so paths append cleanly; a path is kept: the site lives under it.
      v.transform((value) => new URL(value).href.replace(/\/+$/, '')),
    ),
    SITE_TITLE: text,
    SITE_DESCRIPTION: text,
    SITE_LANGUAGE: v.pipe(
      text,
      v.check((value) => canonicalLocale(value) !== undefined, 'must be a language tag such as ru or en-GB'),
      v.transform((value) => canonicalLocale(value)!),
    ),
    SITE_AUTHOR: text,
    SITE_TIME_ZONE: v.pipe(text, v.check(isValidTimeZone, TIME_ZONE)),
    FEED_PAGE_SIZE: v.pipe(
      text,
      v.toNumber('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(100, 'must be at most 100'),
    ),
    SITE_COPYRIGHT: v.optional(v.pipe(v.string('must be text'), v.trim(), xmlSafe), ''),
    WEBSUB_HUB: v.optional(
      v.union([v.literal(''), v.pipe(v.string(), v.url(HUB), v.startsWith('https://', HUB))], HUB),
      '',
    ),
    CONTENT_FOOTER_MARKERS: v.optional(
      v.array(
        v.pipe(
          v.string(MARKERS),
          v.check((marker) => marker.trim() !== '', MARKERS),
        ),
        MARKERS,
      ),
      [],
    ),
  }),
  v.transform((vars) => ({
    /** Public origin (and optional path) with no trailing slash: every link is built from it. */
    url: vars.SITE_URL,
    title: vars.SITE_TITLE,
    description: vars.SITE_DESCRIPTION,
    /** Canonical BCP 47 tag: the pages' lang, the feeds' language, the labels' language. */
    language: vars.SITE_LANGUAGE,
    /** Author of articles that name none. */
    author: vars.SITE_AUTHOR,
    /** IANA zone for dates without an offset and for dates shown on pages. */
    timeZone: vars.SITE_TIME_ZONE,
    /** Items per feed page and per listing page. */
    pageSize: vars.FEED_PAGE_SIZE,
    /** Lines that start the boilerplate dropped from plain-text articles (the content build's concern). */
    footerMarkers: vars.CONTENT_FOOTER_MARKERS,
    /** Rights statement for the feeds, if any. */
    ...(vars.SITE_COPYRIGHT ? { copyright: vars.SITE_COPYRIGHT } : {}),
    /** WebSub hub the feeds advertise, if any. */
    ...(vars.WEBSUB_HUB ? { hub: vars.WEBSUB_HUB } : {}),
  })),
);

export type SiteConfig = v.InferOutput<typeof SiteConfigSchema>;

/**
 * The Worker's: the same but for the time zone, checked where dates are formatted (timeZoneError): checking
 * one builds an Intl.DateTimeFormat, which cost a fresh isolate's first request more than all the other
 * settings together (0.1–0.3 ms in Node's V8), and most URLs (feeds, sitemaps) show no local date.
 */
const [settings, toSiteConfig] = SiteConfigSchema.pipe;
const WorkerSettingsSchema = v.pipe(v.object({ ...settings.entries, SITE_TIME_ZONE: text }), toSiteConfig);

export interface SettingProblem {
  setting: string;
  reason: string;
}

/**
 * Every bad setting at once: a stable first line that names them, then a line each,
 * as the owner finds it: `wrangler.toml: [vars] FEED_PAGE_SIZE: must be at least 1, not "0"`.
 */
export class SiteConfigError extends Error {
  readonly problems: readonly SettingProblem[];
  constructor(problems: readonly SettingProblem[]) {
    const names = problems.map(({ setting }) => setting).join(', ');
    super(
      [
        `invalid site setting${problems.length > 1 ? 's' : ''} ${names} (see "Settings" in README.md):`,
        ...problems.map(({ setting, reason }) => `wrangler.toml: [vars] ${setting}: ${reason}`),
      ].join('\n'),
    );
    this.name = 'SiteConfigError';
    this.problems = problems;
  }
}

/** Checks the settings as wrangler.toml's [vars] (or the Worker's env) holds them; throws a SiteConfigError naming every bad one. */
export const parseSiteConfig = (
  vars: unknown,
  schema: typeof SiteConfigSchema | typeof WorkerSettingsSchema = SiteConfigSchema,
): SiteConfig => {
  // abortPipeEarly: one reason per setting, the first that applies.
  const result = v.safeParse(schema, vars, { abortPipeEarly: true });
  if (result.success) return result.output;
  const problems = new Map<string, string>();
  for (const issue of result.issues) {
    const setting = String(issue.path?.[0]?.key ?? '[vars]');
    if (problems.has(setting)) continue;
    const value = (vars as Record<string, unknown> | undefined)?.[setting];
    // A missing setting is reported by the object, not by the setting's own schema.
    if (value === undefined) problems.set(setting, 'is missing');
    else if (issue.type === 'non_empty') problems.set(setting, issue.message);
    else problems.set(setting, `${issue.message}, not ${JSON.stringify(value)}`);
  }
  throw new SiteConfigError([...problems].map(([setting, reason]) => ({ setting, reason })));
};

const cache = new WeakMap<object, SiteConfig>();

/** The error for a time zone that the Worker's settings let through, from where it is first used. */
export const timeZoneError = (timeZone: string): SiteConfigError =>
  new SiteConfigError([{ setting: 'SITE_TIME_ZONE', reason: `${TIME_ZONE}, not ${JSON.stringify(timeZone)}` }]);

/**
 * The Worker's settings, checked once per isolate (the content build has checked them all before deploy),
 * the time zone where it is first used.
 */
export const siteConfig = (env: Env): SiteConfig => {
  let config = cache.get(env);
  if (!config) {
    config = parseSiteConfig(env, WorkerSettingsSchema);
    cache.set(env, config);
  }
  return config;
};
