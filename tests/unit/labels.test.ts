import { describe, expect, it } from 'vitest';
import { ogLocale } from '../../src/site/labels.ts';

describe('ogLocale', () => {
  it("gives Open Graph's language_TERRITORY of the article's language, the likeliest territory where it names none", () => {
    expect(['ru', 'en', 'en-GB', 'de', 'pt', 'uk', 'kk', 'zh-Hant', 'sr-Latn'].map(ogLocale)).toEqual([
      'ru_RU',
      'en_US',
      'en_GB',
      'de_DE',
      'pt_BR',
      'uk_UA',
      'kk_KZ',
      'zh_TW',
      'sr_RS',
    ]);
  });
});
