/**
 * Generates realistic articles in the seed's plain-text form (with YAML
 * sidecars), deterministic from a seed number: for the bench and for tests.
 * `--undated` leaves the sidecars out, as a CMS export often arrives: every article then lacks a date.
 *
 *   node scripts/generate-articles.ts --count 1000 --out /tmp/seeds [--seed 1] [--undated]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CompiledArticle } from '../src/content/compile-articles.ts';
import type { StoreKeys } from '../src/content/plan-store.ts';
import { slugify } from '../src/content/slug.ts';
import type { ArticleTag } from '../src/content/types.ts';
import { projectRoot } from './wrangler-config.ts';

/** mulberry32: a small, fast, well-distributed PRNG; the same seed gives the same corpus everywhere. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Sentences of the real seed: generated text reads like it and has its length.
const SEED_TEXT = readFileSync(join(projectRoot, 'seeds/000_caf9e8d9b7b58b94.txt'), 'utf8');
const SENTENCES = SEED_TEXT.split('\n')
  .slice(4, -3)
  .join(' ')
  .split(/(?<=[.!?])\s+(?=[А-ЯЁ"])/u)
  .filter((s) => s.length > 30);

const PEOPLE = [
  'Михаил Мишустин',
  'Касым-Жомарт Токаев',
  'Министр финансов',
  'Глава ЦБ',
  'Президент Узбекистана',
  'Губернатор',
];
const VERBS = ['анонсировал', 'обсудил', 'оценил', 'раскритиковал', 'поддержал', 'предложил', 'объявил'];
const OBJECTS = [
  'рекордный товарооборот',
  'новые тарифы',
  'газовый союз',
  'план цифровизации',
  'курс рубля',
  'проекты в промышленности',
  'сельскохозяйственный экспорт',
];
const PLACES = [
  'между РФ и Казахстаном',
  'в Москве',
  'на встрече в Кремле',
  'в Астане',
  'на форуме в Ташкенте',
  'до конца года',
];
const TAGS = [
  'Россия',
  'Казахстан',
  'Узбекистан',
  'экономика',
  'торговля',
  'политика',
  'энергетика',
  'газ',
  'финансы',
  'промышленность',
  'сельское хозяйство',
  'цифровизация',
  'транспорт',
  'логистика',
  'дипломатия',
  'Кремль',
  'СНГ',
  'ЕАЭС',
  'инвестиции',
  'рубль',
];
const FOOTER =
  'Подписывайтесь на наши страницы в соцсетях:\n"Смотрим"ВКонтакте, Одноклассники, Дзен и Telegram\nВести.RuВКонтакте, Одноклассники, Дзен и Telegram.';

/** One tag in about a thousand articles: its items lie far apart, the worst case for a tag page's reads. */
const RARE_TAG = 'расследования';
const RARE_EVERY = 997;

export interface GeneratedArticle {
  name: string;
  text: string;
  yaml: string;
}

/** The choices that make article i: the same random draws, in the same order, whatever is built from them. */
const planArticle = (i: number, seed: number, { text = true } = {}) => {
  const next = random(seed * 1_000_003 + i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // The number first, so that it survives the slug's 80-character cut: real headlines repeat, generated ones need not.
  const headline = [pick(PEOPLE), pick(VERBS), pick(OBJECTS), pick(PLACES)] as const;
  // Sentences are drawn now and joined only when text is wanted; without text, only drawn.
  const paragraphs: string[][] = [];
  for (let p = 0, count = 7 + Math.floor(next() * 3); p < count; p++) {
    const sentences: string[] = [];
    for (let n = 0, length = 1 + Math.floor(next() * 2); n < length; n++) {
      const sentence = pick(SENTENCES);
      if (text) sentences.push(sentence);
    }
    if (text) paragraphs.push(sentences);
  }
  const person = pick(PEOPLE);
  const photo = next() < 0.7;
  const date = new Date(Date.UTC(2024, 11, 31, 18) - i * 7 * 3_600_000 - Math.floor(next() * 3_600_000));
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TAGS)))];
  if (i % RARE_EVERY === RARE_EVERY - 1) tags.push(RARE_TAG);
  return {
    name: `${String(i).padStart(5, '0')}_gen${seed}`,
    headline,
    title: `№ ${i + 1}. ${headline.join(' ')}`,
    paragraphs,
    person,
    photo,
    date,
    tags,
  };
};

/** Article i of a corpus, one about every 7 hours back from 2024-12-31, newest at i = 0. */
export const generateArticle = (i: number, seed = 1): GeneratedArticle => {
  const { name, title, paragraphs, person, photo, date, tags } = planArticle(i, seed);
  const text = paragraphs.map((sentences) => sentences.join(' ')).join('\n\n');
  return {
    name,
    text: `${title}\n${photo ? `\n${person}\n${person}` : ''}\n${text}\n\n${FOOTER}`,
    yaml: `date: ${date.toISOString().replace('.000Z', 'Z')}\nsource: Вести.Ru\ntags: [${tags.join(', ')}]\n`,
  };
};

