/** Source files for compiler tests: the real seed, and small articles made on the spot. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../src/content/compile-articles.ts';
import type { ContentSettings } from '../../src/content/types.ts';

export const SEED_NAME = '000_caf9e8d9b7b58b94';

export const seedFile = (ext: 'txt' | 'yaml'): SourceFile => ({
  name: `${SEED_NAME}.${ext}`,
  bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../../seeds', `${SEED_NAME}.${ext}`))),
});

export const seedText = (): string => new TextDecoder().decode(seedFile('txt').bytes);

export const source = (name: string, content: string | Uint8Array): SourceFile => ({
  name,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
});

export const SETTINGS: ContentSettings = {
  language: 'ru',
  timeZone: 'Europe/Moscow',
  footerMarkers: ['Подписывайтесь на наши страницы в соцсетях:'],
  pageSize: 20,
};

/** A picture from tests/fixtures/images/ (made by make.sh there). */
export const fixtureImage = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/images', name)));

/**
 * "Billion laughs" in YAML: 13 lines, each a list of nine aliases of the line before, 9^13 strings if expanded.
 * Its 101st alias is on line 13.
 */
export const ALIAS_BOMB = Array.from({ length: 13 }, (_, i) =>
  i === 0
    ? 'l0: &l0 [x, x, x, x, x, x, x, x, x]'
    : `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
).join('\n');
