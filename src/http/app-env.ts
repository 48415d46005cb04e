/** The Hono environment of this Worker: its bindings, as `wrangler types` declares them, and per-request values. */
import type { Context } from 'hono';

export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** The request's instant (ms since the epoch): what is published is decided by it alone. */
    now: number;
  };
};

export type AppContext = Context<AppEnv>;
