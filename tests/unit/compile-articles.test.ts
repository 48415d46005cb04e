import { describe, expect, it } from 'vitest';
import { compileArticles, FALLBACK_DATE } from '../../src/content/compile-articles.ts';
import { ALIAS_BOMB, SEED_NAME, SETTINGS, seedFile, source } from '../helpers/sources.ts';

const compile = (...files: Parameters<typeof source>[]) =>
  compileArticles(
    files.map((args) => source(...args)),
    SETTINGS,
  );
const errorsOf = (...files: Parameters<typeof source>[]) => compile(...files).errors;

describe('compileArticles: the seed', () => {
  const result = compileArticles([seedFile('txt'), seedFile('yaml')], SETTINGS);
  const [meta] = result.articles;
  const [body] = result.bodies;

  it('compiles with no errors, and one warning: its date has no time of day, which aggregators want', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: `${SEED_NAME}.txt`,
        kind: 'date-without-time',
        message:
          'date without a time of day: the aggregators\' feeds say 12:00 in Europe/Moscow; set e.g. "2022-11-28T09:30:00"',
      },
    ]);
    expect(result.articles).toHaveLength(1);
  });

  it('derives the id, slug, language and a stable guid', () => {
    expect(meta?.id).toBe(SEED_NAME);
    expect(meta?.slug).toBe('mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom');
    expect(meta?.language).toBe('ru');
    expect(meta?.guid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('takes date, source and tags from the sidecar; a bare date is noon in the site time zone', () => {
    expect(meta?.published).toBe('2022-11-28T12:00:00+03:00');
    expect(meta?.updated).toBe(meta?.published);
    expect(meta?.source).toBe('Вести.Ru');
    expect(meta?.tags).toContainEqual({ name: 'Казахстан', slug: 'kazakhstan' });
  });

  it('keeps the caption once, as the image caption, out of the body', () => {
    expect(meta?.image).toEqual({ alt: 'Михаил Мишустин', caption: 'Михаил Мишустин' });
    expect(body?.html.match(/<p>/g)).toHaveLength(8);
    expect(body?.text).not.toContain('Михаил Мишустин\n');
    expect(body?.text).not.toMatch(/Подписывайтесь|Telegram/);
  });

  it('summarises the lead paragraph at a word boundary', () => {
    expect(body?.summary.length).toBeLessThanOrEqual(281);
    expect(body?.summary).toMatch(/^Россия и Казахстан выйдут .* переговоров…$/);
    // Pages show it typeset.
    expect(meta?.summary).toMatch(/^Россия и\u00a0Казахстан выйдут .* переговоров…$/);
  });

  it('counts words and reading time', () => {
    expect(meta?.wordCount).toBeGreaterThan(300);
    expect(meta?.wordCount).toBeLessThan(340);
    expect(meta?.readingMinutes).toBe(2);
  });

  it('escapes the text it turns into HTML', () => {
    const { bodies } = compile(['a.txt', 'Т\n\nЦитата "<script>alert(1)</script>" & ещё.']);
    expect(bodies[0]?.html).toBe('<p>Цитата &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; ещё.</p>');
  });

  it('gives the same output for the same input, in any file order', () => {
    const files = [
      seedFile('yaml'),
      source('b.txt', 'Б\n\nТекст.'),
      seedFile('txt'),
      source('a.md', '---\ndate: 2021-01-01\n---\n# А\n\nТекст.'),
    ];
    const again = compileArticles([...files].reverse(), SETTINGS);
    expect(JSON.stringify(compileArticles(files, SETTINGS))).toBe(JSON.stringify(again));
  });
});

describe('compileArticles: metadata and derived fields', () => {
  it('reads Markdown with front matter and renders it without raw HTML', () => {
    const { articles, bodies, errors } = compile([
      'note.md',
      '---\ntitle: Заметка\ndate: 2023-05-01T09:30:00+03:00\ntags: [один, два]\nslug: my-note\n---\n\nТекст со [ссылкой](other) и <b>тегом</b>.\n\n[js](javascript:alert(1))',
    ]);
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Заметка',
      slug: 'my-note',
      published: '2023-05-01T09:30:00+03:00',
      tags: [
        { name: 'один', slug: 'odin' },
        { name: 'два', slug: 'dva' },
      ],
    });
    expect(bodies[0]?.html).toContain('<a href="/articles/other">ссылкой</a>');
    expect(bodies[0]?.html).toContain('&lt;b&gt;тегом&lt;/b&gt;');
    expect(bodies[0]?.html).not.toContain('href="javascript:');
  });

  it('takes a Markdown title from the first heading when the front matter has none', () => {
    const { articles, bodies } = compile(['h.md', '---\ndate: 2023-01-01\n---\n# Hello world\n\nSome text.']);
    expect(articles[0]).toMatchObject({ title: 'Hello world', slug: 'hello-world', language: 'en' });
    expect(bodies[0]?.html).toBe('<p>Some text.</p>');
  });

  it('leaves drafts out', () => {
    const result = compile(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'draft: true\ndate: 2020-01-01']);
    expect(result.articles).toEqual([]);
    expect(result.drafts).toBe(1);
  });

  it('falls back to a stable date, with a warning', () => {
    const result = compile(['2024-03-05-x.txt', 'А\n\nТекст.'], ['y.txt', 'Б\n\nТекст.']);
    expect(result.articles.map((a) => a.published)).toEqual([
      '2024-03-05T12:00:00+03:00',
      `${FALLBACK_DATE}T12:00:00+03:00`,
    ]);
    expect(result.warnings.map((w) => w.kind)).toEqual(['date-from-file-name', 'date-fallback']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'no date: using 2024-03-05 from the file name; set "date" in its metadata',
      `no date: using ${FALLBACK_DATE} (the fallback); set "date" in its metadata`,
    ]);
  });

  it('gives every warning a stable kind, which the build report groups by', () => {
    const result = compile(
      ['2024-03-05-x.txt', 'А\n\nТекст.'],
      ['y.txt', 'Б\n\nЙод'.normalize('NFD')],
      ['y.yaml', 'date: 2022-01-01T10:00:00'],
      ['z.txt', 'Б\n\nТекст\u0000.'],
      ['z.yaml', 'date: 2022-01-02'],
      ['notes.doc', 'x'],
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.file, w.kind])).toEqual([
      ['2024-03-05-x.txt', 'date-from-file-name'],
      ['notes.doc', 'ignored-file'],
      ['y.txt', 'unicode-normalised'],
      ['z.txt', 'date-without-time'],
      ['z.txt', 'slug-suffixed'],
      ['z.txt', 'control-characters'],
    ]);
  });

  it('orders newest first, the exact reverse of publication order (ties by id)', () => {
    const result = compile(
      ['b.txt', 'Б\n\nТекст.'],
      ['b.yaml', 'date: 2022-01-02'],
      ['a.txt', 'А\n\nТекст.'],
      ['a.yaml', 'date: 2022-01-02'],
      ['c.txt', 'В\n\nТекст.'],
      ['c.yaml', 'date: 2022-01-03'],
    );
    expect(result.articles.map((a) => a.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('compileArticles: what it refuses', () => {
  it('invalid UTF-8, with the file and line', () => {
    expect(errorsOf(['bad.txt', new Uint8Array([0x54, 0x0a, 0x0a, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])])).toEqual([
      { file: 'bad.txt', line: 3, message: expect.stringMatching(/^not valid UTF-8 \(it reads as Windows-1251/) },
    ]);
  });

  it('an empty article', () => {
    expect(errorsOf(['empty.txt', ''])).toEqual([
      { file: 'empty.txt', line: 1, message: 'the title (line 1) is empty' },
    ]);
  });

  it('a bad date, at its line in the sidecar', () => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'source: X\ndate: 2022-02-30\n'])).toEqual([
      {
        file: 'a.yaml',
        line: 2,
        message:
          '"date" "2022-02-30" is not a valid date: 2022-02 has no day 30 (use 2022-11-28 or 2022-11-28T15:30:00+03:00)',
      },
    ]);
  });

  it('an update before the publication', () => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'date: 2022-02-03\nupdated: 2022-02-01'])[0]?.message).toBe(
      '"updated" (2022-02-01) is earlier than "date" (2022-02-03)',
    );
  });

  it('a duplicate explicit slug, naming both files', () => {
    expect(
      errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'slug: same'], ['b.txt', 'Б\n\nТекст.'], ['b.yaml', 'slug: same']),
    ).toEqual([
      { file: 'b.txt', message: 'duplicate slug "same" (also a.txt): set a different "slug" in its metadata' },
    ]);
  });

  it('malformed YAML, with its line', () => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'date: 2022-01-01\ntags: [a, b\n'])).toEqual([
      { file: 'a.yaml', line: 3, message: expect.stringMatching(/^malformed YAML: /) },
    ]);
    expect(errorsOf(['m.md', '---\ntitle: A\ntitle: B\n---\nText'])).toEqual([
      { file: 'm.md', line: 3, message: expect.stringMatching(/^malformed YAML: duplicated mapping key/) },
    ]);
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'date: 2022-01-01\n---\ndate: 2022-01-02\n'])).toEqual([
      { file: 'a.yaml', line: 1, message: 'malformed YAML: more than one document (a second "---")' },
    ]);
  });

  it('an empty sidecar, or one of comments only, is no metadata', () => {
    for (const yaml of ['', '\n\n', '# nothing yet\n'])
      expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', yaml])).toEqual([]);
  });

  it('points at the line of a field the schema refuses, in front matter too', () => {
    expect(errorsOf(['m.md', '---\ntitle: A\n\n"draft": maybe\n---\nText'])).toEqual([
      { file: 'm.md', line: 4, message: '"draft" must be true or false' },
    ]);
    // A flow mapping has no line per field: the first line of the metadata.
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', '\n{ date: 2022-01-01, draft: maybe }'])).toEqual([
      { file: 'a.yaml', line: 1, message: '"draft" must be true or false' },
    ]);
  });

  it('an unknown metadata field, a wrong type, an unsafe image URL', () => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'date: 2022-01-01\ntag: x'])).toEqual([
      { file: 'a.yaml', line: 2, message: 'unknown metadata field "tag"' },
    ]);
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'draft: yes please'])[0]?.message).toBe(
      '"draft" must be true or false',
    );
    for (const image of ['javascript:alert(1)', 'http://cdn.example/x.jpg']) {
      expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', `image: '${image}'`])[0]?.message).toMatch(
        /^"image" must be a picture file in seeds\/ \(photo.jpg\) or an absolute https URL/,
      );
    }
  });

  it('metadata without an article, and two articles with one id', () => {
    expect(errorsOf(['lost.yaml', 'date: 2022-01-01'])).toEqual([
      { file: 'lost.yaml', message: 'metadata without an article: expected lost.txt' },
    ]);
    expect(errorsOf(['a.md', '---\ntitle: A\n---\nText'], ['a.txt', 'А\n\nТекст.'])[0]?.message).toBe(
      'same article id "a" as a.md: rename one of them',
    );
  });

  it.each(['a#b.txt', 'a b.md', 'статья.txt', 'a%2Fb.txt', '-a.txt'])(
    'a file name outside the safe set: %s',
    (name) => {
      const text = name.endsWith('.md') ? '---\ntitle: А\n---\nТекст.' : 'А\n\nТекст.';
      expect(errorsOf([name, text])).toEqual([
        {
          file: name,
          message:
            'the file name may have only ASCII letters, digits, "-", "_" and ".", start with a letter or digit, ' +
            'and have at most 200 before its extension (it is the article id, in its asset path and feed id): rename the file',
        },
      ]);
    },
  );

  it('two file names that differ only in case, which a case-insensitive disk would merge', () => {
    expect(errorsOf(['Note.txt', 'А\n\nТекст.'], ['note.txt', 'Б\n\nТекст.'])[0]?.message).toBe(
      'same article id "note" as Note.txt, ignoring case: rename one of them',
    );
  });

  it('reports every broken file, not only the first', () => {
    expect(errorsOf(['a.txt', ''], ['b.txt', ''], ['c.txt', 'В\n\nТекст.'])).toHaveLength(2);
  });
});

