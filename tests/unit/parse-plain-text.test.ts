import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/decode-source.ts';
import { parsePlainText } from '../../src/content/parse-plain-text.ts';
import { ContentError } from '../../src/content/types.ts';
import { SETTINGS, seedText } from '../helpers/sources.ts';

const parse = (text: string) => parsePlainText(text, { footerMarkers: SETTINGS.footerMarkers });

describe('parsePlainText', () => {
  it('reads the seed: title, photo lines, paragraphs, no footer', () => {
    const article = parse(seedText());
    expect(article.title).toBe('Мишустин анонсировал рекордный товарооборот между РФ и Казахстаном');
    expect(article.image).toEqual({ alt: 'Михаил Мишустин', caption: 'Михаил Мишустин' });
    expect(article.paragraphs).toHaveLength(8);
    expect(article.paragraphs[0]).toMatch(/^Россия и Казахстан выйдут на рекордный товарооборот/);
    expect(article.paragraphs.at(-1)).toMatch(/30-летия установления дипломатических отношений\.$/);
    expect(article.bodyLine).toBe(5);
    expect(article.footerDropped).toBe(true);
  });

  it('keeps the caption out of the body', () => {
    const article = parse(seedText());
    expect(article.paragraphs.some((p) => p.includes('Михаил Мишустин') && p.length < 40)).toBe(false);
    expect(article.paragraphs.join('\n')).not.toMatch(/Подписывайтесь|ВКонтакте|Telegram/);
  });

  it('takes the footer markers from its options, not from the code', () => {
    const text = 'Заголовок\n\nПервый абзац.\n\nКОНЕЦ\nРеклама';
    expect(parse(text).paragraphs).toEqual(['Первый абзац.', 'КОНЕЦ', 'Реклама']);
    expect(parsePlainText(text, { footerMarkers: ['КОНЕЦ'] }).paragraphs).toEqual(['Первый абзац.']);
  });

  it('reads a single caption line, and an article with no photo', () => {
    expect(parse('Т\n\nПодпись\nАбзац один.\n\nАбзац два.').image).toEqual({ alt: 'Подпись', caption: 'Подпись' });
    const plain = parse('Т\n\nАбзац один.\n\nАбзац два.');
    expect(plain.image).toBeUndefined();
    expect(plain.paragraphs).toEqual(['Абзац один.', 'Абзац два.']);
  });

  it('does not take a long lead line for a caption', () => {
    const long = 'Очень длинная строка. '.repeat(12).trim();
    const article = parse(`Т\n\n${long}\nАбзац.`);
    expect(article.image).toBeUndefined();
    expect(article.paragraphs).toEqual([long, 'Абзац.']);
  });

  it('refuses an empty title and an article without text', () => {
    expect(() => parse('\nтекст')).toThrow(new ContentError('the title (line 1) is empty', 1));
    expect(() => parse('Только заголовок\n\n')).toThrow(/has a title but no text/);
    expect(() => parse('Т\n\nПодписывайтесь на наши страницы в соцсетях:\nVK')).toThrow(/no text/);
  });
});

describe('decodeSource', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

  it('drops a byte-order mark and normalises CRLF and CR line ends', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'Т\r\n\r\nА\rБ')).text).toBe('Т\n\nА\nБ');
  });

  it('normalises decomposed Unicode to NFC, with a warning', () => {
    const { text, warnings } = decodeSource(bytes('Заголовок\n\nЁлка и и\u0306од'.normalize('NFD')));
    expect(text).toBe('Заголовок\n\nЁлка и йод');
    expect(warnings).toEqual([{ line: 3, message: 'decomposed Unicode normalised to NFC' }]);
  });

  it('removes stray control characters, with a warning that names the first', () => {
    const { text, warnings } = decodeSource(bytes('Т\n\nА\u0000Б\u001bВ\u0085\tГ'));
    expect(text).toBe('Т\n\nАБВ\tГ');
    expect(warnings).toEqual([{ line: 3, message: 'removed 3 control character(s), first U+0000' }]);
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
