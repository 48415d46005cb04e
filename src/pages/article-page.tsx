/** An article's own page: the permalink every feed item points to. */
import { raw } from 'hono/html';
import type { ArticleBody, ArticleMeta } from '../content/types.ts';
import { paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { formatDate } from './format-date.ts';
import { labelsFor } from '../labels.ts';
import { Layout } from './layout.tsx';

export const ArticlePage = ({ site, meta, body }: { site: SiteConfig; meta: ArticleMeta; body: ArticleBody }) => {
  const t = labelsFor(meta.language);
  return (
    <Layout site={site} title={`${meta.title} — ${site.title}`} description={meta.summary} canonicalPath={paths.article(meta.slug)}>
      <article lang={meta.language}>
        <h1>{meta.title}</h1>
        <p>
          <time datetime={meta.published}>{formatDate(meta.published, meta.language, site.timeZone)}</time>
          {' · '}
          {t.author}: {meta.author ?? site.author}
          {meta.source ? <> · {t.source}: {meta.source}</> : null}
        </p>
        {meta.image ? (
          <figure>
            {meta.image.src ? <img src={meta.image.src} alt={meta.image.alt} /> : null}
            {meta.image.caption ? <figcaption>{meta.image.caption}</figcaption> : null}
          </figure>
        ) : null}
        {meta.tags.length > 0 ? (
          <ul aria-label={t.tags}>
            {meta.tags.map((tag) => (
              <li>
                <a href={paths.tag(tag.slug)}>{tag.name}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {/* The body was sanitised by the content build: Markdown without raw HTML, or escaped text. */}
        {raw(body.html)}
      </article>
      <p>
        <a href={paths.home}>{t.backHome}</a>
      </p>
    </Layout>
  );
};
