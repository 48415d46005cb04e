/** The seed article compiled as the build compiles it, and page 1 of the site feed that carries it. Node only. */
import { compileArticles } from '../../src/content/compile-articles.ts';
import { createFeedModel } from '../../src/feeds/feed-model.ts';
import { currentPage } from '../../src/site/pagination.ts';
import { SITE_SOURCE } from './feed-fixtures.ts';
import { SITE } from './site.ts';
import { SETTINGS, seedFile } from './sources.ts';

const { articles, bodies } = compileArticles([seedFile('txt'), seedFile('yaml')], SETTINGS);

// As feeds carry it: the title and summary as written (the index holds them typeset, for pages).
export const seed = { ...articles[0]!, title: bodies[0]!.title, summary: bodies[0]!.summary };
export const seedBody = bodies[0]!;
export const seedModel = createFeedModel(
  SITE,
  SITE_SOURCE,
  currentPage(1, 20),
  articles.map((meta, i) => ({ meta, body: bodies[i]! })),
);
export const permalink = `https://publisher.example.com/articles/${seed.slug}`;
/** The seed's date, 2022-11-28 noon in Moscow. */
export const PUBLISHED = Date.parse('2022-11-28T09:00:00Z');
