/** An article's own page: the permalink every feed item points to, described for link previews and search engines. */
import { raw } from 'hono/html';
import { truncate } from '../content/truncate.ts';
import type { ArticleBody, ArticleImage, ArticleMeta } from '../content/types.ts';
import { labelsFor, ogLocale } from '../site/labels.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { chromeLanguage, TagLinks } from './article-list.tsx';
import { formatDate } from './format-date.ts';
import { Layout, TITLE_LENGTH } from './layout.tsx';

export interface ArticlePageProps {
  site: SiteConfig;
  meta: ArticleMeta;
  body: ArticleBody;
  older?: ArticleMeta;
  newer?: ArticleMeta;
}

// Descriptions as search results and cards show them.
const DESCRIPTION_LENGTH = 200;

/** The picture as a schema.org ImageObject when its size is known, else its URL. */
const imageObject = (site: SiteConfig, src: string, image: ArticleImage) => {
  const url = absoluteUrl(site.url, src);
  if (!image.width || !image.height) return url;
  return {
    '@type': 'ImageObject',
    url,
    contentUrl: url,
    width: image.width,
    height: image.height,
    ...(image.type ? { encodingFormat: image.type } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
  };
};

/** schema.org NewsArticle; "<" is escaped so no text can close the script element. */
const jsonLd = (site: SiteConfig, meta: ArticleMeta, url: string): string =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: truncate(meta.title, TITLE_LENGTH),
    description: meta.summary,
    url,
    mainEntityOfPage: url,
    datePublished: meta.published,
    dateModified: meta.updated,
    inLanguage: meta.language,
    author: { '@type': 'Organization', name: meta.author ?? site.author },
    publisher: {
      '@type': 'Organization',
      name: site.title,
      logo: { '@type': 'ImageObject', url: absoluteUrl(site.url, paths.favicon) },
    },
    ...(meta.image?.src ? { image: imageObject(site, meta.image.src, meta.image) } : {}),
    ...(meta.source ? { isBasedOn: meta.source } : {}),
    keywords: meta.tags.map((tag) => tag.name),
    wordCount: meta.wordCount,
  }).replace(/</g, '\\u003c');

const SocialTags = ({ site, meta, url }: { site: SiteConfig; meta: ArticleMeta; url: string }) => {
  const image = meta.image?.src ? absoluteUrl(site.url, meta.image.src) : undefined;
  const alt = meta.image?.alt || meta.image?.caption;
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:title" content={truncate(meta.title, TITLE_LENGTH)} />
      <meta property="og:description" content={truncate(meta.summary, DESCRIPTION_LENGTH)} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={site.title} />
      <meta property="og:locale" content={ogLocale(meta.language)} />
      {image ? (
        <>
          <meta property="og:image" content={image} />
          {meta.image?.type ? <meta property="og:image:type" content={meta.image.type} /> : null}
          {meta.image?.width && meta.image.height ? (
            <>
              <meta property="og:image:width" content={String(meta.image.width)} />
              <meta property="og:image:height" content={String(meta.image.height)} />
            </>
          ) : null}
          {alt ? <meta property="og:image:alt" content={alt} /> : null}
        </>
      ) : null}
      <meta property="article:published_time" content={meta.published} />
      <meta property="article:modified_time" content={meta.updated} />
      {meta.tags.map((tag) => (
        <meta property="article:tag" content={tag.name} />
      ))}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={truncate(meta.title, TITLE_LENGTH)} />
      <meta name="twitter:description" content={truncate(meta.summary, DESCRIPTION_LENGTH)} />
      {image && alt ? <meta name="twitter:image:alt" content={alt} /> : null}
      <script type="application/ld+json">{raw(jsonLd(site, meta, url))}</script>
    </>
  );
};

export const ArticlePage = ({ site, meta, body, older, newer }: ArticlePageProps) => {
  // The page's own words and dates follow the site's language; only the article's text is in its own.
  const t = labelsFor(site.language);
  const chrome = chromeLanguage(site, meta);
  const url = absoluteUrl(site.url, paths.article(meta.slug));
  const date = (iso: string) => formatDate(iso, site.language, site.timeZone);
  return (
    <Layout
      site={site}
      title={`${truncate(meta.title, TITLE_LENGTH)} — ${site.title}`}
      description={truncate(meta.summary, DESCRIPTION_LENGTH)}
      canonicalPath={paths.article(meta.slug)}
      head={<SocialTags site={site} meta={meta} url={url} />}
    >
      <article lang={meta.language}>
        <h1>{meta.title}</h1>
        <p class="meta" lang={chrome}>
          <time datetime={meta.published}>{date(meta.published)}</time>
          {meta.updated !== meta.published ? (
            <>
              {' '}
              ({t.updated} <time datetime={meta.updated}>{date(meta.updated)}</time>)
            </>
          ) : null}
          {' · '}
          {t.author}: {meta.author ?? site.author}
          {meta.source ? (
            <>
              {' '}
              · {t.source}: {meta.source}
            </>
          ) : null}
          {' · '}
          {t.readingTime(meta.readingMinutes)}
        </p>
        {meta.image ? (
          <figure>
            {meta.image.src ? (
              // The lead is in view as the page opens: loaded at once, decoded off the main thread, its box reserved.
              <img
                src={meta.image.src}
                alt={meta.image.alt}
                {...(meta.image.width && meta.image.height
                  ? { width: meta.image.width, height: meta.image.height }
                  : {})}
                loading="eager"
                decoding="async"
              />
            ) : null}
            {meta.image.caption ? <figcaption>{meta.image.caption}</figcaption> : null}
          </figure>
        ) : null}
        {/* Sanitised and typeset by the content build: Markdown without raw HTML, or escaped text. */}
        {raw(body.pageHtml)}
        <TagLinks tags={meta.tags} label={t.tags} lang={chrome} />
      </article>
      {older || newer ? (
        <nav class="neighbours" aria-label={t.articleNavigation}>
          {older ? (
            <a href={paths.article(older.slug)} rel="prev">
              ← {t.older}: {older.title}
            </a>
          ) : (
            <span />
          )}
          {newer ? (
            <a href={paths.article(newer.slug)} rel="next">
              {t.newer}: {newer.title} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
};
