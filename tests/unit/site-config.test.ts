import { describe, expect, it } from 'vitest';
import { readWranglerConfig } from '../../scripts/wrangler-config.ts';
import { parseSiteConfig, SiteConfigError } from '../../src/site/site-config.ts';

const { vars: GOOD } = await readWranglerConfig();

/** The error parseSiteConfig throws for these vars, or undefined when it accepts them. */
const refusal = (vars: Record<string, unknown>): SiteConfigError | undefined => {
  try {
    parseSiteConfig(vars);
    return undefined;
  } catch (error) {
    if (error instanceof SiteConfigError) return error;
    throw error;
  }
};

const withSetting = (name: string, value: unknown): Record<string, unknown> => {
  const vars = { ...GOOD, [name]: value };
  if (value === undefined) delete vars[name];
  return vars;
};

// [setting, bad value (undefined: left out), the reason given]
const BAD: [string, unknown, string][] = [
  ['SITE_URL', undefined, 'is missing'],
  ['SITE_URL', '', 'must not be empty'],
  ['SITE_URL', 'publisher.example.com', 'must be an absolute URL'],
  ['SITE_URL', 'ftp://publisher.example.com', 'must be an http(s) address without ?query or #fragment'],
  ['SITE_URL', 'javascript:alert(1)', 'must be an http(s) address without ?query or #fragment'],
  ['SITE_URL', 'https://publisher.example.com/?utm=1', 'must be an http(s) address without ?query or #fragment'],
  ['SITE_URL', 'https://publisher.example.com/#top', 'must be an http(s) address without ?query or #fragment'],
  ['SITE_TITLE', undefined, 'is missing'],
  ['SITE_TITLE', '   ', 'must not be empty'],
  ['SITE_TITLE', 42, 'must be text'],
  ['SITE_TITLE', 'Лента\u0007новостей', 'must not contain control characters'],
  ['SITE_DESCRIPTION', '', 'must not be empty'],
  ['SITE_AUTHOR', 'Редакция\u0000', 'must not contain control characters'],
  ['SITE_LANGUAGE', undefined, 'is missing'],
  ['SITE_LANGUAGE', '', 'must not be empty'],
  ['SITE_LANGUAGE', 'ru_RU', 'must be a language tag'],
  ['SITE_LANGUAGE', 'russian', 'must be a language tag'],
  ['SITE_LANGUAGE', 'en-', 'must be a language tag'],
  ['SITE_LANGUAGE', 'x-private', 'must be a language tag'],
  ['SITE_AUTHOR', '', 'must not be empty'],
  ['SITE_TIME_ZONE', undefined, 'is missing'],
  ['SITE_TIME_ZONE', '', 'must not be empty'],
  ['SITE_TIME_ZONE', 'Mars/Olympus', 'must be an IANA time zone'],
  ['SITE_TIME_ZONE', 'Moscow', 'must be an IANA time zone'],
  ['SITE_TIME_ZONE', 'UTC+3', 'must be an IANA time zone'],
  ['FEED_PAGE_SIZE', undefined, 'is missing'],
  ['FEED_PAGE_SIZE', '', 'must not be empty'],
  ['FEED_PAGE_SIZE', '0', 'must be at least 1'],
  ['FEED_PAGE_SIZE', '-5', 'must be at least 1'],
  ['FEED_PAGE_SIZE', '101', 'must be at most 100'],
  ['FEED_PAGE_SIZE', '2.5', 'must be a whole number'],
  ['FEED_PAGE_SIZE', 'twenty', 'must be a number'],
  ['FEED_PAGE_SIZE', 20, 'must be text'],
  ['SITE_COPYRIGHT', 2026, 'must be text'],
  ['SITE_COPYRIGHT', '© 2026\u001b', 'must not contain control characters'],
  ['WEBSUB_HUB', 'http://pubsubhubbub.appspot.com/', 'must be an https URL or empty'],
  ['WEBSUB_HUB', 'pubsubhubbub.appspot.com', 'must be an https URL or empty'],
  ['WEBSUB_HUB', true, 'must be an https URL or empty'],
  ['CONTENT_FOOTER_MARKERS', 'Подписывайтесь на наши страницы в соцсетях:', 'must be a list of lines'],
  ['CONTENT_FOOTER_MARKERS', [''], 'must be a list of lines that are not blank'],
  ['CONTENT_FOOTER_MARKERS', ['Подписывайтесь', '  '], 'must be a list of lines that are not blank'],
  ['CONTENT_FOOTER_MARKERS', [42], 'must be a list of lines'],
];

