/**
 * Whatever builds, serves: edge values of every metadata field and setting are
 * either refused by the content build, naming the file (or setting), or built and
 * then requested on every route of the deployable bundle in workerd with no 5xx.
 * The bundle is built once; each corpus gets its own content store (its assets).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundle, startBuiltWorker } from '../../scripts/built-worker.ts';
import { buildContent } from '../../scripts/content-build.ts';
import { projectRoot, WRANGLER_TOML } from '../../scripts/wrangler-config.ts';
import type { ArticleMeta } from '../../src/content/types.ts';
import { articleCount, loadMetas } from '../../src/site/content-store.ts';
import { archiveCount } from '../../src/site/pagination.ts';
import { basePath } from '../../src/site/paths.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { ALIAS_BOMB } from '../helpers/sources.ts';
import { assetsOf } from '../helpers/written-store.ts';

type Files = Record<string, string | Uint8Array>;
type Vars = Record<string, string | string[]>;

const txt = (id: string, title: string, yaml?: string, text = `Текст статьи ${id}.`): Files => ({
  [`${id}.txt`]: `${title}\n\n${text}`,
  ...(yaml === undefined ? {} : { [`${id}.yaml`]: yaml }),
});
const md = (id: string, frontMatter: string, body = `Текст статьи ${id}.`): Files => ({
  [`${id}.md`]: `---\n${frontMatter}\n---\n${body}`,
});

const LONG_TITLE = 'Очень длинный заголовок 👍🏽 с ударе\u0301нием и 👩‍👩‍👧‍👦 '.repeat(40);
const HUGE_TEXT = Array.from({ length: 800 }, (_, i) => `Абзац ${i} с "кавычками" & <угловыми> скобками.`).join('\n\n');

// Every value here builds; they share one corpus, so one Worker serves them all.
const SERVED: Record<string, Files> = {
  'title: 1,900 characters of emoji and combining marks': txt('t-long', LONG_TITLE, 'date: 2023-01-01'),
  'title: markup, CDATA end, entities': txt(
    't-markup',
    '<script>alert(1)</script> & "q" ]]> &amp;',
    'date: 2023-01-02',
  ),
  'title: emoji only (slug from the file name)': txt('t-emoji', '👩‍👩‍👧‍👦🇷🇺', 'date: 2023-01-03'),
  'title: punctuation only': txt('t-punct', '!!!', 'date: 2023-01-04'),
  'title: CJK': txt('t-cjk', '日本語のタイトル', 'date: 2023-01-05'),
  'title: right-to-left with bidi controls': txt('t-rtl', 'عنوان \u202eevil\u202c', 'date: 2023-01-06'),
  'title: invisible characters inside words': txt('t-invisible', 'Заго\u200bловок с\u00adкрытым', 'date: 2023-01-07'),
  'title: one letter': txt('t-one', 'Я', 'date: 2023-01-08'),
  'title: from metadata over line 1': txt('t-meta', 'Строка 1', 'date: 2023-01-09\ntitle: Из метаданных'),
  'date: year 1000': txt('d-min', 'Древность', 'date: 1000-01-02'),
  'date: year 9999 (scheduled: its page is a 404 until then)': txt('d-max', 'Будущее', 'date: 9999-12-30'),
  'date: +14:00': txt('d-plus14', 'Кирибати', 'date: 2023-06-01T23:59:59+14:00'),
  'date: -12:00': txt('d-minus12', 'Бейкер', 'date: 2023-06-01T00:00:00-12:00'),
  'date: Z with fractions': txt('d-z', 'Гринвич', 'date: 2023-06-01T12:00:00.999Z'),
  'date: leap day, space, no seconds': txt('d-leap', 'Високосный', 'date: "2024-02-29 08:05"'),
  'date: none (the fallback, with a warning)': txt('d-none', 'Без даты'),
  'date: from the file name': txt('2021-05-05-d-name', 'Дата из имени'),
  'updated: same as date': txt('u-same', 'Обновлено сразу', 'date: 2022-01-01\nupdated: 2022-01-01'),
  'updated: eight thousand years on': txt('u-later', 'Обновлено', 'date: 2000-01-01\nupdated: 9999-12-30'),
  'author: markup': txt('a-markup', 'Автор', 'date: 2023-02-01\nauthor: \'<b>Иван & "Ко"</b>\''),
  'author: 1,200 characters': txt('a-long', 'Длинный автор', `date: 2023-02-02\nauthor: ${'Автор '.repeat(200)}`),
  'tags: thirty': txt(
    'g-many',
    'Много тегов',
    `date: 2023-03-01\ntags: [${Array.from({ length: 30 }, (_, i) => `тег${i}`).join(', ')}]`,
  ),
  'tags: one in three cases': txt('g-case', 'Регистр', 'date: 2023-03-02\ntags: [Экономика, экономика, ЭКОНОМИКА]'),
  'tags: invisible look-alikes': txt(
    'g-invisible',
    'Невидимые',
    'date: 2023-03-03\ntags: ["эконо\\u00adмика", "\\u200bэкономика"]',
  ),
  'tags: markup characters': txt('g-markup', 'Разметка', 'date: 2023-03-04\ntags: [a&b, "c\\"d", "e\'f", "g]]>h"]'),
  'tags: a comma-separated string with blanks': txt(
    'g-string',
    'Строка',
    'date: 2023-03-05\ntags: "один, два , , три"',
  ),
  'tags: CJK and bidi': txt('g-cjk', 'Иероглифы', 'date: 2023-03-06\ntags: [日本, "\\u202eРоссия"]'),
  'slug: one letter': txt('s-one', 'Слаг', 'date: 2023-04-01\nslug: a'),
  'slug: 201 characters': txt('s-long', 'Длинный слаг', `date: 2023-04-02\nslug: ${'a-'.repeat(100)}z`),
  'slug: three derived clashes': {
    ...txt('s-clash1', 'Курс рубля', 'date: 2023-04-03'),
    ...txt('s-clash2', 'Курс рубля', 'date: 2023-04-04'),
    ...txt('s-clash3', 'Курс\u200b рубля', 'date: 2023-04-05'),
  },
  'summary: 5,000 characters with flags': txt(
    'm-long',
    'Саммари',
    `date: 2023-05-01\nsummary: "${'Кратко 🇷🇺 '.repeat(500)}"`,
  ),
  'summary: markup': txt('m-markup', 'Саммари 2', 'date: 2023-05-02\nsummary: \'<i>x</i> ]]> & "q"\''),
  'image: a URL with non-ASCII and a query': txt(
    'i-url',
    'Картинка',
    'date: 2023-06-01\nimage: "https://example.com/фото 1.png?a=1&b=\'2\'"',
  ),
  'image: src, alt and caption with markup': txt(
    'i-obj',
    'Картинка 2',
    'date: 2023-06-02\nimage: { src: "https://example.com/a.jpg", alt: \'Фото "x" <b>\', caption: "Подпись & ]]>" }',
  ),
  'image: in Markdown': md(
    'i-md',
    'title: Картинка 3\ndate: 2023-06-03',
    'Текст.\n\n![Фото](https://example.com/b.webp)',
  ),
  'source: markup': txt('o-markup', 'Источник', "date: 2023-07-01\nsource: '<a href=x>Вести</a> & Co'"),
  'language: EN-gb, stored canonical': txt('l-en-gb', 'A British title', 'date: 2023-08-01\nlanguage: EN-gb'),
  'language: zh-hant-tw': txt('l-zh', '繁體標題', 'date: 2023-08-02\nlanguage: zh-hant-tw'),
  'language: ar': txt('l-ar', 'عنوان', 'date: 2023-08-03\nlanguage: ar'),
  'language: und': txt('l-und', 'Неизвестно', 'date: 2023-08-04\nlanguage: und'),
  'language: detected English on the Russian site': txt(
    'l-detected',
    'Trade hits a record',
    'date: 2023-08-05',
    'Russia and Kazakhstan.',
  ),
  'draft: false': txt('r-false', 'Не черновик', 'date: 2023-09-01\ndraft: false'),
  'draft: true (left out)': txt('r-true', 'Черновик', 'date: 2023-09-02\ndraft: true\nslug: chernovik'),
  'Markdown: headings, lists, tables, code, odd links': md(
    'md-all',
    'date: 2023-10-01',
    '# Заголовок 👍🏽\n\n## Раздел\n\n- пункт\n- ещё\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\ncd в /tmp - "x"\n```\n\n' +
      '[отн](other) [корень](/\\evil.com) [протокол](//cdn.example/x) [js](javascript:alert(1))',
  ),
  'plain text: hard-wrapped, with a caption': txt(
    'p-wrapped',
    'Перенос строк',
    'date: 2023-11-01',
    'Фото\nПодпись\nПервый абзац,\nперенесённый.\n\nВторой абзац\nтоже.',
  ),
  'plain text: too large for a feed item (carried as its summary)': txt(
    'p-huge',
    'Огромная статья',
    'date: 2023-11-02',
    HUGE_TEXT,
  ),
  'file name: every allowed character': txt('A_b-c.1', 'Имя файла', 'date: 2023-12-01'),
  'file name: 200 characters': txt('x'.repeat(200), 'Длинное имя', 'date: 2023-12-02'),
};

interface Refused {
  files: Files;
  file: string;
  line?: number;
  message: RegExp;
}

// Every value here fails the build, which names the file (and line) and says why.
const REFUSED: Record<string, Refused> = {
  'date: offset +25:00': {
    files: txt('a', 'А', 'date: 2023-01-01T12:00:00+25:00'),
    file: 'a.yaml',
    line: 1,
    message: /"date" .* is not a valid date: the UTC offset \+25:00 is beyond ±14:00/,
  },
  'date: offset minutes 60': {
    files: txt('a', 'А', 'date: 2023-01-01T12:00:00+03:60'),
    file: 'a.yaml',
    line: 1,
    message: /has 60 minutes/,
  },
  'date: February 30': {
    files: txt('a', 'А', 'date: 2023-02-30'),
    file: 'a.yaml',
    line: 1,
    message: /2023-02 has no day 30/,
  },
  'date: year 999': {
    files: txt('a', 'А', 'date: 0999-12-31'),
    file: 'a.yaml',
    line: 1,
    message: /only the years 1000 to 9999/,
  },
  'date: past 9999 in UTC': {
    files: txt('a', 'А', 'date: 9999-12-31T23:00:00-14:00'),
    file: 'a.yaml',
    line: 1,
    message: /only the years 1000 to 9999/,
  },
  'date: not a string': { files: txt('a', 'А', 'date: 2023'), file: 'a.yaml', line: 1, message: /must be a date/ },
  'updated: before date': {
    files: txt('a', 'А', 'date: 2023-02-03\nupdated: 2023-02-01'),
    file: 'a.txt',
    message: /"updated" \(2023-02-01\) is earlier than "date"/,
  },
  'language: en-US-US': {
    files: txt('a', 'А', 'language: en-US-US'),
    file: 'a.yaml',
    line: 1,
    message: /"en-US-US" is not a language tag such as ru or en-GB/,
  },
  'language: a five-letter word Intl would take': {
    files: txt('a', 'А', 'language: english'),
    file: 'a.yaml',
    line: 1,
    message: /not a language tag such as ru or en-GB/,
  },
  'language: a number': {
    files: txt('a', 'А', 'language: "12"'),
    file: 'a.yaml',
    line: 1,
    message: /not a language tag such as ru or en-GB/,
  },
  'image: root-relative': {
    files: txt('a', 'А', 'image: /images/a.png'),
    file: 'a.yaml',
    line: 1,
    message: /"image" must be a picture file in seeds\/ \(photo.jpg\) or an absolute https URL/,
  },
  'image: /\\host': {
    files: txt('a', 'А', 'image: "/\\\\host/x.png"'),
    file: 'a.yaml',
    line: 1,
    message: /"image" must be a picture file in seeds\/ \(photo.jpg\) or an absolute https URL/,
  },
  'image: protocol-relative': {
    files: txt('a', 'А', 'image: //host/x.png'),
    file: 'a.yaml',
    line: 1,
    message: /"image" must be a picture file in seeds\/ \(photo.jpg\) or an absolute https URL/,
  },
  'image: javascript:': {
    files: txt('a', 'А', 'image: javascript:alert(1)'),
    file: 'a.yaml',
    line: 1,
    message: /"image" must be a picture file in seeds\/ \(photo.jpg\) or an absolute https URL/,
  },
  'image: root-relative in Markdown': {
    files: md('a', 'title: А', 'Текст.\n\n![x](/images/a.png)'),
    file: 'a.md',
    line: 6,
    message: /image "\/images\/a.png" must be a picture file in seeds\/ \(photo.jpg\) or an absolute https URL/,
  },
  'file name: #': { files: txt('a#b', 'А'), file: 'a#b.txt', message: /the file name may have only ASCII letters/ },
  'file name: space': { files: txt('a b', 'А'), file: 'a b.txt', message: /the file name may have only/ },
  'file name: Cyrillic': { files: txt('статья', 'А'), file: 'статья.txt', message: /the file name may have only/ },
  'file name: 201 characters': {
    files: txt('x'.repeat(201), 'А'),
    file: `${'x'.repeat(201)}.txt`,
    message: /at most 200/,
  },
  'file name: two that differ in case': {
    files: { ...txt('Note', 'А'), ...txt('note', 'Б') },
    file: 'note.txt',
    message: /same article id "note" as Note.txt, ignoring case/,
  },
  'title: a bare # in Markdown': {
    files: md('a', 'date: 2023-01-01', '#\n\nТекст.'),
    file: 'a.md',
    line: 4,
    message: /the title heading has no text/,
  },
  'title: a heading that is only an image': {
    files: md('a', 'date: 2023-01-01', '# ![x](https://example.com/x.png)\n\nТекст.'),
    file: 'a.md',
    line: 4,
    message: /the title heading has no text/,
  },
  'title: only invisible characters': {
    files: txt('a', '\u200b\u2066\u2069'),
    file: 'a.txt',
    line: 1,
    message: /the title \(line 1\) is empty/,
  },
  'title: empty in metadata': {
    files: txt('a', 'А', 'title: "\\u00ad"'),
    file: 'a.yaml',
    line: 1,
    message: /"title" must not be empty/,
  },
  'tags: no letter or digit': {
    files: txt('a', 'А', 'tags: ["!!!"]'),
    file: 'a.yaml',
    line: 1,
    message: /needs a letter or digit/,
  },
  'tags: "<"': { files: txt('a', 'А', 'tags: ["a<b"]'), file: 'a.yaml', line: 1, message: /must not contain "<"/ },
  'slug: not lowercase': {
    files: txt('a', 'А', 'slug: Bad Slug'),
    file: 'a.yaml',
    line: 1,
    message: /"slug" must be lowercase letters/,
  },
  'slug: one explicit slug twice': {
    files: { ...txt('a', 'А', 'slug: same'), ...txt('b', 'Б', 'slug: same') },
    file: 'b.txt',
    message: /duplicate slug "same" \(also a.txt\)/,
  },
  'summary: too large for any feed item': {
    files: txt('a', 'А', `summary: "${'ж'.repeat(20_000)}"`),
    file: 'a.txt',
    message: /its title, summary, tags and other fields alone take \d+ KB of a feed item/,
  },
  'draft: not a boolean': {
    files: txt('a', 'А', 'draft: yes please'),
    file: 'a.yaml',
    line: 1,
    message: /"draft" must be true or false/,
  },
  'an unknown field': { files: txt('a', 'А', 'titel: x'), file: 'a.yaml', line: 1, message: /unknown metadata field/ },
  'a YAML alias bomb': {
    files: txt('a', 'А', ALIAS_BOMB),
    file: 'a.yaml',
    line: 13,
    message: /malformed YAML: .*alias/i,
  },
  'invalid UTF-8': {
    files: { 'a.txt': new Uint8Array([0x54, 0x0a, 0x0a, 0xcf, 0xf0, 0xe8]) },
    file: 'a.txt',
    line: 3,
    message: /not valid UTF-8/,
  },
  'Markdown without front matter': {
    files: { 'a.md': '# А\n\nТекст.' },
    file: 'a.md',
    line: 1,
    message: /must start with YAML front matter/,
  },
  'a sidecar without its article': {
    files: { 'a.yaml': 'date: 2023-01-01' },
    file: 'a.yaml',
    message: /without an article/,
  },
};

const PROJECT_VARS = (parseToml(await readFile(WRANGLER_TOML, 'utf8')) as { vars: Vars }).vars;

// Settings at their edges, each set building and serving a small corpus of its own.
const SETTINGS: Record<string, Vars> = {
  'a port in SITE_URL, markup in titles, one item a page, UTC+14, English, copyright and hub': {
    SITE_URL: 'http://localhost:8787',
    SITE_TITLE: '<Лента> & "новости" ]]>',
    SITE_DESCRIPTION: 'Описание 👍🏽 '.repeat(150),
    SITE_LANGUAGE: 'en',
    SITE_AUTHOR: '<Редакция & Co>',
    SITE_TIME_ZONE: 'Pacific/Kiritimati',
    FEED_PAGE_SIZE: '1',
    SITE_COPYRIGHT: '© <b>&amp;',
    WEBSUB_HUB: 'https://hub.example/?a=1&b=2',
  },
  'a path and a trailing slash in SITE_URL, a hundred items a page, UTC−12, Traditional Chinese, no footer markers': {
    SITE_URL: 'https://example.com/news/ru/',
    SITE_LANGUAGE: 'zh-Hant',
    SITE_TIME_ZONE: 'Etc/GMT+12',
    FEED_PAGE_SIZE: '100',
    CONTENT_FOOTER_MARKERS: [],
  },
};

const REFUSED_SETTINGS: Record<string, { vars: Vars; message: RegExp }> = {
  'SITE_URL: not http(s)': { vars: { SITE_URL: 'ftp://example.com' }, message: /\[vars\] SITE_URL: / },
  'SITE_URL: with a query': { vars: { SITE_URL: 'https://example.com/?a=1' }, message: /\[vars\] SITE_URL: / },
  'SITE_TITLE: blank': { vars: { SITE_TITLE: ' ' }, message: /\[vars\] SITE_TITLE: must not be empty/ },
  'SITE_LANGUAGE: en-US-US': { vars: { SITE_LANGUAGE: 'en-US-US' }, message: /\[vars\] SITE_LANGUAGE: / },
  'SITE_TIME_ZONE: not an IANA zone': {
    vars: { SITE_TIME_ZONE: 'Mars/Olympus' },
    message: /\[vars\] SITE_TIME_ZONE: /,
  },
  'FEED_PAGE_SIZE: 0': { vars: { FEED_PAGE_SIZE: '0' }, message: /\[vars\] FEED_PAGE_SIZE: must be at least 1/ },
  'FEED_PAGE_SIZE: 101': { vars: { FEED_PAGE_SIZE: '101' }, message: /\[vars\] FEED_PAGE_SIZE: must be at most 100/ },
  'FEED_PAGE_SIZE: not a number': { vars: { FEED_PAGE_SIZE: 'abc' }, message: /\[vars\] FEED_PAGE_SIZE: / },
  'WEBSUB_HUB: http': { vars: { WEBSUB_HUB: 'http://hub.example' }, message: /\[vars\] WEBSUB_HUB: / },
  'CONTENT_FOOTER_MARKERS: a blank marker': {
    vars: { CONTENT_FOOTER_MARKERS: [''] },
    message: /\[vars\] CONTENT_FOOTER_MARKERS: /,
  },
};

let root: string;
let bundle: { scriptPath: string };

/** Builds a corpus with the real content build, under these settings; what it printed comes back too. */
const build = async (name: string, files: Files, vars: Vars = {}) => {
  const dir = join(root, name);
  await mkdir(join(dir, 'seeds'), { recursive: true });
  await mkdir(join(dir, 'worker'), { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, 'seeds', file), content);
  const config = parseToml(await readFile(WRANGLER_TOML, 'utf8'));
  await writeFile(join(dir, 'wrangler.toml'), stringifyToml({ ...config, vars: { ...PROJECT_VARS, ...vars } }));
  // The build prints its report to stdout in one write; every warning is listed (verbose).
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(...String(chunk).split('\n'));
    return true;
  });
  try {
    const result = await buildContent({
      seeds: join(dir, 'seeds'),
      assets: join(dir, 'assets'),
      config: join(dir, 'wrangler.toml'),
      verbose: true,
      quiet: true,
    });
    return { dir, result, printed };
  } finally {
    spy.mockRestore();
  }
};

