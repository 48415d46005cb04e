/** The landing page: the newest articles and where to subscribe. */
import type { ArticleMeta } from '../content/types.ts';
import { paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { formatDate } from './format-date.ts';
import { labelsFor } from './labels.ts';
import { Layout } from './layout.tsx';

export const HomePage = ({ site, articles }: { site: SiteConfig; articles: readonly ArticleMeta[] }) => {
  const t = labelsFor(site.language);
  return (
    <Layout site={site} title={site.title} description={site.description} canonicalPath={paths.home}>
      <h1>{site.title}</h1>
      <p>{site.description}</p>
      <h2>{t.articles}</h2>
      {articles.length === 0 ? <p>{t.noArticles}</p> : null}
      {articles.map((article) => (
        <article>
          <h3>
            <a href={paths.article(article.slug)}>{article.title}</a>
          </h3>
          <p>
            <time datetime={article.published}>{formatDate(article.published, site.language, site.timeZone)}</time>
            {' · '}
            {t.readingTime(article.readingMinutes)}
          </p>
          <p>{article.summary}</p>
        </article>
      ))}
      <h2>{t.subscribe}</h2>
      <ul>
        <li><a href={paths.rss}>RSS</a> — {t.rssHint}</li>
        <li><a href={paths.atom}>Atom</a> — {t.atomHint}</li>
        <li><a href={paths.jsonFeed}>JSON Feed</a> — {t.jsonHint}</li>
      </ul>
    </Layout>
  );
};
