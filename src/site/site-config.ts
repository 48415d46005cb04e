/** The site's settings, read once per isolate from wrangler.toml's [vars] and checked. */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty());

const SiteConfigSchema = v.object({
  SITE_URL: v.pipe(
    text,
    v.url(),
    v.check(
      (value) => /^https?:\/\//.test(value) && !new URL(value).search && !new URL(value).hash,
      'must be an http(s) origin or path',
    ),
    // One canonical spelling (the URL parser's: lower-case host, path percent-encoded), with no
    // trailing slash, so paths append cleanly; a path is kept: the site lives under it.
    v.transform((value) => new URL(value).href.replace(/\/+$/, '')),
  ),
  SITE_TITLE: text,
  SITE_DESCRIPTION: text,
  SITE_LANGUAGE: v.pipe(text, v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)),
  SITE_AUTHOR: text,
  SITE_TIME_ZONE: text,
  FEED_PAGE_SIZE: v.pipe(text, v.toNumber(), v.integer(), v.minValue(1), v.maxValue(100)),
  SITE_COPYRIGHT: v.optional(v.pipe(v.string(), v.trim()), ''),
  WEBSUB_HUB: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.url(), v.startsWith('https://'))]), ''),
});

export interface SiteConfig {
  /** Public origin (and optional path) with no trailing slash: every link is built from it. */
  url: string;
  title: string;
  description: string;
  language: string;
  author: string;
  timeZone: string;
  pageSize: number;
  /** Rights statement for the feeds, if any. */
  copyright?: string;
  /** WebSub hub the feeds advertise, if any. */
  hub?: string;
}

const cache = new WeakMap<object, SiteConfig>();

export const siteConfig = (env: Env): SiteConfig => {
  let config = cache.get(env);
  if (config) return config;
  const result = v.safeParse(SiteConfigSchema, env);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`invalid site setting ${v.getDotPath(issue) ?? ''}: ${issue.message}`);
  }
  const vars = result.output;
  config = {
    url: vars.SITE_URL,
    title: vars.SITE_TITLE,
    description: vars.SITE_DESCRIPTION,
    language: vars.SITE_LANGUAGE,
    author: vars.SITE_AUTHOR,
    timeZone: vars.SITE_TIME_ZONE,
    pageSize: vars.FEED_PAGE_SIZE,
    ...(vars.SITE_COPYRIGHT ? { copyright: vars.SITE_COPYRIGHT } : {}),
    ...(vars.WEBSUB_HUB ? { hub: vars.WEBSUB_HUB } : {}),
  };
  cache.set(env, config);
  return config;
};
