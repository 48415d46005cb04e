/** Reads a picture from seeds/ at build time: its type, displayed size and content-addressed URL, or why it is refused. */
import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { IMAGE_TYPES } from '../http/mime-types.ts';
import { paths } from '../site/paths.ts';
import { ContentError } from './types.ts';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

/** A picture as the build publishes it. */
export interface ImageFile {
  format: ImageFormat;
  /** Media type, e.g. image/jpeg. */
  type: string;
  /** Displayed size in pixels (EXIF rotation applied). */
  width: number;
  height: number;
  /** Size of the file in bytes. */
  length: number;
  /** Root-relative, content-addressed URL among the static assets: a changed picture gets a new URL. */
  src: string;
}

/**
 * A picture larger than this is refused: X (Twitter) cards take only images
 * under 5 MB (https://developer.x.com/en/docs/x-for-websites/cards/overview/markup),
 * and a news photo for the web is a few hundred KB.
 */
export const MAX_IMAGE_BYTES = 5_000_000;

/**
 * Dzen wants a cover at least 700 px wide (its channel RSS rules, as quoted by
 * https://github.com/bormotoon/dzen-rss-feed docs/dzen-rss-spec.md; earlier official
 * versions said 400: https://yandex.com/support/zen/website/rss-modify.html?lang=en).
 */
export const MIN_LEAD_WIDTH = 700;

const EXTENSIONS: Record<string, ImageFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
};

// image-size's names for the same formats.
const DETECTED: Record<string, ImageFormat> = { jpg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif' };

/** A picture file in seeds/: a bare file name (no folder, no URL) with one of the four extensions. */
const PICTURE_FILE = /^[^/\\:?#\s]+\.(jpe?g|png|webp|avif)$/i;

export const isPictureFile = (name: string): boolean => PICTURE_FILE.test(name);

const formatOfName = (name: string): ImageFormat | undefined =>
  EXTENSIONS[/\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''];

/**
 * image-size reads only the header, so a file cut short in transfer would
 * pass; each format's end is cheap to check. JPEG ends with EOI (FFD9), PNG
 * with its IEND chunk, WebP's RIFF header states its length, and AVIF's
 * top-level ISO BMFF boxes tile the file exactly.
 */
const isComplete = (format: ImageFormat, bytes: Uint8Array): boolean => {
  const n = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  switch (format) {
    case 'jpeg':
      return n >= 4 && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9;
    case 'png':
      // Length 0, "IEND", CRC AE 42 60 82.
      return (
        n >= 12 && [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82].every((b, i) => bytes[n - 12 + i] === b)
      );
    case 'webp': {
      if (n < 12) return false;
      const size = view.getUint32(4, true) + 8;
      // RIFF pads an odd-sized chunk with one byte.
      return size === n || size + 1 === n;
    }
    case 'avif': {
      let at = 0;
      while (at + 8 <= n) {
        let size = view.getUint32(at);
        if (size === 1) {
          if (at + 16 > n) return false;
          size = Number(view.getBigUint64(at + 8));
        } else if (size === 0) return true; // the last box runs to the end of the file
        if (size < 8) return false;
        at += size;
      }
      return at === n;
    }
  }
};

/** Whether EXIF orientation 5–8 turns the picture a quarter, so that its displayed width is its stored height. */
const isTurned = (orientation: number | undefined): boolean => orientation !== undefined && orientation >= 5;

/**
 * Reads a picture. Throws a ContentError naming the file when it is too big,
 * of an unsupported type, of another type than its name says, or broken.
 */
export const readImage = (name: string, bytes: Uint8Array): ImageFile => {
  const fail = (reason: string) => new ContentError(`picture "${name}" ${reason}`);
  const named = formatOfName(name);
  if (!named) throw fail('is not a JPEG, PNG, WebP or AVIF file (.jpg, .jpeg, .png, .webp, .avif)');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw fail(`is ${bytes.length.toLocaleString('en')} bytes; the limit is ${MAX_IMAGE_BYTES.toLocaleString('en')}`);
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw fail(`is broken or not a picture (${error instanceof Error ? error.message : String(error)})`);
  }
  const format = DETECTED[size.type ?? ''];
  if (!format) throw fail(`is ${size.type?.toUpperCase() ?? 'of an unknown type'}, not one of JPEG, PNG, WebP, AVIF`);
  if (format !== named) throw fail(`is ${format.toUpperCase()} but its name says ${named.toUpperCase()}`);
  if (!(size.width > 0 && size.height > 0)) throw fail(`is broken: it says it is ${size.width}×${size.height}`);
  if (!isComplete(format, bytes)) throw fail('is broken: the file is cut short');
  const turned = isTurned(size.orientation);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return {
    format,
    type: IMAGE_TYPES[format]!,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    length: bytes.length,
    // The format's own name as the extension (.jpeg, not .jpg): the feed library derives an Atom enclosure's type from it.
    src: paths.image(`${hash}.${format}`),
  };
};
