/** Parses an article in the seed's plain-text form into its parts. */
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
  /** A paragraph starting with one of these begins boilerplate that is dropped with all that follows. */
  footerMarkers: readonly string[];
}

// Photo lines are short labels; a longer line under the title is the lead paragraph.
const MAX_PHOTO_LINE = 200;

interface Line {
  text: string;
  number: number;
}

/**
 * Layout: line 1 is the title; then, up to the first blank line after some
 * text, the photo's alt text and caption followed by the first paragraph;
 * every later non-blank line is a paragraph.
 */
export const parsePlainText = (text: string, options: PlainTextOptions): PlainTextArticle => {
  const lines = text.split('\n').map((raw, i): Line => ({ text: raw.trim(), number: i + 1 }));
  const title = lines[0]?.text ?? '';
  if (title === '') throw new ContentError('the title (line 1) is empty', 1);

  // Boilerplate first: whatever follows a footer marker is never caption or text.
  const footerAt = lines.findIndex(
    (line, n) => n > 0 && options.footerMarkers.some((marker) => line.text.startsWith(marker)),
  );
  const content = footerAt === -1 ? lines : lines.slice(0, footerAt);

  let i = 1;
  while (i < content.length && content[i]!.text === '') i++;
  const lead: Line[] = [];
  for (; i < content.length && content[i]!.text !== ''; i++) lead.push(content[i]!);
  const rest = content.slice(i).filter((line) => line.text !== '');

  let image: ArticleImage | undefined;
  const photoLines = lead.slice(0, -1);
  if (photoLines.length > 0 && photoLines.every((line) => line.text.length <= MAX_PHOTO_LINE)) {
    lead.splice(0, photoLines.length);
    const [alt, ...caption] = photoLines.map((line) => line.text);
    image = { alt: alt!, caption: caption.length > 0 ? caption.join(' ') : alt! };
  }

  const kept = [...lead, ...rest];
  if (kept.length === 0) {
    throw new ContentError('the article has a title but no text', footerAt === -1 ? lines.length : footerAt + 1);
  }
  return {
    title,
    ...(image ? { image } : {}),
    paragraphs: kept.map((line) => line.text),
    bodyLine: kept[0]!.number,
    footerDropped: footerAt !== -1,
  };
};
