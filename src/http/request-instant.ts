/** The one clock read of a request: the instant that decides what is published yet. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * Sets `c.var.now`. Workers fix Date.now() for the whole request (it moves only
 * on I/O, as a Spectre mitigation), so one read per request is exact enough,
 * and every part of a response agrees on what is published. Nothing a client
 * sends can move it: no header or parameter is consulted.
 */
export const requestInstant = (): MiddlewareHandler<AppEnv> =>
  async function requestInstant(c, next) {
    c.set('now', Date.now());
    await next();
  };
