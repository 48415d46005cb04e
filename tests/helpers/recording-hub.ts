/**
 * A WebSub hub on loopback that records what publishers send it (W3C WebSub
 * §7 leaves publishing to the hub; hubs take `hub.mode=publish` and `hub.url`
 * as a form post) and answers with the statuses a test scripts.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubRequest {
  method: string;
  contentType: string;
  mode: string | null;
  topics: string[];
  status: number;
}

export interface RecordingHub {
  url: string;
  received: HubRequest[];
  /** The next publish requests get these statuses, in order, before 204 again. */
  script(statuses: number[]): void;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * Besides publish requests on `/`, `GET /received` lists what it recorded and
 * `POST /script` (a JSON list of statuses) scripts its answers: tests running
 * inside workerd reach the hub only through HTTP.
 */
export const startRecordingHub = async (): Promise<RecordingHub> => {
  const received: HubRequest[] = [];
  const queue: number[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.url === '/received') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(received));
      return;
    }
    if (request.url === '/script') {
      received.length = 0;
      queue.splice(0, queue.length, ...(JSON.parse(body || '[]') as number[]));
      response.writeHead(204).end();
      return;
    }
    const form = new URLSearchParams(body);
    const status = queue.shift() ?? 204;
    received.push({
      method: request.method ?? '',
      contentType: request.headers['content-type'] ?? '',
      mode: form.get('hub.mode'),
      topics: form.getAll('hub.url'),
      status,
    });
    response.writeHead(status, status === 429 ? { 'Retry-After': '0' } : {}).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    script: (statuses) => queue.splice(0, queue.length, ...statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