describe('compileArticles: tags', () => {
  it('refuses a tag that cannot be a URL or an XML attribute', () => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'tags: ["!!!"]'])[0]?.message).toBe(
      '"tags" tag "!!!" needs a letter or digit',
    );
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'tags: ["a<b"]'])[0]?.message).toBe(
      '"tags" tag "a<b" must not contain "<"',
    );
  });
});

describe('compileArticles: slug clashes', () => {
  const headline = 'Курс рубля на сегодня\n\nТекст.';

  it('gives a derived slug that is taken a stable suffix; the oldest keeps the plain one', () => {
    const result = compile(
      ['new.txt', headline],
      ['new.yaml', 'date: 2022-01-02T10:00:00'],
      ['old.txt', headline],
      ['old.yaml', 'date: 2022-01-01T10:00:00'],
    );
    expect(result.errors).toEqual([]);
    const [newer, older] = result.articles;
    expect(older?.slug).toBe('kurs-rublya-na-segodnya');
    expect(newer?.slug).toBe(`kurs-rublya-na-segodnya-${newer?.guid.slice(-6)}`);
    expect(result.warnings.map((w) => w.message)).toEqual([
      `slug "kurs-rublya-na-segodnya" is taken by old.txt: using "${newer?.slug}"`,
    ]);
    // Adding a newer article with the same headline leaves both slugs as they were.
    const more = compile(
      ['new.txt', headline],
      ['new.yaml', 'date: 2022-01-02'],
      ['old.txt', headline],
      ['old.yaml', 'date: 2022-01-01'],
      ['newest.txt', headline],
      ['newest.yaml', 'date: 2022-01-03'],
    );
    expect(more.articles.slice(1).map((a) => a.slug)).toEqual([newer?.slug, older?.slug]);
  });

  it('re-checks a suffixed slug: it never equals the explicit or derived slug of another article', () => {
    type File = [string, string];
    const pair: File[] = [
      ['a.txt', headline],
      ['a.yaml', 'date: 2022-01-01'],
      ['b.txt', headline],
      ['b.yaml', 'date: 2022-01-02'],
    ];
    const suffixed = compile(...pair).articles[0]!.slug;
    const others: File[][] = [
      [
        ['c.txt', 'В\n\nТекст.'],
        ['c.yaml', `date: 2022-01-03\nslug: ${suffixed}`],
      ],
      [
        ['c.txt', `${suffixed}\n\nТекст.`],
        ['c.yaml', 'date: 2021-01-01'],
      ],
    ];
    for (const other of others) {
      const result = compile(...pair, ...other);
      expect(result.errors).toEqual([]);
      const slugs = result.articles.map((a) => a.slug);
      expect(new Set(slugs).size, slugs.join(' ')).toBe(3);
      expect(result.articles.find((a) => a.id === 'c')?.slug).toBe(suffixed);
    }
  });

  it('lets an explicit slug win over a derived one', () => {
    const result = compile(
      ['a.txt', headline],
      ['a.yaml', 'date: 2022-01-01'],
      ['b.txt', 'Б\n\nТекст.'],
      ['b.yaml', 'date: 2022-01-02\nslug: kurs-rublya-na-segodnya'],
    );
    expect(result.articles.find((a) => a.id === 'b')?.slug).toBe('kurs-rublya-na-segodnya');
    expect(result.articles.find((a) => a.id === 'a')?.slug).toMatch(/^kurs-rublya-na-segodnya-[0-9a-f]{6}$/);
  });
});

