/** Parses an article in Markdown with YAML front matter. */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { ARTICLES_PREFIX } from '../site/paths.ts';
import { isBlank } from './invisible-characters.ts';
import { absoluteHttpsUrl, IMAGE_SOURCES, type Metadata, parseMetadata } from './metadata.ts';
import { type ImageFile, isPictureFile } from './read-image.ts';
import { renderDzenHtml } from './render-dzen-html.ts';
import { ContentError } from './types.ts';

export interface MarkdownArticle {
  metadata: Metadata;
  title: string;
  html: string;
  /** Every block as plain text (paragraphs, headings, list items, code, tables), separated by blank lines. */
  text: string;
  /** The first paragraph as plain text, for the summary. */
  lead: string;
  /** The same body in the tags Dzen accepts. */
  dzenHtml: string;
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

/** Each block's plain text, in order: what a reader reads, and what the word count counts. */
const plainBlocks = (tokens: readonly Token[]): { text: string; paragraph: boolean }[] => {
  const blocks: { text: string; paragraph: boolean }[] = [];
  let row: string[] | undefined;
  let table: string[] | undefined;
  tokens.forEach((token, i) => {
    const before = tokens[i - 1]?.type;
    if (token.type === 'table_open') table = [];
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row && table) table.push(row.join(' | '));
    else if (token.type === 'table_close' && table) blocks.push({ text: table.join('\n'), paragraph: false });
    else if (token.type === 'fence' || token.type === 'code_block')
      blocks.push({ text: token.content.replace(/\n+$/, ''), paragraph: false });
    else if (token.type === 'inline') {
      const text = inlineText(token).replace(/\s+/g, ' ').trim();
      if (before === 'th_open' || before === 'td_open') row?.push(text);
      else if (text !== '') blocks.push({ text, paragraph: before === 'paragraph_open' });
    }
  });
  return blocks.filter((block) => block.text !== '');
};

/** Finds a picture file named in the article (`![alt](photo.jpg)`); throws a ContentError if it cannot. */
export type PictureResolver = (name: string) => ImageFile;

/**
 * A picture named by its file in seeds/ becomes its published URL, with its
 * size, so pages do not shift as it loads; any other picture must be an
 * absolute URL. Relative links would break in feeds, whose items are read far
 * from the site: they are resolved to root-relative form against the articles' folder.
 */
const resolveRelativeUrls = (tokens: Token[], picture: PictureResolver | undefined): void => {
  const base = new URL(ARTICLES_PREFIX, 'https://relative.invalid');
  for (const token of tokens) {
    const line = (token.map?.[0] ?? 0) + 1;
    for (const child of token.children ?? []) {
      if (child.type === 'image') {
        const src = String(child.attrGet('src') ?? '');
        if (picture && isPictureFile(src)) {
          let image: ImageFile;
          try {
            image = picture(src);
          } catch (error) {
            if (error instanceof ContentError) throw new ContentError(error.message, line);
            throw error;
          }
          child.attrSet('src', image.src);
          child.attrSet('width', String(image.width));
          child.attrSet('height', String(image.height));
          child.attrSet('loading', 'lazy');
          child.attrSet('decoding', 'async');
          continue;
        }
        if (absoluteHttpsUrl(src) === undefined) {
          throw new ContentError(`image "${src}" must be ${IMAGE_SOURCES}`, line);
        }
        continue;
      }
      const value = child.type === 'link_open' ? child.attrGet('href') : null;
      if (typeof value !== 'string' || /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(value)) continue;
      const url = new URL(value, base);
      child.attrSet('href', url.pathname + url.search + url.hash);
    }
  }
};

export const parseMarkdown = (source: string, picture?: PictureResolver): MarkdownArticle => {
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

  const blocks = plainBlocks(tokens);
  if (blocks.length === 0) throw new ContentError('the article has no text', 2 + yaml.split('\n').length);

  resolveRelativeUrls(tokens, picture);
  const html = md.renderer.render(tokens, md.options, {}).trim();
  return {
    metadata,
    title,
    html,
    dzenHtml: renderDzenHtml(tokens).trim(),
    text: blocks.map((block) => block.text).join('\n\n'),
    lead: (blocks.find((block) => block.paragraph) ?? blocks[0]!).text,
  };
};
