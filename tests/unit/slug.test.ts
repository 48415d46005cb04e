import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/content/slug.ts';

describe('slugify', () => {
  it('transliterates Russian as news sites and passports do: х is kh, ц is ts', () => {
    expect(slugify('Мишустин анонсировал рекордный товарооборот между РФ и Казахстаном')).toBe(
      'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom',
    );
    expect(slugify('Цены в Чехии')).toBe('tseny-v-chekhii');
    expect(slugify('ХОККЕЙ')).toBe('khokkey');
    expect(slugify('Ёжик и щука — съел')).toBe('yozhik-i-shchuka-sel');
  });

  it('keeps Latin letters and digits, lower case, one hyphen between words', () => {
    expect(slugify('Hello,  World!')).toBe('hello-world');
    expect(slugify('  Курс — 2024: «прогноз»  ')).toBe('kurs-2024-prognoz');
  });

  it('gives an empty slug where there is no letter or digit', () => {
    expect(slugify('!!! — ???')).toBe('');
  });

  it('cuts a long title at the last word boundary within 80 characters', () => {
    expect(slugify('Очень длинный заголовок новости '.repeat(6))).toBe(
      'ochen-dlinnyy-zagolovok-novosti-ochen-dlinnyy-zagolovok-novosti-ochen-dlinnyy',
    );
  });

  it('cuts a single word longer than 80 characters at 80', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(80));
  });
});
