/** The Hono environment of this Worker: its bindings, as `wrangler types` declares them. */
import type { Context } from 'hono';

export type AppEnv = { Bindings: Env };

export type AppContext = Context<AppEnv>;
