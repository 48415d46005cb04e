/** The landing page: the newest articles, or one archive page of them, and where to subscribe. */
import type { ArticleMeta } from '../content/types.ts';
import { labelsFor } from '../site/labels.ts';
import type { ListPage } from '../site/pagination.ts';
import { paths } from '../site/paths.ts';
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
  page: ListPage;
}) => {
  const t = labelsFor(site.language);
  const title = page.archive ? `${site.title} — ${t.archivePage(page.archive)}` : site.title;
  const canonicalPath = page.archive ? paths.archive(page.archive) : paths.home;
  return (
    <Layout site={site} title={title} description={site.description} canonicalPath={canonicalPath}>
      <h1>{site.title}</h1>
      <p>{site.description}</p>
      <h2>{t.articles}</h2>
      <ArticleList site={site} articles={articles} />
      <Pager site={site} page={page} />
      <SubscribeBox site={site} />
    </Layout>
  );
};
