/**
 * The seed as the Worker serves it, in each format, compared byte for byte
 * with tests/fixtures/seed.*: a change to a renderer shows as a diff in review.
 * After an intended change, `npm run golden` rewrites the files; read their diff.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import * as xmlJs from 'xml-js';
import { js2xml } from '../../src/feeds/compact-xml.ts';
import { paths } from '../../src/site/paths.ts';

const SLUG = 'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom';

const GOLDEN: Record<string, string> = {
  'seed.rss.xml': paths.feed('rss'),
  'seed.atom.xml': paths.feed('atom'),
  'seed.json': paths.feed('json'),
  'seed.article.html': paths.article(SLUG),
};

// Strict UTF-8 that keeps a byte-order mark: equal strings are then equal bytes.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

describe('golden files', () => {
  it('are written, RSS and Atom, by compact-xml.ts in place of xml-js (as wrangler.toml aliases it)', () => {
    expect(xmlJs.js2xml).toBe(js2xml);
  });

  for (const [file, path] of Object.entries(GOLDEN)) {
    it(`${path} is tests/fixtures/${file}, byte for byte`, async () => {
      const response = await exports.default.fetch(new Request(`https://publisher.example.com${path}`));
      expect(response.status).toBe(200);
      await expect(decoder.decode(await response.arrayBuffer())).toMatchFileSnapshot(`../fixtures/${file}`);
    });
  }
});
