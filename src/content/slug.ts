/** URL slugs, transliterated from titles in any script. */
import { slugify as transliterateSlug } from 'transliteration';

// The library's defaults give "kazahstan" and "cekh"; Russian news sites and
// passports (ICAO 9303) write kh and ts.
const RUSSIAN = { х: 'kh', Х: 'Kh', ц: 'ts', Ц: 'Ts' };

const MAX_LENGTH = 80;

export const slugify = (title: string): string => {
  const slug = transliterateSlug(title, {
    lowercase: true,
    separator: '-',
    allowedChars: 'a-zA-Z0-9',
    replace: RUSSIAN,
  });
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_LENGTH);
};
