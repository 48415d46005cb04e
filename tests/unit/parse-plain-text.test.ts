import { describe, expect, it } from 'vitest';
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
    expect(parse(text).paragraphs).toEqual(['Первый абзац.', 'КОНЕЦ Реклама']);
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
    expect(article.paragraphs).toEqual([`${long} Абзац.`]);
  });

  it('joins the lines of a hard-wrapped paragraph with a space', () => {
    const article = parse('Т\n\nПервый абзац\nв две строки.\n\nВторой абзац\nтоже в две строки.');
    expect(article.image).toBeUndefined();
    expect(article.paragraphs).toEqual(['Первый абзац в две строки.', 'Второй абзац тоже в две строки.']);
    expect(parse('Т\n\nТоварооборот составил\n22,2 млрд долларов.').paragraphs).toEqual([
      'Товарооборот составил 22,2 млрд долларов.',
    ]);
  });

  it('tells photo lines from a hard-wrapped lead paragraph under them', () => {
    const article = parse('Т\n\nФото\nПодпись к фото\nПервый абзац,\nперенесённый.\n\nВторой.');
    expect(article.image).toEqual({ alt: 'Фото', caption: 'Подпись к фото' });
    expect(article.paragraphs).toEqual(['Первый абзац, перенесённый.', 'Второй.']);
    expect(article.bodyLine).toBe(5);
  });

  it('refuses an empty title and an article without text', () => {
    expect(() => parse('\nтекст')).toThrow(new ContentError('the title (line 1) is empty', 1));
    expect(() => parse('Только заголовок\n\n')).toThrow(/has a title but no text/);
    expect(() => parse('Т\n\nПодписывайтесь на наши страницы в соцсетях:\nVK')).toThrow(/no text/);
  });
});
