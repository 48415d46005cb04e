import fc from 'fast-check';
import Typograf from 'typograf';
import { describe, expect, it } from 'vitest';
import { QUOTE_RULES, TEXT_RULES, typesetHtml, typesetPage } from '../../src/content/typeset.ts';

const NBSP = '\u00a0';
const show = (text: string) => text.replaceAll(NBSP, '⍽');

describe('typesetHtml', () => {
  it('sets Russian quotes, nested quotes, dashes and no-break spaces', () => {
    expect(
      show(typesetHtml('<p>"В январе рост - рекорд. И "вложенные" кавычки", – отметил Мишустин в Кремле.</p>', 'ru')),
    ).toBe('<p>«В⍽январе рост⍽— рекорд. И⍽„вложенные“ кавычки»,⍽— отметил Мишустин в⍽Кремле.</p>');
  });

  it('sets quotes paragraph by paragraph: a quotation over several paragraphs opens each with «', () => {
    const html = '<p>"Первый абзац, в нем "слово".</p>\n<p>"Второй "с кавычками" - и конец."</p>';
    expect(show(typesetHtml(html, 'ru'))).toBe(
      '<p>«Первый абзац, в⍽нем „слово“.</p>\n<p>«Второй „с⍽кавычками“⍽— и⍽конец.»</p>',
    );
  });

  it('leaves code, preformatted text, attributes and escaped markup alone', () => {
    const html =
      '<pre><code>cd в /tmp - "x"  и в доме</code></pre>\n' +
      '<p>Команда <code>ls -la "a b"</code> и <a href="/a b" title="в доме">на сайте</a>: &lt;b&gt; &amp; «это».</p>';
    expect(show(typesetHtml(html, 'ru'))).toBe(
      '<pre><code>cd в /tmp - "x"  и в доме</code></pre>\n' +
        '<p>Команда <code>ls -la "a b"</code> и⍽<a href="/a b" title="в доме">на⍽сайте</a>: &lt;b&gt; &amp; «это».</p>',
    );
  });

  it('gives the same bytes whatever it typeset before: nothing set aside in one call reaches the next', () => {
    const first = '<p>Текст с <code>"кодом"</code> и <a href="/x">ссылкой</a> - "цитата".</p>';
    const other = '<pre>"x" - y</pre><p><em>"Другой"</em> текст <code>a - b</code> и <b>еще</b>.</p>';
    const alone = typesetHtml(first, 'ru');
    typesetHtml(other, 'ru');
    expect(typesetHtml(first, 'ru')).toBe(alone);
    expect(show(alone)).toBe('<p>Текст с⍽<code>"кодом"</code> и⍽<a href="/x">ссылкой</a>⍽— «цитата».</p>');
  });

  it('applies no rule beyond quotes, dashes and spaces: dates, symbols, numbers stay as written', () => {
    const text = '<p>2022-11-28, (c) 1/2, тел. 84951234567, 10 %, слово(пояснение)</p>';
    expect(typesetHtml(text, 'ru').replaceAll(NBSP, ' ')).toBe(text);
  });

  it("follows the text's language, and leaves a language typograf does not know alone", () => {
    expect(show(typesetHtml('<p>He said "hello" - and left.</p>', 'en-GB'))).toBe('<p>He⍽said ‘hello’⍽— and⍽left.</p>');
    expect(show(typesetHtml('<p>He said &quot;hi&quot; - and left.</p>', 'en'))).toBe(
      '<p>He⍽said “hi”⍽— and⍽left.</p>',
    );
    expect(typesetHtml('<p>「引用」 "x" - y</p>', 'ja')).toBe('<p>「引用」 "x" - y</p>');
  });
});

/** typograf alone, as typeset.ts configures it: quotes part by part (processingSeparateParts), then the other rules. */
const byTypograf = (html: string, locale: string) => {
  const typograf = (enableRule: string[], processingSeparateParts: boolean) =>
    new Typograf({ locale, htmlEntity: { type: 'default' }, disableRule: '*', enableRule, processingSeparateParts });
  return typograf(TEXT_RULES, false).execute(typograf(QUOTE_RULES, true).execute(html));
};

// Text dense in quote marks of every kind among words, dashes and URLs. Most documents hold nothing that sends
// typesetHtml to typograf part by part (code, comments, escaped markup, entities that may be quote marks), so
// that its own path is what is compared; a quarter hold them too.
const MARKS = ['"', '«', '»', '„', '“', '”', '‹', '›', '‟', '‚', '‘', '’', "'", '&quot;'];
const WORDS = [
  'слово',
  'и',
  'в',
  'Газпром',
  'word',
  'a',
  'the',
  '2022',
  '-',
  '–',
  '...',
  ',',
  '.',
  '!',
  '?',
  ':',
  '(',
  ')',
];
const OTHER = [' ', ' ', '\n', '&amp;', '&#39;', 'https://example.com/a?b=c'];
const SET_ASIDE = ['&laquo;', '&#171;', '&ldquo;', '&nbsp;', '<code>"x" - y</code>', '&lt;b&gt;', '<!-- "c" -->'];

