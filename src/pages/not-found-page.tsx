/** The 404 page, in the site's look. */
import { labelsFor } from '../site/labels.ts';
import { paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { SubscribeBox } from './article-list.tsx';
import { Layout } from './layout.tsx';

export const NotFoundPage = ({ site }: { site: SiteConfig }) => {
  const t = labelsFor(site.language);
  return (
    <Layout site={site} title={`${t.notFoundTitle} — ${site.title}`} description={t.notFoundText}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <a href={paths.home}>{t.backHome}</a>
      </p>
      <SubscribeBox site={site} />
    </Layout>
  );
};