const headlineSlugs = new Map<string, string>();
const tagSlugs = new Map<string, string>();
const cached = (cache: Map<string, string>, text: string) => {
  let slug = cache.get(text);
  if (slug === undefined) {
    slug = slugify(text);
    cache.set(text, slug);
  }
  return slug;
};

// As src/content/slug.ts cuts: at the last hyphen within 80 characters.
const cutSlug = (slug: string) => (slug.length <= 80 ? slug : slug.slice(0, slug.lastIndexOf('-', 80)));

/**
 * Article i as the build would compile it, without parsing any text: for
 * planning and store tests at 100,000 articles and more. Its metadata has the
 * real corpus's dates, tags and shapes; its body is the first paragraph only
 * unless `fullBody`, and its slug comes from a cache of headline slugs.
 */
export const generateCompiledArticle = (i: number, seed = 1, { fullBody = false } = {}): CompiledArticle => {
  const { name, headline, title, paragraphs, person, photo, date, tags } = planArticle(i, seed);
  // The build reads whole seconds.
  const iso = `${date.toISOString().slice(0, 19)}+00:00`;
  const shown = (fullBody ? paragraphs : paragraphs.slice(0, 1)).map((sentences) => sentences.join(' '));
  const text = shown.join('\n\n');
  const words = text.split(/\s+/).length;
  const html = shown.map((p) => `<p>${p}</p>`).join('\n');
  const summary = shown[0]!.slice(0, 280);
  return {
    file: `${name}.txt`,
    explicitSlug: false,
    meta: {
      id: name,
      guid: `urn:uuid:00000000-0000-5000-8000-${String(i).padStart(12, '0')}`,
      slug: cutSlug(`no-${i + 1}-${cached(headlineSlugs, headline.join(' '))}`),
      title,
      published: iso,
      updated: iso,
      summary,
      tags: tags.map((tag) => ({ name: tag, slug: cached(tagSlugs, tag) })),
      language: 'ru',
      source: 'Вести.Ru',
      ...(photo ? { image: { alt: person, caption: person } } : {}),
      wordCount: words,
      readingMinutes: Math.max(1, Math.round(words / 180)),
    },
    // Pages would show the HTML typeset; the same bytes stand in for it here.
    body: { id: name, pageHtml: html, html, text, title, summary },
  };
};

export interface CorpusOptions {
  seed?: number;
  /** Write no sidecars, so no article has a date (or tags, or a source). */
  undated?: boolean;
  /** The first article's number (0, the newest, by default): from 1, article 0 can be published later. */
  from?: number;
}

/** What the store's index files need of article i (its slug, dates and tags): for planning a million articles in seconds. */
export const generateArticleKey = (i: number, seed = 1): { slug: string; updated: string; tags: ArticleTag[] } => {
  const { headline, date, tags } = planArticle(i, seed, { text: false });
  return {
    slug: cutSlug(`no-${i + 1}-${cached(headlineSlugs, headline.join(' '))}`),
    updated: `${date.toISOString().slice(0, 19)}+00:00`,
    tags: tags.map((tag) => ({ name: tag, slug: cached(tagSlugs, tag) })),
  };
};

/** The keys of `count` generated articles in publication order: article i of the corpus is at position count − 1 − i. */
export const generatedStoreKeys = (count: number): StoreKeys => {
  const keys = Array.from({ length: count }, (_, position) => generateArticleKey(count - 1 - position));
  return {
    count,
    slug: (position) => keys[position]!.slug,
    updated: (position) => keys[position]!.updated,
    updatedMs: (position) => Date.parse(keys[position]!.updated),
    tags: (position) => keys[position]!.tags,
  };
};

export const writeCorpus = async (
  dir: string,
  count: number,
  { seed = 1, undated = false, from = 0 }: CorpusOptions = {},
): Promise<void> => {
  await mkdir(dir, { recursive: true });
  for (let i = from; i < from + count; i++) {
    const { name, text, yaml } = generateArticle(i, seed);
    // Synchronous writes: a million small files in a row, no promise per file.
    writeFileSync(join(dir, `${name}.txt`), text);
    if (!undated) writeFileSync(join(dir, `${name}.yaml`), yaml);
  }
};

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      undated: { type: 'boolean', default: false },
    },
  });
  if (!values.count || !values.out)
    throw new Error('usage: node scripts/generate-articles.ts --count N --out DIR [--seed S] [--undated]');
  await writeCorpus(values.out, Number(values.count), { seed: Number(values.seed), undated: values.undated });
  console.log(`generated ${values.count} articles in ${values.out}`);
}
