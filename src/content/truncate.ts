/**
 * Cuts text to a length for summaries, descriptions and titles: at a word
 * boundary where one is near, and always between whole characters as a reader
 * sees them (Unicode grapheme clusters, UAX #29): never half a surrogate pair,
 * an emoji without its skin tone or joiner sequence, or a letter without its marks.
 */

/**
 * Made on first use: an Intl.Segmenter took 20 ms to make in workerd, half a Worker's start-up,
 * and most cuts fall between two characters that need none (STANDALONE).
 */
let graphemes: Intl.Segmenter | undefined;

/**
 * Letters of the Latin, Cyrillic and Greek scripts (not their combining marks), digits, spaces and
 * punctuation. None of them joins a grapheme cluster with its neighbour (UAX #29: none is Extend,
 * SpacingMark, Prepend, ZWJ, a control or a regional indicator, and a pictograph among them joins only
 * what follows a ZWJ), so between two of them there is always a boundary.
 */
const STANDALONE = /^[[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Nd}\p{Zs}\p{P}]--\p{M}]$/v;

// Trailing punctuation before an ellipsis reads badly: "словами,…".
const TRAILING = /[\s,;:.!?—–-]+$/u;

/** The end of the last whole character of `text` that ends at or before `maxLength` (maxLength < text.length). */
const wholeCharactersEnd = (text: string, maxLength: number): number => {
  if (maxLength > 0 && STANDALONE.test(text[maxLength - 1]!) && STANDALONE.test(text[maxLength]!)) return maxLength;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // Whether a boundary falls at maxLength depends on the code point after it (at most 2 units).
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, maxLength + 2))) {
    if (index + segment.length > maxLength) break;
    end = index + segment.length;
  }
  return end;
};

/** At most `maxLength` UTF-16 code units of `text`, plus "…" when anything was cut. */
export const truncate = (text: string, maxLength: number): string => {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, wholeCharactersEnd(text, maxLength));
  // A space is a grapheme of its own, so cutting there keeps whole characters too.
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(TRAILING, '')}…`;
};
