/**
 * Generates realistic articles in the seed's plain-text form (with YAML
 * sidecars), deterministic from a seed number: for the bench and for tests.
 * `--undated` leaves the sidecars out, as a CMS export often arrives: every article then lacks a date.
 *
 *   node scripts/generate-articles.ts --count 1000 --out /tmp/seeds [--seed 1] [--undated]
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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

export interface GeneratedArticle {
  name: string;
  text: string;
  yaml: string;
}

/** Article i of a corpus, one about every 7 hours back from 2024-12-31, newest at i = 0. */
export const generateArticle = (i: number, seed = 1): GeneratedArticle => {
  const next = random(seed * 1_000_003 + i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // The number first, so that it survives the slug's 80-character cut: real headlines repeat, generated ones need not.
  const title = `№ ${i + 1}. ${pick(PEOPLE)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)}`;
  const paragraphs = Array.from({ length: 7 + Math.floor(next() * 3) }, () =>
    Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(SENTENCES)).join(' '),
  );
  const person = pick(PEOPLE);
  const photo = next() < 0.7 ? `\n${person}\n${person}` : '';
  const date = new Date(Date.UTC(2024, 11, 31, 18) - i * 7 * 3_600_000 - Math.floor(next() * 3_600_000));
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TAGS)))];
  return {
    name: `${String(i).padStart(5, '0')}_gen${seed}`,
    text: `${title}\n${photo}\n${paragraphs.join('\n\n')}\n\n${FOOTER}`,
    yaml: `date: ${date.toISOString().replace('.000Z', 'Z')}\nsource: Вести.Ru\ntags: [${tags.join(', ')}]\n`,
  };
};

export interface CorpusOptions {
  seed?: number;
  /** Write no sidecars, so no article has a date (or tags, or a source). */
  undated?: boolean;
}

export const writeCorpus = async (
  dir: string,
  count: number,
  { seed = 1, undated = false }: CorpusOptions = {},
): Promise<void> => {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { name, text, yaml } = generateArticle(i, seed);
    await writeFile(join(dir, `${name}.txt`), text);
    if (!undated) await writeFile(join(dir, `${name}.yaml`), yaml);
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
