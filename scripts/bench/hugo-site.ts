/**
 * The bench's Hugo site over the same seeds, for a fair race: Hugo reads
 * Markdown with front matter, not our plain text with YAML sidecars, so each
 * article is written as a Markdown page with its title, date and tags (outside
 * the timing), and minimal templates make Hugo render what the site serves: an
 * article page each, paginated listings, tag pages and an RSS feed of each list.
 * Without templates Hugo renders nothing and its time would mean nothing.
 */
import { mkdir, opendir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CONFIG = `baseURL = "https://publisher.example.com/"
languageCode = "ru"
title = "Лента новостей"
disableKinds = ["robotsTXT", "404"]
paginate = 20
[services.rss]
limit = 20
`;

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html':
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  '_default/single.html':
    '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}\n',
  '_default/list.html':
    '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p>{{ end }}{{ end }}\n',
};

/** A seed article as a Hugo page: title from line 1, date and tags from its sidecar, paragraphs as Markdown. */
const hugoPage = (text: string, sidecar: string): string => {
  const [title = '', ...rest] = text.split('\n');
  const date = /^date: (.+)$/m.exec(sidecar)?.[1];
  const tags = /^tags: (\[.*\])$/m.exec(sidecar)?.[1];
  const front = [
    `title: ${JSON.stringify(title)}`,
    ...(date ? [`date: ${date}`] : []),
    ...(tags ? [`tags: ${tags}`] : []),
  ];
  return `---\n${front.join('\n')}\n---\n${rest.filter((line) => line.trim() !== '').join('\n\n')}\n`;
};

/** Writes a Hugo site into `site` with a page for each article of `seeds`. */
export const writeHugoSite = async (seeds: string, site: string): Promise<void> => {
  const content = join(site, 'content/articles');
  await mkdir(content, { recursive: true });
  await writeFile(join(site, 'config.toml'), CONFIG);
  for (const [path, template] of Object.entries(LAYOUTS)) {
    await mkdir(join(site, 'layouts', path, '..'), { recursive: true });
    await writeFile(join(site, 'layouts', path), template);
  }
  for await (const entry of await opendir(seeds)) {
    if (!entry.name.endsWith('.txt')) continue;
    const name = entry.name.slice(0, -4);
    const text = await readFile(join(seeds, entry.name), 'utf8');
    const sidecar = await readFile(join(seeds, `${name}.yaml`), 'utf8').catch(() => '');
    await writeFile(join(content, `${name}.md`), hugoPage(text, sidecar));
  }
};