describe('compileArticles: dates and languages that would not serve', () => {
  const withMeta = (yaml: string) => errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', `source: X\n${yaml}\n`]);

  it.each([
    ['2023-01-01T12:00:00+25:00', 'the UTC offset +25:00 is beyond ±14:00'],
    ['2023-01-01T12:00:00+14:30', 'the UTC offset +14:30 is beyond ±14:00'],
    ['2023-01-01T12:00:00-03:60', 'the UTC offset -03:60 has 60 minutes'],
    ['2023-02-30', 'February 2023 has no day 30'],
    ['2023-01-01T24:00', 'there is no hour 24'],
    ['0999-12-31', 'year 999 is out of range'],
    ['9999-12-31T23:00:00-14:00', 'that instant is after 9999'],
  ])('refuses the date %s at its line (%s)', (date) => {
    expect(withMeta(`date: ${date}`)).toEqual([
      {
        file: 'a.yaml',
        line: 2,
        message: expect.stringMatching(new RegExp(`^"date" "${date.replace(/[+]/g, '\\+')}" is not a valid date`)),
      },
    ]);
  });

  it('accepts offsets from -14:00 to +14:00 and Z, and keeps them', () => {
    for (const [date, published] of [
      ['2023-01-01T12:00:00+14:00', '2023-01-01T12:00:00+14:00'],
      ['2023-01-01T12:00:00-14:00', '2023-01-01T12:00:00-14:00'],
      ['2023-01-01T12:00:00Z', '2023-01-01T12:00:00+00:00'],
      ['2024-02-29 08:05', '2024-02-29T08:05:00+03:00'],
    ]) {
      const result = compile(['a.txt', 'А\n\nТекст.'], ['a.yaml', `date: ${date}`]);
      expect(result.errors).toEqual([]);
      expect(result.articles[0]?.published).toBe(published);
    }
  });

  it('refuses a language tag Intl does not accept, and stores a valid one canonical', () => {
    expect(withMeta('language: en-US-US')).toEqual([
      { file: 'a.yaml', line: 2, message: '"language" "en-US-US" is not a language tag such as ru or en-GB' },
    ]);
    for (const [tag, canonical] of [
      ['EN-gb', 'en-GB'],
      ['zh-hant-tw', 'zh-Hant-TW'],
      ['ru', 'ru'],
    ]) {
      const result = compile(['a.txt', 'А\n\nТекст.'], ['a.yaml', `language: ${tag}`]);
      expect(result.errors).toEqual([]);
      expect(result.articles[0]?.language).toBe(canonical);
    }
  });
});

