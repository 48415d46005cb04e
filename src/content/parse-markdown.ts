/** Parses an article in Markdown with YAML front matter. */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { ARTICLES_PREFIX } from '../site/paths.ts';
import { isBlank } from './invisible-characters.ts';
import { type Metadata, parseMetadata } from './metadata.ts';
import { ContentError } from './types.ts';

export interface MarkdownArticle {
  metadata: Metadata;
  title: string;
  html: string;
  /** Paragraphs as plain text, for the summary and the word count. */
  paragraphs: string[];
}

// Raw HTML is off: Markdown's own syntax is all an article may use, so
// nothing in it can inject markup. markdown-it also refuses javascript: links.
const createRenderer = (onFrontMatter: (yaml: string) => void): MarkdownIt => {
  const md = markdownIt('default', { html: false, linkify: false, typographer: false });
  md.use(frontMatter, onFrontMatter);
  return md;
};

const inlineText = (token: Token): string =>
  (token.children ?? [])
    .map((child) =>
      child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.type === 'image' ? '' : child.content,
    )
    .join('');

/**
 * Relative links would break in feeds, whose items are read far from the
 * site: resolve them to root-relative form against the articles' folder.
 */
const resolveRelativeUrls = (tokens: Token[]): void => {
  const base = new URL(ARTICLES_PREFIX, 'https://relative.invalid');
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const name = child.type === 'link_open' ? 'href' : child.type === 'image' ? 'src' : undefined;
      const value = name ? child.attrGet(name) : null;
      if (!name || typeof value !== 'string' || /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(value)) continue;
      const url = new URL(value, base);
      child.attrSet(name, url.pathname + url.search + url.hash);
    }
  }
};

export const parseMarkdown = (source: string): MarkdownArticle => {
  let yaml: string | undefined;
  const md = createRenderer((raw) => (yaml = raw));
  const tokens = md.parse(source, {});
  if (yaml === undefined)
    throw new ContentError('a Markdown article must start with YAML front matter between --- lines', 1);
  const metadata = parseMetadata(yaml, 2);

  let title = metadata.title;
  if (!title) {
    // Without a title field, the first level-1 heading is the title and leaves the body.
    const open = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
    if (open === -1) throw new ContentError('no title: add a "title" field or a "# Heading"', 1);
    title = inlineText(tokens[open + 1]!).trim();
    if (isBlank(title)) {
      const line = (tokens[open]!.map?.[0] ?? 0) + 1;
      throw new ContentError('the title heading has no text: write some, or set "title" in the front matter', line);
    }
    tokens.splice(open, 3);
  }

  const paragraphs = tokens
    .filter((token, i) => token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open')
    .map((token) => inlineText(token).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  if (paragraphs.length === 0) throw new ContentError('the article has no text', 2 + yaml.split('\n').length);

  resolveRelativeUrls(tokens);
  const html = md.renderer.render(tokens, md.options, {}).trim();
  return { metadata, title, html, paragraphs };
};
