import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/decode-source.ts';
import { ContentError } from '../../src/content/types.ts';

describe('decodeSource', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

  it('drops a byte-order mark and normalises CRLF and CR line ends', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'Т\r\n\r\nА\rБ')).text).toBe('Т\n\nА\nБ');
  });

  it('normalises decomposed Unicode to NFC, with a warning', () => {
    const { text, warnings } = decodeSource(bytes('Заголовок\n\nЁлка и и\u0306од'.normalize('NFD')));
    expect(text).toBe('Заголовок\n\nЁлка и йод');
    expect(warnings).toEqual([
      { kind: 'unicode-normalised', line: 3, message: 'decomposed Unicode normalised to NFC' },
    ]);
  });

  it('removes stray control characters, with a warning that names the first', () => {
    const { text, warnings } = decodeSource(bytes('Т\n\nА\u0000Б\u001bВ\u0085\tГ'));
    expect(text).toBe('Т\n\nАБВ\tГ');
    expect(warnings).toEqual([
      { kind: 'control-characters', line: 3, message: 'removed 3 control character(s), first U+0000' },
    ]);
  });

  it('refuses invalid UTF-8 with the line, and recognises Windows-1251', () => {
    // "Привет, мир" in Windows-1251 on line 3.
    const cp1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0];
    const error = (() => {
      try {
        decodeSource(bytes('Title\n\n', cp1251));
      } catch (e) {
        return e as ContentError;
      }
    })();
    expect(error).toBeInstanceOf(ContentError);
    expect(error?.line).toBe(3);
    expect(error?.message).toMatch(/^not valid UTF-8 \(it reads as Windows-1251/);
    expect(() => decodeSource(bytes('ok\n', [0xff, 0xfe, 0x00]))).toThrow(/^not valid UTF-8$/);
  });
});
