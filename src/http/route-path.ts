/**
 * The path the router matches: the request's path inside SITE_URL's path, so a site configured
 * as `https://example.com/blog` (a Worker route `example.com/blog/*`) answers `/blog/rss.xml` as `/rss.xml`.
 */
import { getPath } from 'hono/utils/url';
import { basePath } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';

/** What the router sees for a request outside SITE_URL's path: no route has a NUL in it, so it is not found. */
export const OUTSIDE_SITE = '/\u0000';

const decodedBasePaths = new WeakMap<object, string>();

const decodedBasePath = (env: Env): string => {
  let base = decodedBasePaths.get(env);
  if (base === undefined) {
    try {
      // Hono decodes the request's path with decodeURI; the base is compared in the same form.
      base = decodeURI(basePath(siteConfig(env).url));
    } catch {
      // A broken setting: route as at the root, and let the route's handler report the setting.
      base = '';
    }
    decodedBasePaths.set(env, base);
  }
  return base;
};

export const routePath = (request: Request, options?: { env?: Env }): string => {
  const path = getPath(request);
  const base = options?.env ? decodedBasePath(options.env) : '';
  if (base === '') return path;
  if (path.startsWith(`${base}/`)) return path.slice(base.length);
  return OUTSIDE_SITE;
};
