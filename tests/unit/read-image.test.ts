import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPictureFile, MAX_IMAGE_BYTES, readImage } from '../../src/content/read-image.ts';
import { ContentError } from '../../src/content/types.ts';
import { fixtureImage } from '../helpers/sources.ts';

const refusal = (name: string, bytes: Uint8Array): string => {
  try {
    readImage(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error(`${name} was not refused`);
};

describe('readImage', () => {
  // Sizes as ImageMagick made them (tests/fixtures/images/make.sh).
  it.each([
    ['lead.jpg', 'jpeg', 'image/jpeg', 800, 450],
    ['narrow.png', 'png', 'image/png', 320, 240],
    ['photo.webp', 'webp', 'image/webp', 720, 405],
    ['photo.avif', 'avif', 'image/avif', 720, 480],
  ])('reads the type and size of %s', (name, format, type, width, height) => {
    const bytes = fixtureImage(name);
    expect(readImage(name, bytes)).toMatchObject({ format, type, width, height, length: bytes.length });
  });

  it('reports the displayed size of a JPEG that EXIF turns a quarter', () => {
    // Stored 450×800 with orientation 6: shown 800 wide.
    expect(readImage('rotated.jpg', fixtureImage('rotated.jpg'))).toMatchObject({ width: 800, height: 450 });
  });

  it('names the output after the content: same bytes, same URL, whatever the file name', () => {
    const bytes = fixtureImage('lead.jpg');
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    expect(readImage('lead.jpg', bytes).src).toBe(`/images/${hash}.jpeg`);
    expect(readImage('other-name.JPEG', bytes).src).toBe(`/images/${hash}.jpeg`);
    const changed = bytes.slice();
    changed[100] = (changed[100]! + 1) % 256;
    expect(readImage('lead.jpg', changed).src).not.toBe(readImage('lead.jpg', bytes).src);
  });

  it('refuses a file of another type than its name says', () => {
    expect(refusal('photo.jpg', fixtureImage('narrow.png'))).toBe('picture "photo.jpg" is PNG but its name says JPEG');
    expect(refusal('photo.webp', fixtureImage('photo.avif'))).toMatch(/is AVIF but its name says WEBP/);
  });

  it('refuses a file cut short, in every format', () => {
    for (const name of ['lead.jpg', 'narrow.png', 'photo.webp', 'photo.avif']) {
      const bytes = fixtureImage(name);
      expect(refusal(name, bytes.slice(0, bytes.length - 20))).toMatch(/is broken/);
    }
  });

  it('refuses bytes that are no picture at all', () => {
    expect(refusal('empty.jpg', new Uint8Array())).toMatch(/^picture "empty.jpg" is broken or not a picture/);
    expect(refusal('text.png', new TextEncoder().encode('not a picture'))).toMatch(/is broken or not a picture/);
  });

  it('refuses other formats, even when named as such', () => {
    // A 1×1 GIF.
    const gif = Uint8Array.from(atob('R0lGODlhAQABAAAAACw='), (c) => c.charCodeAt(0));
    expect(refusal('a.gif', gif)).toMatch(/is not a JPEG, PNG, WebP or AVIF file/);
    expect(refusal('a.png', gif)).toMatch(/is GIF, not one of JPEG, PNG, WebP, AVIF/);
  });

  it(`refuses a file over ${MAX_IMAGE_BYTES} bytes, before reading it`, () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(fixtureImage('lead.jpg'));
    expect(refusal('big.jpg', big)).toBe('picture "big.jpg" is 5,000,001 bytes; the limit is 5,000,000');
  });

  it('tells a picture file name from a URL or a path', () => {
    expect(isPictureFile('000_caf9e8d9b7b58b94.jpg')).toBe(true);
    expect(isPictureFile('Фото 1.JPEG')).toBe(false); // a space: not a bare file name
    expect(isPictureFile('фото.webp')).toBe(true);
    expect(isPictureFile('/images/a.jpg')).toBe(false);
    expect(isPictureFile('https://example.com/a.jpg')).toBe(false);
    expect(isPictureFile('../a.jpg')).toBe(false);
    expect(isPictureFile('a.gif')).toBe(false);
  });
});
