import { describe, expect, it } from 'vitest';
import { imageType, MIME, mediaType } from '../../src/http/mime-types.ts';

describe('imageType', () => {
  it('names a picture by its URL extension, in any case', () => {
    expect(imageType('https://cdn.example/a/photo.PNG')).toBe('image/png');
    expect(imageType('https://cdn.example/photo.jpg?w=800')).toBe('image/jpeg');
    expect(imageType('https://cdn.example/logo.svg')).toBe(MIME.svg);
  });

  it('says JPEG, an image type, when the extension names no picture format', () => {
    for (const url of ['https://cdn.example/photo', 'https://cdn.example/photo.xml', 'https://cdn.example/photo.php']) {
      expect(imageType(url), url).toBe('image/jpeg');
    }
  });
});

describe('mediaType', () => {
  it('drops the parameters of a Content-Type', () => {
    expect(mediaType(MIME.rss)).toBe('application/rss+xml');
  });
});
