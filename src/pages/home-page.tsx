/** The landing page: the newest articles, a page at a time, and where to subscribe. */
import type { ArticleMeta } from '../content/types.ts';
import { labelsFor } from '../site/labels.ts';
import type { Page } from '../site/pagination.ts';
import { pagedPath, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { ArticleList, Pager, SubscribeBox } from './article-list.tsx';
import { Layout } from './layout.tsx';

export const HomePage = ({
  site,
  articles,
  page,
}: {
  site: SiteConfig;
  articles: readonly ArticleMeta[];
  page: Page;
}) => {
  const t = labelsFor(site.language);
  const title = page.number === 1 ? site.title : `${site.title} — ${t.pageOf(page.number, page.count)}`;
  return (
    <Layout site={site} title={title} description={site.description} canonicalPath={pagedPath(paths.home, page.number)}>
      <h1>{site.title}</h1>
      <p>{site.description}</p>
      <h2>{t.articles}</h2>
      <ArticleList site={site} articles={articles} />
      <Pager site={site} page={page} path={paths.home} />
      <SubscribeBox site={site} />
    </Layout>
  );
};
