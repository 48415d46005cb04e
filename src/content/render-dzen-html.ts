/**
 * Renders a Markdown article's tokens in the few HTML tags Dzen accepts in
 * content:encoded, at build time: no parser, sanitiser or CPU in the Worker.
 */
import type { Token } from 'markdown-it';
import { escapeHtml } from './escape-html.ts';

/**
 * Dzen's allowed tags and attributes for content:encoded (channel RSS rules at
 * https://dzen.ru/help/ru/website/rss-modify, as quoted by
 * https://github.com/bormotoon/dzen-rss-feed docs/dzen-rss-spec.md and the
 * Zhekich plugin, https://wordpress.org/plugins/zhekich-feed-generator-for-dzen):
 * strong and em are written b and i; anything else keeps only its text.
 */
const ALLOWED = new Set([
  'p',
  'a',
  'b',
  'i',
  'u',
  's',
  'h1',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
  'figcaption',
  'img',
]);
// Blocks Dzen has no tag for become paragraphs, so their text does not run into the next block's.
const RENAMED: Record<string, string> = { strong: 'b', em: 'i', h5: 'p', h6: 'p', tr: 'p' };
const ATTRIBUTES: Record<string, string[]> = { a: ['href'], img: ['src', 'alt', 'width', 'height'] };

const attributes = (tag: string, token: Token): string =>
  (ATTRIBUTES[tag] ?? [])
    .map((name) => [name, name === 'alt' ? altText(token) : token.attrGet(name)] as const)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');

// markdown-it keeps an image's alt text as its children.
const altText = (token: Token): string => (token.children ?? []).map((child) => child.content).join('');

const renderToken = (token: Token): string => {
  // A tight list's paragraphs are hidden: markdown-it writes no <p> for them.
  if (token.hidden) return '';
  switch (token.type) {
    case 'inline':
      return renderDzenHtml(token.children ?? []);
    case 'text':
    case 'code_inline':
      return escapeHtml(token.content);
    // Dzen asks for no <br>: a line break becomes a space.
    case 'softbreak':
    case 'hardbreak':
      return '\n';
    // Code has no tag of its own there: it stays a paragraph of text.
    case 'code_block':
    case 'fence':
      return `<p>${escapeHtml(token.content.trimEnd())}</p>\n`;
    case 'image':
      return `<img${attributes('img', token)}>`;
    default: {
      const tag = RENAMED[token.tag] ?? token.tag;
      // Cells are unwrapped: keep a space between them.
      if (!ALLOWED.has(tag)) return token.type === 'td_close' || token.type === 'th_close' ? ' ' : '';
      if (token.nesting === 1) return `<${tag}${attributes(tag, token)}>`;
      if (token.nesting === -1) return `</${tag}>${token.block ? '\n' : ''}`;
      return '';
    }
  }
};

export const renderDzenHtml = (tokens: readonly Token[]): string => tokens.map(renderToken).join('');