const documents = (setAside: boolean) => {
  const text = fc
    .array(
      fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...MARKS) },
        { weight: 10, arbitrary: fc.constantFrom(...WORDS) },
        { weight: 4, arbitrary: fc.constantFrom(...OTHER) },
        { weight: setAside ? 1 : 0, arbitrary: fc.constantFrom(...SET_ASIDE) },
      ),
      { maxLength: 12 },
    )
    .map((tokens) => tokens.join(''));
  const attribute = fc
    .array(fc.constantFrom('«', '»', '„', '&quot;', 'a', ' '), { maxLength: 4 })
    .map((a) => a.join(''));
  const inline = fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: text },
        {
          weight: 2,
          arbitrary: fc.tuple(attribute, text).map(([title, t]) => `<a href="/a" title="${title}">${t}</a>`),
        },
        { weight: 1, arbitrary: text.map((t) => `<em>${t}</em>`) },
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join(''));
  const block = fc.oneof(
    { weight: 8, arbitrary: inline.map((t) => `<p>${t}</p>`) },
    { weight: 1, arbitrary: inline.map((t) => `<h2>${t}</h2>`) },
    { weight: 1, arbitrary: inline.map((t) => `<blockquote><p>${t}</p></blockquote>`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(attribute, inline)
        .map(([alt, t]) => `<figure><img alt="${alt}"><figcaption>${t}</figcaption></figure>`),
    },
    { weight: 1, arbitrary: inline.map((t) => `<ul><li>${t}</li></ul>`) },
  );
  return fc
    .array(fc.tuple(block, fc.constantFrom('', '\n')), { minLength: 1, maxLength: 8 })
    .map((blocks) => blocks.map(([b, gap]) => b + gap).join(''));
};
const document = fc.oneof({ weight: 3, arbitrary: documents(false) }, { weight: 1, arbitrary: documents(true) });

describe('typesetHtml against typograf', () => {
  it('gives the bytes typograf gives, in every locale it has: quotes set part by part, then the other rules', () => {
    fc.assert(
      fc.property(document, fc.constantFrom(...Typograf.getLocales()), (html, locale) => {
        expect(typesetHtml(html, locale)).toBe(byTypograf(html, locale));
      }),
      { numRuns: 3000 },
    );
    // 3,000 documents through typograf took 2 to over 5 s on a slow day on these 2-core machines.
  }, 60_000);

  it('nests quotes given as entities, and counts no mark inside markup, as typograf does', () => {
    for (const html of [
      '<p>&ldquo;Он сказал: &ldquo;нет&rdquo; и ушел&rdquo;</p>',
      '<p>"Раз "два "три" два" раз" <a href="/x" title="«">ссылка</a></p>',
    ])
      expect(typesetHtml(html, 'ru')).toBe(byTypograf(html, 'ru'));
    expect(typesetHtml('<p>"Раз "два "три" два" раз" <a href="/x" title="«">ссылка</a></p>', 'ru')).toContain('‚три‘');
  });

  it('leaves a part with no mark typograf reads as a quote as it is, though it holds marks of the locale', () => {
    // en-GB opens with ‘, which typograf nests but does not count as a quote mark.
    expect(typesetHtml('<p>‘<a href="/a">‘</a></p>', 'en-GB')).toBe('<p>‘<a href="/a">‘</a></p>');
    const html = '<p>‘‘ and ’</p><p>"x "y" z"</p>';
    expect(typesetHtml(html, 'en-GB')).toBe(byTypograf(html, 'en-GB'));
    expect(show(typesetHtml(html, 'en-GB'))).toBe('<p>‘‘ and⍽’</p><p>‘x “y” z’</p>');
  });

  it('nests quotes in each part as typograf does: three levels when they pair, two when not, none carried over', () => {
    const html =
      '<p>"Он сказал: "фирма "Вектор" закрыта"".</p>\n<p>"Не закрыта "до конца "вовсе.</p>' +
      '<p>"Смотрите <a href="/x" title="«t»">"сайт"</a> и <img alt="«a»"> снимок".</p>';
    expect(typesetHtml(html, 'ru')).toBe(byTypograf(html, 'ru'));
    expect(show(typesetHtml(html, 'ru'))).toBe(
      '<p>«Он⍽сказал: „фирма ‚Вектор‘ закрыта“».</p>\n<p>«Не⍽закрыта „до⍽конца „вовсе.</p>' +
        '<p>«Смотрите „<a href="/x" title="«t»">сайт</a>“ и⍽<img alt="«a»"> снимок».</p>',
    );
  });
});

describe('typesetPage', () => {
  it('typesets the title and summary as plain text, never reading them as markup, and the body as HTML', () => {
    const page = typesetPage(
      {
        title: 'AT&amp;T и "Газпром" <b>',
        summary: 'Мишустин анонсировал рекордный товарооборот между РФ и Казахстаном',
        html: '<p>"Текст" - и все.</p>',
      },
      'ru',
    );
    expect(show(page.title)).toBe('AT&amp;T и⍽«Газпром» <b>');
    expect(show(page.summary)).toBe('Мишустин анонсировал рекордный товарооборот между РФ⍽и⍽Казахстаном');
    expect(show(page.html)).toBe('<p>«Текст»⍽— и⍽все.</p>');
  });

  it('typesets each part as it would on its own', () => {
    const title = 'Заголовок - "в кавычках" и в';
    const summary = 'Сводка... о том, что в мире';
    const html = '<p>Абзац о "том" - и в конце.</p>\n<p>Второй и</p>';
    const alone = (text: string) => typesetPage({ title: text, summary: '', html: '' }, 'ru').title;
    expect(typesetPage({ title, summary, html }, 'ru')).toEqual({
      title: alone(title),
      summary: alone(summary),
      html: typesetHtml(html, 'ru'),
    });
  });
});
