/** Parses an article in the seed's plain-text form into its parts. */
import { isBlank } from './invisible-characters.ts';
import type { ArticleImage } from './types.ts';
import { ContentError } from './types.ts';

export interface PlainTextArticle {
  title: string;
  /** The photo's alt text and caption, from the short lines under the title. */
  image?: ArticleImage;
  paragraphs: string[];
  /** Line of the first paragraph, for messages. */
  bodyLine: number;
  /** Whether a social-media footer was found and dropped. */
  footerDropped: boolean;
}

export interface PlainTextOptions {
  /** A line starting with one of these begins boilerplate that is dropped with all that follows. */
  footerMarkers: readonly string[];
}

// Photo lines are short labels; a longer line under the title is the lead paragraph.
const MAX_PHOTO_LINE = 200;

interface Line {
  text: string;
  number: number;
}

// A line that starts with a capital letter, an opening quote or a dash may start a
// paragraph; any other line (lower case, a digit) continues the line above it.
const STARTS_PARAGRAPH = /^[\p{Lu}«„“"'‘(—–-]/u;

/** Blocks of consecutive non-blank lines. */
const blocksOf = (lines: readonly Line[]): Line[][] => {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  for (const line of lines) {
    if (line.text !== '') block.push(line);
    else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
};

/**
 * Layout: line 1 is the title. Blocks of lines separated by blank lines are
 * paragraphs, their lines joined with a space (text may be hard-wrapped).
 * The first block may open with the photo's alt text and caption: the short
 * lines above the line where its paragraph starts, that paragraph being the
 * block's last line that could start one, with the lines that continue it.
 */
export const parsePlainText = (text: string, options: PlainTextOptions): PlainTextArticle => {
  const lines = text.split('\n').map((raw, i): Line => ({ text: raw.trim(), number: i + 1 }));
  const title = lines[0]?.text ?? '';
  if (isBlank(title)) throw new ContentError('the title (line 1) is empty', 1);

  // Boilerplate first: whatever follows a footer marker is never caption or text.
  const footerAt = lines.findIndex(
    (line, n) => n > 0 && options.footerMarkers.some((marker) => line.text.startsWith(marker)),
  );
  const content = footerAt === -1 ? lines : lines.slice(0, footerAt);
  const blocks = blocksOf(content.slice(1));

  let image: ArticleImage | undefined;
  const lead = blocks[0] ?? [];
  const start = lead.findLastIndex((line) => STARTS_PARAGRAPH.test(line.text));
  const photoLines = lead.slice(0, Math.max(0, start));
  if (photoLines.length > 0 && photoLines.every((line) => line.text.length <= MAX_PHOTO_LINE)) {
    blocks[0] = lead.slice(start);
    const [alt, ...caption] = photoLines.map((line) => line.text);
    image = { alt: alt!, caption: caption.length > 0 ? caption.join(' ') : alt! };
  }

  if (blocks.length === 0) {
    throw new ContentError('the article has a title but no text', footerAt === -1 ? lines.length : footerAt + 1);
  }
  return {
    title,
    ...(image ? { image } : {}),
    paragraphs: blocks.map((block) => block.map((line) => line.text).join(' ')),
    bodyLine: blocks[0]![0]!.number,
    footerDropped: footerAt !== -1,
  };
};
