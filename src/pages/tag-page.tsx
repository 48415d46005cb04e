/** A tag's page: its newest articles or one archive page of them, and its feeds. */
import { truncate } from '../content/truncate.ts';
import type { ArticleMeta, ArticleTag } from '../content/types.ts';
import { labelsFor } from '../site/labels.ts';
import type { ListPage } from '../site/pagination.ts';
import { paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { ArticleList, Pager, SubscribeBox } from './article-list.tsx';
import { Layout, TITLE_LENGTH } from './layout.tsx';

export const TagPage = ({
  site,
  tag,
  articles,
  page,
}: {
  site: SiteConfig;
  tag: ArticleTag;
  articles: readonly ArticleMeta[];
  page: ListPage;
}) => {
  const t = labelsFor(site.language);
  const description = t.tagFeedDescription(tag.name);
  const name = truncate(tag.name, TITLE_LENGTH);
  const title = page.archive ? `${name} — ${t.archivePage(page.archive)} — ${site.title}` : `${name} — ${site.title}`;
  return (
    <Layout
      site={site}
      title={title}
      description={description}
      canonicalPath={page.archive ? paths.archive(page.archive, tag.slug) : paths.tag(tag.slug)}
      tag={tag}
    >
      <h1>{description}</h1>
      <ArticleList site={site} articles={articles} />
      <Pager site={site} page={page} tag={tag.slug} />
      <SubscribeBox site={site} tag={tag.slug} />
    </Layout>
  );
};
