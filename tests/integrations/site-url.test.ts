/** SITE_URL and BASE_PATH as the build reads them (src/integrations/site-url.ts), and the URL rule they feed (paths.ts). */
import { describe, expect, test } from 'vitest';
import { siteAddress, SiteUrlError } from '../../src/integrations/site-url.ts';
import { publicUrl } from '../../src/lib/site/paths.ts';

describe('siteAddress', () => {
  test('no SITE_URL: a local build, with no site address', () => {
    expect(siteAddress({})).toEqual({ site: undefined, base: '/' });
    expect(siteAddress({ SITE_URL: '  ' })).toEqual({ site: undefined, base: '/' });
  });

  test('an address and a sub-path, normalized', () => {
    expect(siteAddress({ SITE_URL: 'https://docs.example.com' })).toEqual({ site: 'https://docs.example.com/', base: '/' });
    expect(siteAddress({ SITE_URL: 'https://example.com/', BASE_PATH: 'docs' })).toEqual({ site: 'https://example.com/', base: '/docs/' });
    // The sub-path may be repeated in SITE_URL, as long as the two agree.
    expect(siteAddress({ SITE_URL: 'https://example.com/docs/', BASE_PATH: '/docs/' })).toEqual({ site: 'https://example.com/', base: '/docs/' });
  });

  test.each([
    ['docs.example.com', /absolute address/],
    ['ftp://docs.example.com/', /https:\/\//],
    ['https://docs.example.com/?x=1', /plain address/],
    ['https://user:pw@docs.example.com/', /plain address/],
    ['https://example.com/docs/', /BASE_PATH=\/docs\//],
  ])('SITE_URL=%s fails with a clear message', (value, message) => {
    expect(() => siteAddress({ SITE_URL: value })).toThrow(SiteUrlError);
    expect(() => siteAddress({ SITE_URL: value })).toThrow(message);
  });
});

describe('publicUrl', () => {
  test('absolute on the site address, root-relative without one', () => {
    expect(publicUrl('https://docs.example.com/')('/services/intercom.md')).toBe('https://docs.example.com/services/intercom.md');
    expect(publicUrl(new URL('https://example.com/'))('/docs/llms.txt')).toBe('https://example.com/docs/llms.txt');
    expect(publicUrl(undefined)('/services/intercom.md')).toBe('/services/intercom.md');
  });
});
