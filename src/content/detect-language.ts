/** Guesses an article's language from its script when the metadata does not name it. */

// Site languages written in Cyrillic: for these, Latin text is a different language.
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);

export const detectLanguage = (text: string, siteLanguage: string): string => {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const siteIsCyrillic = CYRILLIC_LANGUAGES.has(siteLanguage.split('-')[0]!);
  if (cyrillic > latin) {
    if (siteIsCyrillic) return siteLanguage;
    // Letters that Ukrainian has and Russian lacks.
    return /[ієїґІЄЇҐ]/u.test(text) ? 'uk' : 'ru';
  }
  if (latin > cyrillic && siteIsCyrillic) return 'en';
  return siteLanguage;
};