describe('parseSiteConfig', () => {
  it('accepts the settings in wrangler.toml', () => {
    expect(parseSiteConfig(GOOD)).toMatchObject({
      url: 'https://publisher.example.com',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      pageSize: 20,
      footerMarkers: ['Подписывайтесь на наши страницы в соцсетях:'],
    });
  });

  it.each(BAD)('refuses %s = %j, naming the setting', (name, value, reason) => {
    const error = refusal(withSetting(name, value));
    expect(error?.problems).toHaveLength(1);
    expect(error?.problems[0]?.setting).toBe(name);
    expect(error?.problems[0]?.reason.startsWith(reason), error?.problems[0]?.reason).toBe(true);
    expect(error?.message).toContain(`\nwrangler.toml: [vars] ${name}: ${reason}`);
  });

  it('lists every bad setting in one message, in the order of the settings', () => {
    const error = refusal({
      ...GOOD,
      SITE_TIME_ZONE: 'Mars/Olympus',
      FEED_PAGE_SIZE: '0',
      SITE_LANGUAGE: 'ru_RU',
      SITE_TITLE: undefined,
    });
    expect(error?.message.split('\n')).toEqual([
      'invalid site settings SITE_TITLE, SITE_LANGUAGE, SITE_TIME_ZONE, FEED_PAGE_SIZE (see "Settings" in README.md):',
      'wrangler.toml: [vars] SITE_TITLE: is missing',
      'wrangler.toml: [vars] SITE_LANGUAGE: must be a language tag such as ru or en-GB, not "ru_RU"',
      'wrangler.toml: [vars] SITE_TIME_ZONE: must be an IANA time zone such as Europe/Moscow, not "Mars/Olympus"',
      'wrangler.toml: [vars] FEED_PAGE_SIZE: must be at least 1, not "0"',
    ]);
  });

  it('stores one canonical spelling of the address and the language', () => {
    const config = parseSiteConfig({ ...GOOD, SITE_URL: 'https://publisher.example.com//', SITE_LANGUAGE: 'EN-gb' });
    expect(config.url).toBe('https://publisher.example.com');
    expect(config.language).toBe('en-GB');
    expect(parseSiteConfig({ ...GOOD, SITE_LANGUAGE: 'sr-latn-rs' }).language).toBe('sr-Latn-RS');
  });

  it('accepts what the Worker accepted before: a path in the address, spaces around the page size', () => {
    expect(parseSiteConfig({ ...GOOD, SITE_URL: 'https://example.com/blog/' }).url).toBe('https://example.com/blog');
    expect(parseSiteConfig({ ...GOOD, FEED_PAGE_SIZE: ' 100 ' }).pageSize).toBe(100);
    expect(parseSiteConfig({ ...GOOD, FEED_PAGE_SIZE: '1' }).pageSize).toBe(1);
    expect(parseSiteConfig({ ...GOOD, SITE_TIME_ZONE: 'UTC' }).timeZone).toBe('UTC');
  });

  it('leaves the optional settings out when they are empty or absent', () => {
    const {
      SITE_COPYRIGHT: _copyright,
      WEBSUB_HUB: _hub,
      CONTENT_FOOTER_MARKERS: _markers,
      ...required
    } = GOOD as Record<string, unknown>;
    const config = parseSiteConfig(required);
    expect(config).not.toHaveProperty('copyright');
    expect(config).not.toHaveProperty('hub');
    expect(config.footerMarkers).toEqual([]);
    expect(
      parseSiteConfig({ ...GOOD, SITE_COPYRIGHT: ' © Редакция ', WEBSUB_HUB: 'https://hub.example/' }),
    ).toMatchObject({ copyright: '© Редакция', hub: 'https://hub.example/' });
  });
});
