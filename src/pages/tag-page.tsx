/** A tag's page: its articles and its feeds. */
import { truncate } from '../content/truncate.ts';
import type { ArticleMeta, TagEntry } from '../content/types.ts';
import { labelsFor } from '../site/labels.ts';
import type { Page } from '../site/pagination.ts';
import { pagedPath, paths } from '../site/paths.ts';
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
  tag: TagEntry;
  articles: readonly ArticleMeta[];
  page: Page;
}) => {
  const description = labelsFor(site.language).tagFeedDescription(tag.name);
  return (
    <Layout
      site={site}
      title={`${truncate(tag.name, TITLE_LENGTH)} — ${site.title}`}
      description={description}
      canonicalPath={pagedPath(paths.tag(tag.slug), page.number)}
      tag={tag}
    >
      <h1>{description}</h1>
      <ArticleList site={site} articles={articles} />
      <Pager site={site} page={page} path={paths.tag(tag.slug)} />
      <SubscribeBox site={site} tag={tag.slug} />
    </Layout>
  );
};
