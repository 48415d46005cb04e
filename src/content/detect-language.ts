/** Guesses an article's language from its script when the metadata does not name it. */

// Site languages written in Cyrillic: for these, Latin text is a different language.
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);

export const detectLanguage = (text: string, siteLanguage: string): string => {
  // Counted by runs of letters, not letter by letter: a match a letter made every article's text an array of them.
  let [cyrillic, latin] = [0, 0];
  for (const [, cyrillicRun, latinRun] of text.matchAll(/(\p{Script=Cyrillic}+)|(\p{Script=Latin}+)/gu)) {
    if (cyrillicRun) cyrillic += cyrillicRun.length;
    else latin += latinRun!.length;
  }
  const siteIsCyrillic = CYRILLIC_LANGUAGES.has(siteLanguage.split('-')[0]!);
  if (cyrillic > latin) {
    if (siteIsCyrillic) return siteLanguage;
    // Letters that Ukrainian has and Russian lacks.
    return /[ієїґІЄЇҐ]/u.test(text) ? 'uk' : 'ru';
  }
  if (latin > cyrillic && siteIsCyrillic) return 'en';
  return siteLanguage;
};
