/** Starts `wrangler dev` on a loopback port for tests and the load script, and stops it with all its children. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { projectRoot } from './wrangler-config.ts';

export interface DevServer {
  url: string;
  stop: () => void;
}

/** A loopback port nothing listens on now, so parallel runs (several checkouts, CI) never collide. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const startDevServer = async (port?: number, timeoutMs = 90_000): Promise<DevServer> => {
  port ??= await freePort();
  const inspectorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--var',
      `SITE_URL:${url}`,
    ],
    {
      cwd: projectRoot,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      stdio: 'ignore',
      // Its own process group, so stop() ends workerd and esbuild with it.
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/robots.txt`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stop();
  throw new Error(`wrangler dev did not answer on ${url} within ${timeoutMs / 1000} s`);
};