describe('compileArticles: Markdown titles', () => {
  it.each([
    ['a bare "#"', '---\ndate: 2023-01-01\n---\n#\n\nТекст.', 4],
    [
      'a heading that is only an image',
      '---\ndate: 2023-01-01\n---\n\n# ![Фото](https://example.com/a.png)\n\nТекст.',
      5,
    ],
    ['a heading of invisible characters', '---\ndate: 2023-01-01\n---\n# \u200b\u00ad\n\nТекст.', 4],
  ])('refuses %s as the title, at its line', (_, text, line) => {
    expect(errorsOf(['a.md', text])).toEqual([
      { file: 'a.md', line, message: 'the title heading has no text: write some, or set "title" in the front matter' },
    ]);
  });

  it('refuses an invisible title in the metadata or on line 1 of plain text', () => {
    expect(errorsOf(['a.md', '---\ntitle: "\\u200b"\n---\nТекст.'])).toEqual([
      { file: 'a.md', line: 2, message: '"title" must not be empty' },
    ]);
    expect(errorsOf(['a.txt', '\u2066\u2069\n\nТекст.'])).toEqual([
      { file: 'a.txt', line: 1, message: 'the title (line 1) is empty' },
    ]);
  });
});

describe('compileArticles: look-alike tags and slugs', () => {
  it('keeps one tag per slug on an article: cases and invisible characters make no second tag', () => {
    const { articles, errors } = compile(
      ['a.txt', 'А\n\nТекст.'],
      [
        'a.yaml',
        'date: 2022-01-01\ntags: [Экономика, экономика, "эконо\\u00adмика", "\\u200bэкономика", "ЭКОНО\\u200bМИКА"]',
      ],
    );
    expect(errors).toEqual([]);
    expect(articles[0]?.tags).toEqual([{ name: 'Экономика', slug: 'ekonomika' }]);
  });

  it('shows a tag without characters that hide or reorder text', () => {
    const { articles } = compile(['a.txt', 'А\n\nТекст.'], ['a.yaml', 'tags: ["\\u202eРоссия\\u202c"]']);
    expect(articles[0]?.tags).toEqual([{ name: 'Россия', slug: 'rossiya' }]);
  });

  it('derives one slug from titles that differ only in invisible characters', () => {
    const result = compile(
      ['a.txt', 'Кур\u200bс рубля\n\nТекст.'],
      ['a.yaml', 'date: 2022-01-01'],
      ['b.txt', 'Курс ру\u00adбля\n\nТекст.'],
      ['b.yaml', 'date: 2022-01-02'],
    );
    const [b, a] = result.articles;
    expect(a?.slug).toBe('kurs-rublya');
    expect(b?.slug).toMatch(/^kurs-rublya-[0-9a-f]{6}$/);
  });
});

