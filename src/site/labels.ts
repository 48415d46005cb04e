/** The site's own words, in the content's language. */

export interface Labels {
  articles: string;
  subscribe: string;
  subscribeHint: string;
  rssHint: string;
  atomHint: string;
  jsonHint: string;
  opmlHint: string;
  readingTime: (minutes: number) => string;
  source: string;
  author: string;
  updated: string;
  tags: string;
  backHome: string;
  older: string;
  newer: string;
  olderArticles: string;
  newerArticles: string;
  /** An archive page's name: pages are numbered from the oldest and never renumbered. */
  archivePage: (page: number) => string;
  notFoundTitle: string;
  notFoundText: string;
  noArticles: string;
  tagFeedTitle: (siteTitle: string, tag: string) => string;
  tagFeedDescription: (tag: string) => string;
  tagsOutline: string;
  pagination: string;
  articleNavigation: string;
  /** The link a feed item carries instead of an article too large for feeds. */
  readWholeArticle: string;
}

const ru: Labels = {
  articles: 'Статьи',
  subscribe: 'Подписаться',
  subscribeHint: 'Скопируйте адрес ленты в свою RSS-читалку (NetNewsWire, Feedly, Miniflux, newsboat):',
  rssHint: 'для большинства RSS-читалок',
  atomHint: 'тот же поток в формате Atom',
  jsonHint: 'для приложений и сервисов',
  opmlHint: 'все ленты сайта одним файлом для импорта в читалку',
  readingTime: (minutes) => `${minutes}\u00a0мин чтения`,
  source: 'Источник',
  author: 'Автор',
  updated: 'обновлено',
  tags: 'Теги',
  backHome: 'Все статьи',
  older: 'Предыдущая статья',
  newer: 'Следующая статья',
  olderArticles: 'Более ранние статьи',
  newerArticles: 'Более новые статьи',
  archivePage: (page) => `Архив, страница ${page}`,
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы здесь нет. Возможно, адрес набран с ошибкой.',
  noArticles: 'Статей пока нет.',
  tagFeedTitle: (site, tag) => `${site}: ${tag}`,
  tagFeedDescription: (tag) => `Статьи с тегом «${tag}»`,
  tagsOutline: 'Теги',
  pagination: 'Страницы',
  articleNavigation: 'Соседние статьи',
  readWholeArticle: 'Читать статью целиком на сайте',
};

const en: Labels = {
  articles: 'Articles',
  subscribe: 'Subscribe',
  subscribeHint: 'Copy a feed address into your feed reader (NetNewsWire, Feedly, Miniflux, newsboat):',
  rssHint: 'for most feed readers',
  atomHint: 'the same feed as Atom',
  jsonHint: 'for apps and services',
  opmlHint: 'every feed of the site in one file, to import into a reader',
  readingTime: (minutes) => `${minutes} min read`,
  source: 'Source',
  author: 'Author',
  updated: 'updated',
  tags: 'Tags',
  backHome: 'All articles',
  older: 'Previous article',
  newer: 'Next article',
  olderArticles: 'Older articles',
  newerArticles: 'Newer articles',
  archivePage: (page) => `Archive, page ${page}`,
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have been mistyped.',
  noArticles: 'No articles yet.',
  tagFeedTitle: (site, tag) => `${site}: ${tag}`,
  tagFeedDescription: (tag) => `Articles tagged “${tag}”`,
  tagsOutline: 'Tags',
  pagination: 'Pages',
  articleNavigation: 'More articles',
  readWholeArticle: 'Read the whole article on the site',
};

export const labelsFor = (language: string): Labels => (language.split('-')[0] === 'ru' ? ru : en);

/**
 * Open Graph's locale (language_TERRITORY) of a BCP 47 tag, with the territory its language is likeliest
 * spoken in where the tag names none (CLDR's likely subtags: "de" is de_DE, "pt" pt_BR, "sr-Latn" sr_RS):
 * the article's own language, which the labels, in Russian or English only, need not be.
 */
export const ogLocale = (language: string): string => {
  const { language: base, region } = new Intl.Locale(language).maximize();
  return region ? `${base}_${region}` : base;
};
