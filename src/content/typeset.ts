/**
 * Typography for the site's pages, done once at build time by typograf
 * (https://github.com/typograf/typograf), with the rules of the text's language:
 * quotes («ёлочки» with „лапки“ inside them in Russian, “curly” in English),
 * dashes, and no-break spaces after short words and before dashes. Only those:
 * its other rules rewrite dates, phone numbers and symbols, which is editing, not
 * typesetting. Code (<code>, <pre>, <kbd>, <samp>, <var>) and URLs are left as
 * they are. Feeds carry the text as written.
 */
import Typograf from 'typograf';
import { escapeHtml } from './escape-html.ts';

/**
 * The rules, by name (`*` is any language's): each costs a pass over the text,
 * and the 47 dash and no-break-space rules typograf has for Russian took 1.9 ms
 * on the seed's page, most of a cold build's time per article. Dates, numbers and
 * abbreviations are left as written.
 *
 * Quotes are set paragraph by paragraph, as typograf does by default, so that a
 * quotation running over several paragraphs (each opening with «, only the last
 * closing) keeps «ёлочки» in each. The other rules see no quotes and need no
 * paragraphs, so they run once over the whole text: a pass per paragraph per rule
 * was most of the time. Together 0.4 ms on the seed's page, the same bytes.
 * common/html/quot reads &quot; in text as a quote mark, so that escaped quotes are typeset too.
 * (Exported for the tests, which check typesetHtml against typograf configured with them.)
 */
const QUOTE_LINK = 'common/punctuation/quoteLink';
export const QUOTE_RULES = ['common/html/quot', 'common/punctuation/quote', QUOTE_LINK];
export const TEXT_RULES = [
  'common/punctuation/hellip',
  'common/punctuation/apostrophe',
  'common/nbsp/afterShortWord',
  'common/nbsp/afterShortWordByList',
  'common/nbsp/beforeShortLastWord',
  '*/dash/main',
  '*/dash/directSpeech',
  '*/dash/month',
  '*/nbsp/dayMonth',
  '*/nbsp/afterNumberSign',
  '*/nbsp/initials',
  '*/nbsp/mln',
];

/** typograf's locale for a BCP 47 tag ("ru", "en-GB", "en" → "en-US"), or undefined when it has none. */
const typografLocale = (language: string): string | undefined => {
  const locales = Typograf.getLocales();
  const primary = language.split('-')[0]!;
  return [language, primary, primary === 'en' ? 'en-US' : ''].find((locale) => locales.includes(locale));
};

type Typeset = (html: string) => string;

/**
 * typograf names each piece of markup it sets aside by a counter that it never sets back to zero
 * (SafeTags.counter, typograf 7.8), so every call keys an object by names V8 has never seen and builds
 * new hidden classes for them: two thirds of a call's time. The names need to be unique within a call
 * only, so each call starts them from zero again; the output is the same.
 */
const run = (typograf: Typograf, html: string): string => {
  (typograf.safeTags as unknown as { counter: number }).counter = 0;
  return typograf.execute(html);
};

/** typograf's separate parts (Typograf#separatePartsTags, 7.8), as it finds them: quotes are set in each on its own. */
const PART = /<(title|p|h[1-6]|select|legend)(\s[^>]*?)?>[\s\S]*?<\/\1>/gi;

/**
 * What typograf sets aside before it finds the parts (SafeTags' html group: comments, code and the like) or
 * hides as markup (escaped tags): where a text has any, its quotes are set by typograf part by part.
 */
const SET_ASIDE = /<(?:[!?]|(?:code|kbd|object|pre|samp|script|style|var)[\s>])|&lt;/i;

/** A tag, as typograf finds one (SafeTags#hideHTMLTags): it sets each aside before it sets quotes. */
const TAG = /<\/?[a-z][\s\S]*?>/gi;

