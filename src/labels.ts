/** The site's own words, in the content's language. */

export interface Labels {
  articles: string;
  subscribe: string;
  rssHint: string;
  atomHint: string;
  jsonHint: string;
  opmlHint: string;
  readingTime: (minutes: number) => string;
  source: string;
  author: string;
  tags: string;
  backHome: string;
  notFoundTitle: string;
  notFoundText: string;
  noArticles: string;
  tagFeedTitle: (siteTitle: string, tag: string) => string;
  tagFeedDescription: (tag: string) => string;
  tagsOutline: string;
}

const ru: Labels = {
  articles: 'Статьи',
  subscribe: 'Подписаться',
  rssHint: 'для большинства RSS-читалок',
  atomHint: 'тот же поток в формате Atom',
  jsonHint: 'для приложений и сервисов',
  opmlHint: 'все ленты сайта одним файлом для импорта в читалку',
  readingTime: (minutes) => `${minutes} мин чтения`,
  source: 'Источник',
  author: 'Автор',
  tags: 'Теги',
  backHome: 'Все статьи',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы здесь нет. Возможно, адрес набран с ошибкой.',
  noArticles: 'Статей пока нет.',
  tagFeedTitle: (site, tag) => `${site}: ${tag}`,
  tagFeedDescription: (tag) => `Статьи с тегом «${tag}»`,
  tagsOutline: 'Теги',
};

const en: Labels = {
  articles: 'Articles',
  subscribe: 'Subscribe',
  rssHint: 'for most feed readers',
  atomHint: 'the same feed as Atom',
  jsonHint: 'for apps and services',
  opmlHint: 'every feed of the site in one file, to import into a reader',
  readingTime: (minutes) => `${minutes} min read`,
  source: 'Source',
  author: 'Author',
  tags: 'Tags',
  backHome: 'All articles',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have been mistyped.',
  noArticles: 'No articles yet.',
  tagFeedTitle: (site, tag) => `${site}: ${tag}`,
  tagFeedDescription: (tag) => `Articles tagged “${tag}”`,
  tagsOutline: 'Tags',
};

export const labelsFor = (language: string): Labels => (language.split('-')[0] === 'ru' ? ru : en);
