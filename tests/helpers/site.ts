/** The site settings tests render with. */
import type { SiteConfig } from '../../src/site/site-config.ts';

export const SITE: SiteConfig = {
  url: 'https://publisher.example.com',
  title: 'Лента новостей',
  description: 'Новости политики и экономики',
  language: 'ru',
  author: 'Редакция',
  timeZone: 'Europe/Moscow',
  pageSize: 20,
  footerMarkers: ['Подписывайтесь на наши страницы в соцсетях:'],
};
