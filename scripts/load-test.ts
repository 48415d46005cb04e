/**
 * A bounded load test against `wrangler dev` on loopback: mixed routes,
 * conditional requests included (HEAD is left out: autocannon waits for a body after one). Reports requests/s, p99 and errors; fails
 * on any error or 5xx. Not part of `npm test`.
 *
 *   npm run load [-- --duration 10 --connections 50]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startDevServer } from './dev-server.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '8799' },
  },
});
const { url: base, stop } = await startDevServer(Number(values.port));

try {
  const etag = async (path: string) => (await fetch(`${base}${path}`)).headers.get('ETag') ?? '';
  const slug = /href="\/articles\/([^"]+)"/.exec(await (await fetch(`${base}/`)).text())?.[1] ?? 'missing';
  const requests = [
    { path: '/' },
    { path: `/articles/${slug}` },
    { path: '/rss.xml' },
    { path: '/atom.xml' },
    { path: '/feed.json', headers: { origin: 'https://app.example' } },
    { path: '/rss.xml', headers: { 'if-none-match': await etag('/rss.xml') } },
    { path: '/feed.json', headers: { 'if-none-match': `W/${await etag('/feed.json')}` } },
    { path: '/feed', headers: { accept: 'application/atom+xml' } },
    { path: '/feeds.opml' },
    { path: '/rss.xml?page=abc' },
    { path: '/nope' },
    { path: '/RSS.xml' },
    { path: '/rss.xml', method: 'POST' as const },
  ];
  const result = await autocannon({
    url: base,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests,
  });
  const summary = {
    routes: requests.length,
    requests: result.requests.total,
    'requests/s (mean)': Math.round(result.requests.average),
    'latency p50 ms': result.latency.p50,
    'latency p99 ms': result.latency.p99,
    '2xx': result['2xx'],
    '3xx': result['3xx'],
    '4xx': result['4xx'],
    '5xx': result['5xx'],
    errors: result.errors,
    timeouts: result.timeouts,
  };
  console.table(summary);
  const failed = result['5xx'] > 0 || result.errors > 0 || result.timeouts > 0;
  console.log(failed ? 'load: FAILED (errors, timeouts or 5xx)' : 'load: ok (no errors, no 5xx)');
  process.exitCode = failed ? 1 : 0;
} finally {
  stop();
}
