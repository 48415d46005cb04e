/**
 * The pages' Content-Security-Policy: no script at all, and only the inline
 * stylesheet, allowed by its hash so that pages stay cacheable (no nonces).
 * JSON-LD is a data block, which CSP does not treat as script.
 */
import { STYLESHEET } from './stylesheet.ts';

let policy: Promise<string> | undefined;

const sha256Base64 = async (text: string): Promise<string> => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
};

/** Computed once per isolate. */
export const contentSecurityPolicy = (): Promise<string> =>
  (policy ??= sha256Base64(STYLESHEET).then((hash) =>
    [
      "default-src 'none'",
      `style-src 'sha256-${hash}'`,
      "img-src 'self' https: data:",
      "script-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  ));
