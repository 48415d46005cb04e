/** Building blocks of listing pages: teasers, tag links, the pager, the subscribe box. */
import type { ArticleMeta, ArticleTag } from '../content/types.ts';
import { FEED_FORMAT_IDS, FEED_FORMATS } from '../feeds/formats.ts';
import { labelsFor } from '../site/labels.ts';
import type { ListPage } from '../site/pagination.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { formatDate } from './format-date.ts';

/**
 * The `lang` of the site's own words (labels, dates) inside an article marked
 * with the article's language: the site's, where the two differ.
 */
export const chromeLanguage = (site: SiteConfig, article: ArticleMeta): string | undefined =>
  article.language === site.language ? undefined : site.language;

export const TagLinks = ({ tags, label, lang }: { tags: readonly ArticleTag[]; label: string; lang?: string }) =>
  tags.length === 0 ? null : (
    <ul class="tags" aria-label={label} lang={lang}>
      {tags.map((tag) => (
        <li>
          <a href={paths.tag(tag.slug)}>{tag.name}</a>
        </li>
      ))}
    </ul>
  );

export const ArticleList = ({ site, articles }: { site: SiteConfig; articles: readonly ArticleMeta[] }) => {
  const t = labelsFor(site.language);
  if (articles.length === 0) return <p>{t.noArticles}</p>;
  return (
    <>
      {articles.map((article) => (
        <article class="teaser" lang={article.language}>
          {article.image?.src && article.image.width && article.image.height ? (
            // A thumbnail beside the teaser; the title next to it says what it shows, so it is decorative.
            <img
              class="thumb"
              src={article.image.src}
              alt=""
              width={article.image.width}
              height={article.image.height}
              loading="lazy"
              decoding="async"
            />
          ) : null}
          <h3>
            <a href={paths.article(article.slug)}>{article.title}</a>
          </h3>
          <p class="meta" lang={chromeLanguage(site, article)}>
            <time datetime={article.published}>{formatDate(article.published, site.language, site.timeZone)}</time>
            {' · '}
            {t.readingTime(article.readingMinutes)}
          </p>
          <p>{article.summary}</p>
          <TagLinks tags={article.tags} label={t.tags} lang={chromeLanguage(site, article)} />
        </article>
      ))}
    </>
  );
};

/**
 * Links to the newer and older pages of a list: from the newest articles to
 * the archive page before them, between archive pages, and from the archive
 * page still filling up back to the newest. A full archive page's links never change.
 */
export const Pager = ({ site, page, tag }: { site: SiteConfig; page: ListPage; tag?: string }) => {
  const newer =
    page.archive === undefined
      ? undefined
      : page.nextArchive
        ? paths.archive(page.nextArchive, tag)
        : tag
          ? paths.tag(tag)
          : paths.home;
  const older = page.prevArchive ? paths.archive(page.prevArchive, tag) : undefined;
  if (!newer && !older) return null;
  const t = labelsFor(site.language);
  return (
    <nav class="pager" aria-label={t.pagination}>
      {newer ? (
        <a href={newer} rel="prev">
          ← {t.newerArticles}
        </a>
      ) : (
        <span />
      )}
      <span>{page.archive ? t.archivePage(page.archive) : ''}</span>
      {older ? (
        <a href={older} rel="next">
          {t.olderArticles} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
};

/** Where to subscribe: each feed's full address, to copy, with one line on what it is for. */
export const SubscribeBox = ({ site, tag }: { site: SiteConfig; tag?: string }) => {
  const t = labelsFor(site.language);
  const feeds = [
    ...FEED_FORMAT_IDS.map((format) => {
      const { name, hint } = FEED_FORMATS[format];
      return { name, path: paths.feed(format, tag), hint: t[hint] };
    }),
    ...(tag ? [] : [{ name: 'OPML', path: paths.opml, hint: t.opmlHint }]),
  ];
  return (
    <section class="subscribe" aria-labelledby="subscribe">
      <h2 id="subscribe">{t.subscribe}</h2>
      <p>{t.subscribeHint}</p>
      <ul>
        {feeds.map(({ name, path, hint }) => (
          <li>
            <a href={path}>{name}</a> — {hint}
            <br />
            <code>{absoluteUrl(site.url, path)}</code>
          </li>
        ))}
      </ul>
    </section>
  );
};