/** An entity other than those escapeHtml writes: it may stand for a quote mark. */
const OTHER_ENTITY = /&(?!(?:amp|lt|gt|quot|#39);)/;

/** A locale's quote marks, level by level (typograf's common/punctuation/quote setting). */
interface QuoteMarks {
  left: string;
  right: string;
}

/**
 * typograf's nesting of quotes (Quote#setInner and #getMaxLevel, 7.8), over one part: each quotation
 * opened inside another takes the next level's marks, a straight quote left as it was ends every level,
 * and a part whose outer marks do not pair nests two levels at most. Markup is skipped, as typograf
 * skips what it has set aside.
 */
const nestQuotes = (part: string, { left, right }: QuoteMarks, marks: RegExp): string => {
  const [open, close] = [left[0]!, right[0]!];
  if (!part.includes(open)) return part;
  let [opened, closed, inTag] = [0, 0, false];
  for (const [mark] of part.matchAll(marks)) {
    if (inTag) inTag = mark !== '>';
    else if (mark === '<') inTag = true;
    else if (mark === open) opened++;
    else if (mark === close) closed++;
  }
  const max = opened === closed ? left.length : Math.min(left.length, 2);
  let level = 0;
  inTag = false;
  return part.replace(marks, (mark) => {
    if (inTag) {
      inTag = mark !== '>';
      return mark;
    }
    if (mark === '<') inTag = true;
    else if (mark === open) {
      const nested = left[Math.min(level, max - 1)]!;
      level = Math.min(level + 1, max);
      return nested;
    } else if (mark === close) {
      level = Math.max(level - 1, 0);
      return right[level]!;
    } else if (mark === '"') level = 0;
    return mark;
  });
};

/** A typograf of the typesetter's locale with the rules named, paragraph by paragraph or not. */
type MakeTypograf = (enableRule: string[], processingSeparateParts: boolean) => Typograf;

/**
 * Quotes as typograf sets them part by part (processingSeparateParts), at under half the cost. typograf's
 * only state across parts is the nesting level, and its pass over each part was most of the time: so one
 * pass over the whole text sets the outer marks (a locale setting of one level), then nestQuotes gives
 * each part its levels, and then quote marks at the edges of links move out of them (quoteLink), in
 * typograf's order. Exact where nothing is set aside, no entity may be a quote mark and none stands
 * outside a part (else part by part, by typograf): tested against typograf over random texts.
 */
const quotesByPart = (locale: string, typograf: MakeTypograf): Typeset => {
  const byPart = typograf(QUOTE_RULES, true);
  const setting = byPart.getSetting('common/punctuation/quote', locale) as QuoteMarks & { spacing?: boolean };
  const { left, right, spacing } = setting;
  // Locales whose outer marks are the same both sides, or that space them (fr), take other paths in typograf.
  if (left.length < 2 || left.length !== right.length || left[0] === right[0] || left[0] === left[1] || spacing)
    return (html: string) => run(byPart, html);
  const outer = typograf(
    QUOTE_RULES.filter((rule) => rule !== QUOTE_LINK),
    false,
  );
  outer.setSetting('common/punctuation/quote', locale, { left: left[0], right: right[0] });
  const links = typograf([QUOTE_LINK], false);
  const marks = new RegExp(`[<>"${left[0]}${right[0]}]`, 'g');
  // What typograf takes for a quote mark, in text (not in markup): a part without one it leaves as it is.
  const quoteMark = new RegExp(`[${Typograf.getData('common/quote')}]|&quot;`);
  const quoted = (html: string) => quoteMark.test(html.replace(TAG, ''));
  return (html) => {
    if (SET_ASIDE.test(html) || OTHER_ENTITY.test(html)) return run(byPart, html);
    // One scan: whether each part holds a quote mark, and what lies outside every part.
    const parts: boolean[] = [];
    const outside = html.replace(PART, (part) => {
      parts.push(quoted(part));
      return '';
    });
    if (quoted(outside)) return run(byPart, html);
    let i = 0;
    const nested = run(outer, html).replace(PART, (part) => (parts[i++] ? nestQuotes(part, setting, marks) : part));
    return /<a\s/i.test(nested) ? run(links, nested) : nested;
  };
};

const typesetters = new Map<string, Typeset | undefined>();

/** Quotes paragraph by paragraph, then the other rules over the whole text; none for a language typograf lacks. */
const typesetter = (locale: string | undefined): Typeset | undefined => {
  if (!locale) return undefined;
  // htmlEntity "default": characters as themselves (U+00A0, not &nbsp;); markup's own entities stay.
  const typograf: MakeTypograf = (enableRule, processingSeparateParts) =>
    new Typograf({ locale, htmlEntity: { type: 'default' }, disableRule: '*', enableRule, processingSeparateParts });
  const quotes = quotesByPart(locale, typograf);
  const text = typograf(TEXT_RULES, false);
  return (html) => run(text, quotes(html));
};

const typesetterFor = (language: string): Typeset | undefined => {
  if (!typesetters.has(language)) typesetters.set(language, typesetter(typografLocale(language)));
  return typesetters.get(language);
};

/** Typesets sanitised HTML: text between tags only, never inside code or attributes. */
export const typesetHtml = (html: string, language: string): string => typesetterFor(language)?.(html) ?? html;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

/** What an article's page shows typeset: its title and summary (plain text) and its body (sanitised HTML). */
export interface PageText {
  title: string;
  summary: string;
  html: string;
}

/** The title and summary as the first two paragraphs: escaped, so they hold no "<" that could end one early. */
const LEADING_PARAGRAPHS = /^<p>([^<]*)<\/p><p>([^<]*)<\/p>/;

/**
 * Typesets an article's page in one pass of typograf instead of three: its title and summary go
 * through as escaped HTML paragraphs ahead of the body (so that typograf never takes text for markup
 * or an entity), and come back as text. Each call costs typograf's fixed work over again.
 */
export const typesetPage = ({ title, summary, html }: PageText, language: string): PageText => {
  const typeset = typesetHtml(`<p>${escapeHtml(title)}</p><p>${escapeHtml(summary)}</p>${html}`, language);
  const leading = LEADING_PARAGRAPHS.exec(typeset);
  if (!leading) throw new Error(`typograf changed the markup around a title: ${typeset.slice(0, 200)}`);
  return {
    title: unescapeHtml(leading[1]!),
    summary: unescapeHtml(leading[2]!),
    html: typeset.slice(leading[0].length),
  };
};
