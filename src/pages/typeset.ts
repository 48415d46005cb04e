/**
 * Russian typography for pages: a no-break space after one- and two-letter
 * words (в, и, на, по…) and before a dash, so that no line ends with «в» or
 * starts with «–». Pages only: feeds carry the text as written.
 */

const NBSP = '\u00a0';
// Prepositions, conjunctions and pronouns that must not end a line, at the start of a
// text or after a space, bracket, quote or tag; then their space. Abbreviations (РФ, ЦБ) are not among them.
const SHORT_WORD = /(^|[\s(«„">])(в|во|и|к|ко|с|со|у|о|об|а|но|на|за|по|до|из|от|не|ни|я|мы|вы|он|то) (?=[^\s<])/giu;
const SPACED_DASH = / ([–—]) /g;

export const typesetRussian = (text: string): string =>
  text
    // Twice: "и в доме" has two short words in a row, and a match consumes the space between them.
    .replace(SHORT_WORD, `$1$2${NBSP}`)
    .replace(SHORT_WORD, `$1$2${NBSP}`)
    .replace(SPACED_DASH, `${NBSP}$1 `);

/** Typesets text in a Russian-language context; any other language is left alone. */
export const typeset = (text: string, language: string): string =>
  language.split('-')[0] === 'ru' ? typesetRussian(text) : text;
