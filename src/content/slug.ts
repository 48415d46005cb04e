/** URL slugs, transliterated from titles in any script. */
import { slugify as transliterateSlug } from 'transliteration';
import { withoutIgnorables } from './invisible-characters.ts';

// The library's defaults give "kazahstan" and "cekh"; Russian news sites and
// passports (ICAO 9303) write kh and ts.
const RUSSIAN = { х: 'kh', Х: 'Kh', ц: 'ts', Ц: 'Ts' };

const MAX_LENGTH = 80;

// Tags repeat across articles and each is slugged twice (checked, then kept): remembered, within a bound.
const known = new Map<string, string>();
const KNOWN_MAX = 10_000;

export const slugify = (title: string): string => {
  let slug = known.get(title);
  if (slug === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    slug = transliterate(title);
    known.set(title, slug);
  }
  return slug;
};

const transliterate = (title: string): string => {
  // Invisible characters would split a word ("эконо\u200bмика" → "ekono-mika"): a look-alike must not get its own slug.
  const slug = transliterateSlug(withoutIgnorables(title), {
    lowercase: true,
    separator: '-',
    allowedChars: 'a-zA-Z0-9',
    replace: RUSSIAN,
  });
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_LENGTH);
};