/** A built store read back as the Worker reads it: every article's metadata, oldest first, and each tag's positions. */
interface BuiltContent {
  articles: ArticleMeta[];
  tags: { slug: string; articles: number[] }[];
}

const readBuiltContent = async (dir: string): Promise<BuiltContent> => {
  const assets = assetsOf(dir);
  const count = await articleCount(assets);
  const articles = await loadMetas(
    assets,
    Array.from({ length: count }, (_, i) => i),
  );
  const tags = new Map<string, number[]>();
  articles.forEach((article, position) => {
    for (const tag of article.tags) tags.set(tag.slug, [...(tags.get(tag.slug) ?? []), position]);
  });
  return { articles, tags: [...tags].map(([slug, positions]) => ({ slug, articles: positions })) };
};

/**
 * Every URL the site answers for this content now, each list and feed with each of
 * its archive pages, with the status it must give: 404 for an article still
 * scheduled (dated after now).
 */
const routesOf = (index: BuiltContent, pageSize: number, now: number): [string, 200 | 404][] => {
  const out = index.articles.map((article) => Date.parse(article.published) <= now);
  const archives = (prefix: string, count: number) =>
    Array.from({ length: archiveCount(count, pageSize) }, (_, i) => `${prefix}/archive/${i + 1}`);
  const paged = (prefix: string, count: number) => [prefix || '/', ...archives(prefix, count)];
  const feeds = (prefix: string, count: number) =>
    ['rss.xml', 'atom.xml', 'feed.json'].flatMap((file) =>
      [prefix, ...archives(prefix, count)].map((path) => `${path}/${file}`),
    );
  const published = out.filter(Boolean).length;
  const ok = (paths: string[]): [string, 200][] => paths.map((path): [string, 200] => [path, 200]);
  return [
    ...ok([...paged('', published), ...feeds('', published)]),
    ...index.articles.map((article, i): [string, 200 | 404] => [`/articles/${article.slug}`, out[i] ? 200 : 404]),
    ...index.tags.flatMap((tag) => {
      const count = tag.articles.filter((position) => out[position]).length;
      const prefix = `/tags/${tag.slug}`;
      return count === 0 ? [] : ok([...paged(prefix, count), ...feeds(prefix, count)]);
    }),
    ...ok(['/feed', '/feeds.opml', '/sitemap.xml', '/robots.txt', '/favicon.svg']),
  ];
};

