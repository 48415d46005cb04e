import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSlugClashes, type SlugClaims } from '../../src/content/compile-articles.ts';
import type { ContentIssue, ContentWarning } from '../../src/content/types.ts';

interface Article {
  slug: string;
  explicit: boolean;
  guid: string;
}

/**
 * The rules as first written, with every slug's owner in one map: the oracle that
 * resolveSlugClashes, which holds only the slugs that may clash, must agree with.
 */
const withOneMap = (articles: readonly Article[]) => {
  const slugs = articles.map((a) => a.slug);
  const errors: ContentIssue[] = [];
  const warnings: ContentWarning[] = [];
  const file = (i: number) => `${i}.txt`;
  const owners = new Map<string, number>();
  slugs.forEach((slug, i) => {
    if (!articles[i]!.explicit) return;
    const other = owners.get(slug);
    if (other !== undefined)
      errors.push({
        file: file(i),
        message: `duplicate slug "${slug}" (also ${file(other)}): set a different "slug" in its metadata`,
      });
    else owners.set(slug, i);
  });
  slugs.forEach((slug, i) => {
    if (articles[i]!.explicit) return;
    const other = owners.get(slug);
    if (other === undefined) {
      owners.set(slug, i);
      return;
    }
    const hex = articles[i]!.guid.replace(/^urn:uuid:/, '').replaceAll('-', '');
    let length = 6;
    while (owners.has(`${slug}-${hex.slice(-length)}`) && length < hex.length) length += 2;
    const suffixed = `${slug}-${hex.slice(-length)}`;
    if (owners.has(suffixed)) {
      errors.push({ file: file(i), message: `no free slug for "${slug}": set "slug" in its metadata` });
      return;
    }
    warnings.push({
      file: file(i),
      kind: 'slug-suffixed',
      message: `slug "${slug}" is taken by ${file(other)}: using "${suffixed}"`,
    });
    slugs[i] = suffixed;
    owners.set(suffixed, i);
  });
  return { slugs, errors, warnings };
};

const resolved = (articles: readonly Article[]) => {
  const claims: SlugClaims = {
    count: articles.length,
    slug: (i) => articles[i]!.slug,
    explicit: (i) => articles[i]!.explicit,
    file: (i) => `${i}.txt`,
    guid: (i) => articles[i]!.guid,
    errors: [],
    warnings: [],
  };
  const renamed = resolveSlugClashes(claims);
  return {
    slugs: articles.map((a, i) => renamed.get(i) ?? a.slug),
    errors: claims.errors,
    warnings: claims.warnings,
  };
};

// Few guids, whose tails repeat, and slugs that are often another's suffixed slug: clashes of every kind.
const GUIDS = ['urn:uuid:00000000-0000-5000-8000-0000000a1b2c', 'urn:uuid:00000000-0000-5000-8000-00000f0a1b2c'];
const SLUGS = ['a', 'b', 'a-0a1b2c', 'a-000a1b2c', 'a-0a1b2c-0a1b2c', 'b-0a1b2c', 'a-f0a1b2c'.slice(0, 8)];
const article = fc.record({
  slug: fc.constantFrom(...SLUGS),
  explicit: fc.boolean(),
  guid: fc.constantFrom(...GUIDS),
});

describe('resolveSlugClashes', () => {
  it('decides as one map of every owner would: the same slugs, errors and warnings, in the same order', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 14 }), (articles) => {
        expect(resolved(articles)).toEqual(withOneMap(articles));
      }),
      { numRuns: 3000 },
    );
  });

  it('renames nothing when every slug is its own', () => {
    const articles = Array.from({ length: 1000 }, (_, i) => ({
      slug: `s-${i}`,
      explicit: i % 3 === 0,
      guid: GUIDS[0]!,
    }));
    expect(resolved(articles)).toEqual({ slugs: articles.map((a) => a.slug), errors: [], warnings: [] });
  });
});
