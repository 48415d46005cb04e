/**
 * `npm run deploy`: `wrangler deploy`, then a WebSub ping for every feed whose bytes the deploy changed.
 *
 *   node scripts/deploy.ts [wrangler deploy options]
 *
 * "Changed" is read from the live site, not guessed: each feed's ETag (a hash
 * of its bytes, the same in every isolate) just before and just after the
 * deploy. That compares what subscribers actually get, whatever the cause (an
 * article, a setting, the code, a scheduled publication), and keeps no state
 * between deploys, so it holds when several people or CI deploy. A manifest of
 * ETags written by the build could not: the build does not render feeds, and
 * what a feed shows also depends on the instant it is read.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { feedPaths } from '../src/feeds/feed-topics.ts';
import { type PingOptions, type PingResult, pingHub, summarizePing } from '../src/http/websub-ping.ts';
import { absoluteUrl } from '../src/site/paths.ts';
import { siteConfig } from '../src/site/site-config.ts';
import { storePaths } from '../src/site/store-layout.ts';
import { buildContent, DEFAULT_BUILD } from './content-build.ts';
import { projectRoot, readWranglerConfig } from './wrangler-config.ts';

/** A feed's ETag (weak or strong, compared as strong), or null when it does not answer 200. */
export type Etags = Map<string, string | null>;

// A query parameter the Worker ignores, new for each round: the request misses
// every cache (Workers Cache keys on the URL) and reaches the Worker itself.
const CACHE_BUSTER = 'websub-check';

/** Reads the live ETag of each feed, a few at a time. */
export const liveEtags = async (
  urls: readonly string[],
  send: typeof fetch = fetch,
  round = Date.now().toString(36),
): Promise<Etags> => {
  const etags: Etags = new Map();
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const probe = new URL(url);
      probe.searchParams.set(CACHE_BUSTER, round);
      try {
        const response = await send(probe, { method: 'HEAD' });
        await response.body?.cancel();
        etags.set(url, response.ok ? (response.headers.get('ETag')?.replace(/^W\//, '') ?? null) : null);
      } catch {
        etags.set(url, null);
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return etags;
};

const sameEtags = (a: Etags, b: Etags) => [...a].every(([url, etag]) => b.get(url) === etag);

export interface SettleOptions {
  /** Wait before the first look: a deploy reaches every Cloudflare location within seconds. */
  firstMs: number;
  /** Between looks; done when two in a row agree. */
  intervalMs: number;
  /** Give up waiting for agreement after this long, and use the last look. */
  timeoutMs: number;
}

export const DEFAULT_SETTLE: SettleOptions = { firstMs: 5000, intervalMs: 5000, timeoutMs: 60_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The ETags once the new version answers steadily: two looks in a row that agree. */
export const settledEtags = async (urls: readonly string[], settle: SettleOptions, send?: typeof fetch) => {
  const deadline = Date.now() + settle.timeoutMs;
  await sleep(settle.firstMs);
  let last = await liveEtags(urls, send);
  while (Date.now() < deadline) {
    await sleep(settle.intervalMs);
    const next = await liveEtags(urls, send);
    if (sameEtags(last, next)) return next;
    last = next;
  }
  return last;
};

/** The feeds that answer after the deploy with other bytes than before it (a new feed included; a gone one is not). */
export const changedFeeds = (before: Etags, after: Etags): string[] =>
  [...after].filter(([url, etag]) => etag !== null && before.get(url) !== etag).map(([url]) => url);

export interface DeployAndPingOptions {
  /** Absolute URLs of every feed the site may have after the deploy. */
  feeds: readonly string[];
  hub: string | undefined;
  /** Runs the deploy; resolves to its exit code. */
  deploy: () => Promise<number>;
  settle?: SettleOptions;
  ping?: PingOptions;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface DeployOutcome {
  exitCode: number;
  changed: string[];
  ping?: PingResult;
}

export const deployAndPing = async (options: DeployAndPingOptions): Promise<DeployOutcome> => {
  const { feeds, hub, deploy, settle = DEFAULT_SETTLE, log = console.log } = options;
  if (!hub) {
    const exitCode = await deploy();
    if (exitCode === 0)
      log('websub: no WEBSUB_HUB set in wrangler.toml, so no hub to tell; readers see changes when they poll');
    return { exitCode, changed: [] };
  }
  const before = await liveEtags(feeds, options.fetch);
  const exitCode = await deploy();
  if (exitCode !== 0) return { exitCode, changed: [] };
  log(`websub: comparing ${feeds.length} feeds with what they served before the deploy…`);
  const changed = changedFeeds(before, await settledEtags(feeds, settle, options.fetch));
  if (changed.length === 0) {
    log('websub: no feed changed, nothing to ping');
    return { exitCode, changed };
  }
  const ping = await pingHub(hub, changed, { ...(options.fetch ? { fetch: options.fetch } : {}), ...options.ping });
  log(`websub: ${summarizePing(hub, ping)}`);
  if (ping.unreachable)
    log('websub: the deploy itself succeeded; subscribers will see the changes when their readers next poll');
  return { exitCode, changed, ping };
};

const runWrangler = (args: readonly string[]): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn('npx', ['wrangler', 'deploy', ...args], { cwd: projectRoot, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });

if (import.meta.main) {
  const args = process.argv.slice(2);
  // A dry run publishes nothing, so there is nothing to tell a hub.
  if (args.includes('--dry-run')) process.exit(await runWrangler(args));
  // The Worker's own reading of the settings: the same URL and hub it advertises.
  const site = siteConfig((await readWranglerConfig()).vars as unknown as Env);
  // The feeds the deploy will publish: the tags come from the content it deploys.
  const { errors } = await buildContent({ ...DEFAULT_BUILD, quiet: true });
  if (errors > 0) process.exit(1);
  // The store's tag list: [slug, name, …] for every tag, scheduled ones' too (a feed that answers no 200 yet is skipped).
  const tagList = JSON.parse(await readFile(join(DEFAULT_BUILD.assets, storePaths.tagList), 'utf8')) as [string][];
  const feeds = feedPaths(tagList.map(([slug]) => slug)).map((path) => absoluteUrl(site.url, path));
  const { exitCode } = await deployAndPing({ feeds, hub: site.hub, deploy: () => runWrangler(args) });
  process.exitCode = exitCode;
}