describe('compileArticles: hostile and unusual sources', () => {
  it('names the sidecar of a YAML alias bomb, and still reports the other files', () => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', ALIAS_BOMB], ['b.txt', ''])).toEqual([
      { file: 'a.yaml', line: 13, message: expect.stringMatching(/^malformed YAML: .*alias/i) },
      { file: 'b.txt', line: 1, message: 'the title (line 1) is empty' },
    ]);
  });

  it('counts and carries the words of headings, lists, code and tables in Markdown', () => {
    const { articles, bodies } = compile([
      'a.md',
      [
        '---',
        'title: Заголовок',
        '---',
        'Первый абзац.',
        '',
        '## Подзаголовок раздела',
        '',
        '- пункт один',
        '- пункт два',
        '',
        '```',
        'npm run build',
        '```',
        '',
        '| Страна | Товарооборот |',
        '| --- | --- |',
        '| Казахстан | рекорд |',
      ].join('\n'),
    ]);
    expect(bodies[0]?.text).toBe(
      'Первый абзац.\n\nПодзаголовок раздела\n\nпункт один\n\nпункт два\n\nnpm run build\n\n' +
        'Страна | Товарооборот\nКазахстан | рекорд',
    );
    expect(articles[0]?.wordCount).toBe(15);
    expect(articles[0]?.summary).toBe('Первый абзац.');
  });

  it.each([
    ['Markdown, root-relative', '![Фото](/images/a.png)', 'image "/images/a.png" must be'],
    ['Markdown, a picture file not in seeds/', '![Фото](a.png)', 'picture "a.png" is not in seeds/'],
    ['Markdown, backslash host', '![Фото](/\\host/x.png)', 'image "/%5Chost/x.png" must be'],
  ])('refuses an image URL that nothing serves: %s', (_, image, message) => {
    expect(errorsOf(['a.md', `---\ntitle: А\n---\nТекст.\n\n${image}\n`])).toEqual([
      { file: 'a.md', line: 6, message: expect.stringContaining(message) },
    ]);
  });

  it.each(['/images/a.png', '/\\host/x.png', '//host/x.png', 'https://'])('refuses the image %s in metadata', (src) => {
    expect(errorsOf(['a.txt', 'А\n\nТекст.'], ['a.yaml', `image: "${src.replace(/\\/g, '\\\\')}"`])).toEqual([
      {
        file: 'a.yaml',
        line: 1,
        message: '"image" must be a picture file in seeds/ (photo.jpg) or an absolute https URL',
      },
    ]);
  });

  it('keeps an absolute image URL, normalised', () => {
    const { articles, errors } = compile(
      ['a.txt', 'А\n\nТекст.'],
      ['a.yaml', 'image: { src: "https://example.com/фото 1.png", alt: Фото }'],
    );
    expect(errors).toEqual([]);
    expect(articles[0]?.image).toEqual({ src: 'https://example.com/%D1%84%D0%BE%D1%82%D0%BE%201.png', alt: 'Фото' });
  });
});
