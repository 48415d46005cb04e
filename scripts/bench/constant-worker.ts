/** The constant Worker: the floor every figure is set against. */

/** A response as our Worker gave it, replayed byte for byte. */
export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The source of a Worker that answers each captured URL (path and query) with
 * the bytes ours gave, from constants: the floor for any handler. It runs over
 * the same static assets, unread; our Worker's script holds no content either.
 */
export const constantWorker = (responses: Record<string, CapturedResponse>): string =>
  `const RESPONSES = ${JSON.stringify(responses)};
const encoder = new TextEncoder();
const BODIES = Object.fromEntries(Object.entries(RESPONSES).map(([k, r]) => [k, encoder.encode(r.body)]));
export default {
  fetch(request) {
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    const r = RESPONSES[key];
    if (!r) return new Response('not in bench', { status: 404 });
    return new Response(BODIES[key], { status: r.status, headers: r.headers });
  },
};
`;