/** Serves a built corpus from the bundle and requests every route: all 200, feeds well-formed. */
const serveEverything = async (dir: string, vars: Vars = {}) => {
  await copyFile(bundle.scriptPath, join(dir, 'worker/index.js'));
  const index = await readBuiltContent(dir);
  // Lists (CONTENT_FOOTER_MARKERS) are read by the build alone.
  const bindings = Object.fromEntries(
    Object.entries(vars).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const worker: Miniflare = await startBuiltWorker({
    scriptPath: join(dir, 'worker/index.js'),
    assetsDir: join(dir, 'assets'),
    vars: bindings,
  });
  try {
    const failures: string[] = [];
    const pageSize = Number(vars.FEED_PAGE_SIZE ?? PROJECT_VARS.FEED_PAGE_SIZE);
    // A site under a path answers under it.
    const base = basePath(String(vars.SITE_URL ?? PROJECT_VARS.SITE_URL));
    for (const [path, status] of routesOf(index, pageSize, Date.now())) {
      const response = await worker.dispatchFetch(`http://localhost${base}${path}`);
      const body = await response.text();
      if (response.status !== status) failures.push(`${path}: ${response.status}`);
      else if (status !== 200) continue;
      else if (/\.xml$|\.opml$/.test(path.split('?')[0]!)) parseXml(body);
      else if (path.split('?')[0]!.endsWith('.json')) JSON.parse(body);
    }
    return { index, failures, worker };
  } catch (error) {
    await worker.dispose();
    throw error;
  }
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'edge-values-'));
  bundle = await buildBundle(join(projectRoot, 'seeds'), join(root, 'project'));
}, 180_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('whatever builds, serves', () => {
  it('builds every valid edge value of every metadata field, and serves every route with 200', async () => {
    const files = Object.assign({}, ...Object.values(SERVED)) as Files;
    const { dir, result, printed } = await build('served', files);
    expect(result.errors, printed.join('\n')).toBe(0);
    // Dates without a time of day are warned about for the aggregators' sake; the others are counted here.
    const untimed = printed.filter((line) => line.includes(': date without a time of day:'));
    expect(untimed.length).toBeGreaterThan(0);
    const warnings = printed.filter((line) => line.startsWith('warning:') && !untimed.includes(line));
    expect(warnings).toEqual(
      expect.arrayContaining([
        'warning: d-none.txt: no date: using 1970-01-01 (the fallback); set "date" in its metadata',
        'warning: 2021-05-05-d-name.txt: no date: using 2021-05-05 from the file name; set "date" in its metadata',
        expect.stringMatching(/^warning: p-huge.txt: too large for a feed item/),
        expect.stringMatching(/^warning: s-clash2.txt: slug "kurs-rublya" is taken by s-clash1.txt/),
        expect.stringMatching(/^warning: s-clash3.txt: slug "kurs-rublya" is taken by s-clash1.txt/),
      ]),
    );
    expect(warnings).toHaveLength(5);
    const { index, failures, worker } = await serveEverything(dir);
    try {
      expect(failures).toEqual([]);
      expect(index.articles.map((a) => a.id)).not.toContain('r-true');
      expect((await worker.dispatchFetch('http://localhost/articles/chernovik')).status).toBe(404);
      expect(new Set(index.articles.map((a) => a.slug)).size).toBe(index.articles.length);
      expect(index.articles.find((a) => a.id === 'l-en-gb')?.language).toBe('en-GB');
      expect(index.tags.filter((tag) => tag.slug === 'ekonomika')).toHaveLength(1);
    } finally {
      await worker.dispose();
    }
  }, 180_000);

  it.each(Object.entries(REFUSED))('refuses %s, naming the file', async (name, { files, file, line, message }) => {
    const { result, printed } = await build(`refused-${Object.keys(REFUSED).indexOf(name)}`, files);
    expect(result.errors).toBeGreaterThan(0);
    const prefix = `error: ${file}${line ? `:${line}` : ''}: `;
    const error = printed.find((printedLine) => printedLine.startsWith(prefix));
    expect(error, printed.join('\n')).toMatch(message);
  });

  it.each(Object.entries(SETTINGS))(
    'builds and serves settings at their edges: %s',
    async (name, vars) => {
      const files = {
        ...SERVED['title: markup, CDATA end, entities'],
        ...SERVED['tags: markup characters'],
        ...SERVED['language: detected English on the Russian site'],
        ...SERVED['image: src, alt and caption with markup'],
      };
      const { dir, result, printed } = await build(`settings-${Object.keys(SETTINGS).indexOf(name)}`, files, vars);
      expect(result.errors, printed.join('\n')).toBe(0);
      const { failures, worker } = await serveEverything(dir, vars);
      await worker.dispose();
      expect(failures).toEqual([]);
    },
    120_000,
  );

  it.each(Object.entries(REFUSED_SETTINGS))('refuses the setting %s, naming it', async (name, { vars, message }) => {
    await expect(
      build(`bad-setting-${Object.keys(REFUSED_SETTINGS).indexOf(name)}`, txt('a', 'А'), vars),
    ).rejects.toThrow(message);
  });
});
