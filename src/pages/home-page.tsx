/** The landing page: the newest articles and where to subscribe. */
import type { ArticleMeta } from '../content/types.ts';
import { labelsFor } from '../labels.ts';
import { paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { ArticleList, SubscribeLinks } from './article-list.tsx';
import { Layout } from './layout.tsx';

export const HomePage = ({ site, articles }: { site: SiteConfig; articles: readonly ArticleMeta[] }) => {
  const t = labelsFor(site.language);
  return (
    <Layout site={site} title={site.title} description={site.description} canonicalPath={paths.home}>
      <h1>{site.title}</h1>
      <p>{site.description}</p>
      <h2>{t.articles}</h2>
      <ArticleList site={site} articles={articles} />
      <h2>{t.subscribe}</h2>
      <SubscribeLinks site={site} />
    </Layout>
  );
};
