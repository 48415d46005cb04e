import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { ArticleList } from '../../src/pages/article-list.tsx';
import { ArticlePage } from '../../src/pages/article-page.tsx';
import { SITE } from '../helpers/site.ts';
import { fixtureImage, SETTINGS, seedFile, source } from '../helpers/sources.ts';

const compiled = compileArticles(
  [
    source('p.txt', 'Заголовок\n\nПремьер на встрече\nФото: пресс-служба\nТекст статьи.'),
    source('p.yaml', 'date: 2022-11-29T10:00:00+03:00\nimage: p.jpg'),
    source('p.jpg', fixtureImage('lead.jpg')),
    seedFile('txt'),
    seedFile('yaml'),
  ],
  SETTINGS,
);
const [pictured, seed] = compiled.articles;
const src = pictured!.image!.src!;
const render = async (element: unknown) => String(await (element as { toString(): Promise<string> }).toString());
const meta = (html: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

describe('an article page with a picture', () => {
  const page = () => render(ArticlePage({ site: SITE, meta: pictured!, body: compiled.bodies[0]! }));

  it('shows it in a figure, with its size, alt text, loading hints and caption', async () => {
    const html = await page();
    expect(html).toContain(
      `<figure><img src="${src}" alt="Премьер на встрече" width="800" height="450" loading="eager" decoding="async"/>` +
        '<figcaption>Фото: пресс-служба</figcaption></figure>',
    );
  });

  it('names it in OpenGraph with its type, size and alt text, and in Twitter tags', async () => {
    const html = await page();
    expect(meta(html, 'og:image')).toBe(`${SITE.url}${src}`);
    expect(meta(html, 'og:image:type')).toBe('image/jpeg');
    expect(meta(html, 'og:image:width')).toBe('800');
    expect(meta(html, 'og:image:height')).toBe('450');
    expect(meta(html, 'og:image:alt')).toBe('Премьер на встрече');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image:alt')).toBe('Премьер на встрече');
  });

  it('describes it in JSON-LD as an ImageObject with its size', async () => {
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await page())![1]!);
    expect(json.image).toEqual({
      '@type': 'ImageObject',
      url: `${SITE.url}${src}`,
      contentUrl: `${SITE.url}${src}`,
      width: 800,
      height: 450,
      encodingFormat: 'image/jpeg',
      caption: 'Фото: пресс-служба',
    });
  });
});

describe('the seed, which has no picture file', () => {
  it('shows its caption once and no img, og:image or JSON-LD image', async () => {
    const html = await render(ArticlePage({ site: SITE, meta: seed!, body: compiled.bodies[1]! }));
    expect(html.split('Михаил Мишустин</figcaption>')).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(meta(html, 'og:image')).toBeUndefined();
    expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!).image).toBeUndefined();
  });
});

describe('lists', () => {
  it('show a lazy thumbnail with its size for an article with a picture, none for one without', async () => {
    const html = await render(ArticleList({ site: SITE, articles: compiled.articles }));
    expect(html).toContain(
      `<img class="thumb" src="${src}" alt="" width="800" height="450" loading="lazy" decoding="async"/>`,
    );
    expect(html.match(/<img/g)).toHaveLength(1);
  });
});
