/**
 * Answers a picture's URL when the Worker is asked for it: for a site under a
 * path (`/blog/images/…`), which wrangler.toml's `!/images/*` does not match.
 * At the root of a host, the assets layer serves pictures without the Worker.
 */
import type { AppContext } from '../http/app-env.ts';
import { IMMUTABLE_CACHE_CONTROL } from '../http/cache-policy.ts';
import { paths } from '../site/paths.ts';

// Content-addressed names only (src/content/read-image.ts): nothing else is read from the assets.
const IMAGE_FILE = /^[0-9a-f]{16}\.(jpeg|png|webp|avif)$/;

// The assets binding ignores the host; any origin will do.
const ASSET_ORIGIN = 'https://assets.invalid';

export const serveImage = async (c: AppContext): Promise<Response> => {
  const file = c.req.param('file') ?? '';
  if (!IMAGE_FILE.test(file)) return c.notFound();
  // The assets layer answers the conditional request itself, with its own ETag.
  const conditional = c.req.header('If-None-Match');
  const asset = await c.env.ASSETS.fetch(
    new Request(
      `${ASSET_ORIGIN}${paths.image(file)}`,
      conditional ? { headers: { 'If-None-Match': conditional } } : {},
    ),
  );
  if (asset.status !== 200 && asset.status !== 304) {
    await asset.body?.cancel();
    return c.notFound();
  }
  const headers = new Headers({ 'Cache-Control': IMMUTABLE_CACHE_CONTROL });
  for (const name of ['Content-Type', 'Content-Length', 'ETag']) {
    const value = asset.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(asset.status === 304 ? null : asset.body, { status: asset.status, headers });
};
