import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { readImage } from '../../src/content/read-image.ts';
import { fixtureImage, SETTINGS, seedFile, source } from '../helpers/sources.ts';

const LEAD = readImage('lead.jpg', fixtureImage('lead.jpg'));
const NARROW = readImage('narrow.png', fixtureImage('narrow.png'));

const picture = (name: string, fixture = name) => source(name, fixtureImage(fixture));
const text = (name: string, content: string) => source(name, content);

describe('compileArticles: pictures', () => {
  it('gives a plain-text article the picture its sidecar names, with the photo lines as alt and caption', () => {
    const result = compileArticles(
      [
        text('a.txt', 'Заголовок\n\nПремьер на встрече\nФото: пресс-служба\nПервый абзац.\n\nВторой.'),
        text('a.yaml', 'date: 2024-05-01T10:00:00+03:00\nimage: a.jpg'),
        picture('a.jpg', 'lead.jpg'),
      ],
      SETTINGS,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.articles[0]?.image).toEqual({
      src: LEAD.src,
      alt: 'Премьер на встрече',
      caption: 'Фото: пресс-служба',
      width: 800,
      height: 450,
      type: 'image/jpeg',
      length: LEAD.length,
    });
    expect(result.images).toEqual([{ src: LEAD.src, bytes: fixtureImage('lead.jpg') }]);
  });

  it('takes alt and caption from the metadata over the photo lines', () => {
    const { articles } = compileArticles(
      [
        text('a.txt', 'Заголовок\n\nПодпись из текста\nПервый абзац.'),
        text('a.yaml', 'date: 2024-05-01\nimage: { src: a.webp, alt: Описание, caption: Подпись }'),
        picture('a.webp', 'photo.webp'),
      ],
      SETTINGS,
    );
    expect(articles[0]?.image).toMatchObject({ alt: 'Описание', caption: 'Подпись', width: 720, type: 'image/webp' });
  });

  it('publishes Markdown pictures named by file, with their size, lazily loaded', () => {
    const result = compileArticles(
      [
        text(
          'm.md',
          '---\ntitle: Т\ndate: 2024-05-01\nimage: { src: lead.jpg, alt: Обложка }\n---\nТекст.\n\n![Схема](scheme.avif)\n',
        ),
        picture('lead.jpg'),
        picture('scheme.avif', 'photo.avif'),
      ],
      SETTINGS,
    );
    expect(result.errors).toEqual([]);
    const avif = readImage('scheme.avif', fixtureImage('photo.avif'));
    expect(result.bodies[0]?.html).toContain(
      `<img src="${avif.src}" alt="Схема" width="720" height="480" loading="lazy" decoding="async">`,
    );
    expect(result.articles[0]?.image).toMatchObject({ src: LEAD.src, alt: 'Обложка' });
    expect(result.images.map((image) => image.src)).toEqual([avif.src, LEAD.src].sort());
  });

  it('publishes a picture shown by two articles once', () => {
    const { images, errors } = compileArticles(
      [
        text('a.md', '---\ntitle: А\ndate: 2024-05-01\nimage: p.jpg\n---\nТекст.'),
        text('b.md', '---\ntitle: Б\ndate: 2024-05-02\nimage: p.jpg\n---\nТекст.'),
        picture('p.jpg', 'lead.jpg'),
      ],
      SETTINGS,
    );
    expect(errors).toEqual([]);
    expect(images).toHaveLength(1);
  });

  it('keeps a draft picture private, and does not call it unused', () => {
    const { images, warnings } = compileArticles(
      [text('d.md', '---\ntitle: Ч\ndraft: true\nimage: d.jpg\n---\nТекст.'), picture('d.jpg', 'lead.jpg')],
      SETTINGS,
    );
    expect(images).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('warns about a lead picture narrower than Dzen wants, and about a picture no article uses', () => {
    const { warnings, errors } = compileArticles(
      [
        text('a.md', '---\ntitle: А\ndate: 2024-05-01T10:00:00\nimage: narrow.png\n---\nТекст.'),
        picture('narrow.png'),
        picture('stray.webp', 'photo.webp'),
      ],
      SETTINGS,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        file: 'a.md',
        kind: 'picture-narrow',
        message: `lead picture "narrow.png" is ${NARROW.width} px wide; Dzen wants a cover at least 700 px wide`,
      },
      {
        file: 'stray.webp',
        kind: 'picture-unused',
        message: 'picture not used by any article: name it in an article\'s "image" or show it in a Markdown article',
      },
    ]);
  });

  it('refuses a missing, broken or misnamed picture, naming the article, the file and the line', () => {
    const jpeg = fixtureImage('lead.jpg');
    const { errors, articles } = compileArticles(
      [
        text('a.txt', 'А\n\nТекст.'),
        text('a.yaml', 'image: gone.jpg'),
        text('b.md', '---\ntitle: Б\n---\nТекст.\n\n![](cut.jpg)\n'),
        source('cut.jpg', jpeg.slice(0, jpeg.length - 100)),
        text('c.md', '---\ntitle: В\nimage: c.png\n---\nТекст.'),
        picture('c.png', 'lead.jpg'),
        seedFile('txt'),
        seedFile('yaml'),
      ],
      SETTINGS,
    );
    expect(errors).toEqual([
      { file: 'a.yaml', message: 'picture "gone.jpg" is not in seeds/' },
      { file: 'b.md', line: 6, message: 'picture "cut.jpg" is broken: the file is cut short' },
      { file: 'c.md', message: 'picture "c.png" is JPEG but its name says PNG' },
    ]);
    // The others still compile, so every error is reported in one run.
    expect(articles).toHaveLength(1);
  });

  it('leaves an image URL as it is, and the seed without a picture file', () => {
    const { articles } = compileArticles(
      [text('a.txt', 'А\n\nТекст.'), text('a.yaml', 'image: https://cdn.example.com/a.jpg')],
      SETTINGS,
    );
    expect(articles[0]?.image).toEqual({ src: 'https://cdn.example.com/a.jpg', alt: '' });
    const seed = compileArticles([seedFile('txt'), seedFile('yaml')], SETTINGS);
    expect(seed.articles[0]?.image).toEqual({ alt: 'Михаил Мишустин', caption: 'Михаил Мишустин' });
    expect(seed.images).toEqual([]);
  });
});
