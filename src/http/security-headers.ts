/** The security headers every response carries, defined once: baked into rendered responses, added to the rest. */
import type { MiddlewareHandler } from 'hono';

export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // Feeds are read by web apps on other origins; nothing here is secret.
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Origin-Agent-Cluster', '?1'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
];

/** Adds the security headers to responses that do not carry them yet: errors, redirects, 405s, preflights. */
export const securityHeaders = (): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    await next();
    // Rendered responses have them baked in; one lookup tells.
    if (c.res.headers.has('X-Content-Type-Options')) return;
    for (const [name, value] of SECURITY_HEADERS) c.res.headers.set(name, value);
  };
