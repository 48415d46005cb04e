/** A tag's page: its articles and its feeds. */
import type { ArticleMeta, TagEntry } from '../content/types.ts';
import { labelsFor } from '../labels.ts';
import { paths } from '../paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { ArticleList, SubscribeLinks } from './article-list.tsx';
import { Layout } from './layout.tsx';

export const TagPage = ({ site, tag, articles }: { site: SiteConfig; tag: TagEntry; articles: readonly ArticleMeta[] }) => {
  const t = labelsFor(site.language);
  const description = t.tagFeedDescription(tag.name);
  return (
    <Layout site={site} title={`${tag.name} — ${site.title}`} description={description} canonicalPath={paths.tag(tag.slug)} tag={tag}>
      <h1>{description}</h1>
      <ArticleList site={site} articles={articles} />
      <h2>{t.subscribe}</h2>
      <SubscribeLinks site={site} tag={tag.slug} />
    </Layout>
  );
};
