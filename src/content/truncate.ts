/**
 * Cuts text to a length for summaries, descriptions and titles: at a word
 * boundary where one is near, and always between whole characters as a reader
 * sees them (Unicode grapheme clusters, UAX #29): never half a surrogate pair,
 * an emoji without its skin tone or joiner sequence, or a letter without its marks.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Trailing punctuation before an ellipsis reads badly: "словами,…".
const TRAILING = /[\s,;:.!?—–-]+$/u;

/** At most `maxLength` UTF-16 code units of `text`, plus "…" when anything was cut. */
export const truncate = (text: string, maxLength: number): string => {
  if (text.length <= maxLength) return text;
  // Whether a boundary falls at maxLength depends on the code point after it (at most 2 units).
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, maxLength + 2))) {
    if (index + segment.length > maxLength) break;
    end = index + segment.length;
  }
  const cut = text.slice(0, end);
  // A space is a grapheme of its own, so cutting there keeps whole characters too.
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(TRAILING, '')}…`;
};
