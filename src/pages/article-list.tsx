/** A list of article teasers: title, date, reading time, summary, tags. */
import type { ArticleMeta } from '../content/types.ts';
import { labelsFor } from '../labels.ts';
import { paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { formatDate } from './format-date.ts';

export const ArticleList = ({ site, articles }: { site: SiteConfig; articles: readonly ArticleMeta[] }) => {
  const t = labelsFor(site.language);
  if (articles.length === 0) return <p>{t.noArticles}</p>;
  return (
    <>
      {articles.map((article) => (
        <article lang={article.language}>
          <h3>
            <a href={paths.article(article.slug)}>{article.title}</a>
          </h3>
          <p>
            <time datetime={article.published}>{formatDate(article.published, site.language, site.timeZone)}</time>
            {' · '}
            {t.readingTime(article.readingMinutes)}
          </p>
          <p>{article.summary}</p>
          {article.tags.length > 0 ? (
            <ul aria-label={t.tags}>
              {article.tags.map((tag) => (
                <li>
                  <a href={paths.tag(tag.slug)}>{tag.name}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
    </>
  );
};

/** Where to subscribe: each feed with one line on what it is for. */
export const SubscribeLinks = ({ site, tag }: { site: SiteConfig; tag?: string }) => {
  const t = labelsFor(site.language);
  return (
    <ul>
      <li><a href={paths.feed('rss', tag)}>RSS</a> — {t.rssHint}</li>
      <li><a href={paths.feed('atom', tag)}>Atom</a> — {t.atomHint}</li>
      <li><a href={paths.feed('json', tag)}>JSON Feed</a> — {t.jsonHint}</li>
      {tag ? null : <li><a href={paths.opml}>OPML</a> — {t.opmlHint}</li>}
    </ul>
  );
};
