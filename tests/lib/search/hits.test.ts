/** Result data → the dialog's cards: pages, property records expanded into service rows, a chosen service, the summary line. */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { decodeServices, ownersOfMatch, referenceContext, summaryText, toHits, type ResultData } from '../../../src/lib/search/hits.ts';

const servicePage = (id: string) => `/docs/services/${id}/`;

const record: ResultData = {
  url: '/docs/reference/#prop-APIKey',
  excerpt: 'The <mark>API</mark> key…',
  meta: {
    title: 'APIKey',
    row: 'Authentication · inside ProfileSettings',
    services: 'helpscout=Help Scout|intercom=Intercom',
    serviceCount: '2',
  },
};

const page: ResultData = {
  url: '/docs/services/intercom/',
  excerpt: 'open the <mark>Developer</mark> Hub',
  meta: { title: 'Connect to Intercom' },
  sub_results: [
    { title: 'Connect to Intercom', url: '/docs/services/intercom/', excerpt: '' },
    { title: 'OAuth', url: '/docs/services/intercom/#auth-oauth', excerpt: '' },
    { title: 'Access token', url: '/docs/services/intercom/#auth-token', excerpt: '' },
    { title: 'Corrections', url: '/docs/services/intercom/#corrections', excerpt: '' },
    { title: 'Steps', url: '/docs/services/intercom/#steps', excerpt: '' },
  ],
};

describe('toHits', () => {
  test('a page is one card with its matching sections (not itself again), at most maxSections', () => {
    const [hit, ...rest] = toHits(page, { servicePage, maxSections: 2 });
    expect(rest).toEqual([]);
    expect(hit).toEqual({
      title: 'Connect to Intercom',
      where: '',
      href: '/docs/services/intercom/',
      context: '',
      excerptHtml: 'open the <mark>Developer</mark> Hub',
      sections: [
        { title: 'OAuth', href: '/docs/services/intercom/#auth-oauth' },
        { title: 'Access token', href: '/docs/services/intercom/#auth-token' },
      ],
    });
  });

  test('a property record is its reference entry, then a row card per service it names, each saying which page it opens', () => {
    const hits = toHits(record, { servicePage });
    expect(hits.map((h) => [h.title, h.where, h.href, h.context])).toEqual([
      ['APIKey', 'Reference', '/docs/reference/#prop-APIKey', 'Help Scout, Intercom · Authentication · inside ProfileSettings'],
      ['APIKey', 'Help Scout', '/docs/services/helpscout/#prop-APIKey', 'Authentication · inside ProfileSettings'],
      ['APIKey', 'Intercom', '/docs/services/intercom/#prop-APIKey', 'Authentication · inside ProfileSettings'],
    ]);
    // No two cards of one result read the same: their link text is the title and the page it opens.
    expect(new Set(hits.map((h) => `${h.title} ${h.where}`)).size).toBe(hits.length);
    expect(hits[0]!.excerptHtml).toBe(record.excerpt);
  });

  test('with a service chosen, that service’s row comes first and is the only row, even when the record does not name it', () => {
    const hits = toHits({ ...record, meta: { ...record.meta, services: 'aircall=Aircall' } }, { servicePage, chosen: { id: 'intercom', name: 'Intercom' } });
    expect(hits.map((h) => h.href)).toEqual(['/docs/services/intercom/#prop-APIKey', '/docs/reference/#prop-APIKey']);
  });

  test('a query that matched only one service’s own wording puts that service’s row first, with the excerpt', () => {
    // Words 10–14 are Intercom's own wording, 15–19 Aircall's (which the record does not name among its rows).
    const own = '10-14:intercom=Intercom|15-19:aircall=Aircall';
    const hits = toHits({ ...record, locations: [16, 18], meta: { ...record.meta, own } }, { servicePage });
    expect(hits.map((h) => h.href)).toEqual([
      '/docs/services/aircall/#prop-APIKey',
      '/docs/reference/#prop-APIKey',
      '/docs/services/helpscout/#prop-APIKey',
      '/docs/services/intercom/#prop-APIKey',
    ]);
    expect([hits[0]!.where, hits[0]!.context]).toEqual(['Aircall', 'Authentication · inside ProfileSettings']);
    expect(hits.map((h) => h.excerptHtml)).toEqual([record.excerpt, '', '', '']);
    // A named service leads without showing twice.
    expect(toHits({ ...record, locations: [12], meta: { ...record.meta, own } }, { servicePage }).map((h) => h.href)).toEqual([
      '/docs/services/intercom/#prop-APIKey',
      '/docs/reference/#prop-APIKey',
      '/docs/services/helpscout/#prop-APIKey',
    ]);
    // A match in the shared facts too: the reference entry leads as usual.
    expect(toHits({ ...record, locations: [0, 12], meta: { ...record.meta, own } }, { servicePage })[0]!.href).toBe('/docs/reference/#prop-APIKey');
    // A chosen service still comes first, alone.
    expect(toHits({ ...record, locations: [16], meta: { ...record.meta, own } }, { servicePage, chosen: { id: 'intercom', name: 'Intercom' } }).map((h) => h.href)).toEqual([
      '/docs/services/intercom/#prop-APIKey',
      '/docs/reference/#prop-APIKey',
    ]);
  });

  test('a record no service lists is its reference entry alone', () => {
    expect(toHits({ ...record, meta: { ...record.meta, services: '', serviceCount: '0' } }, { servicePage }).map((h) => h.href)).toEqual(['/docs/reference/#prop-APIKey']);
  });
});

describe('ownersOfMatch', () => {
  const own = '3-5:a=A|3-5:b=B b|6-9:c=C';
  test.each([
    ['inside one wording', [6, 9], ['c']],
    ['inside a wording two services share', [3, 4], ['a', 'b']],
    ['across two wordings', [5, 6], []],
    ['partly outside every wording', [2, 3], []],
    ['no match locations (a title-only match)', [], []],
  ])('%s', (_, locations, ids) => {
    expect(ownersOfMatch(own, locations).map((s) => s.id)).toEqual(ids);
  });

  test('no own wording, or a malformed range, is no owner', () => {
    expect(ownersOfMatch(undefined, [1])).toEqual([]);
    expect(ownersOfMatch('x-y:a=A|3:b=B', [3])).toEqual([]);
  });
});

describe('referenceContext', () => {
  test.each([
    [{ row: 'OAuth · Top level', scope: 'all', services: 'a=A|b=B|c=C', serviceCount: '5' }, 'All services · OAuth · Top level'],
    [{ row: 'OAuth · Top level', services: 'a=A|b=B|c=C', serviceCount: '4' }, '4 services · OAuth · Top level'],
    [{ row: 'OAuth · Top level', services: 'a=A|b=B', serviceCount: '2' }, 'A, B · OAuth · Top level'],
    [{ row: 'Misc · Top level', services: '', serviceCount: '0' }, 'Misc · Top level'],
  ])('%o → %s', (meta, context) => {
    expect(referenceContext(meta)).toBe(context);
  });
});

describe('decodeServices', () => {
  test('reads id=Name pairs; a name may contain = and spaces; empty input is no service', () => {
    expect(decodeServices('a=A b|c=C=D')).toEqual([
      { id: 'a', name: 'A b' },
      { id: 'c', name: 'C=D' },
    ]);
    expect(decodeServices('')).toEqual([]);
    expect(decodeServices(undefined)).toEqual([]);
  });

  propTest.prop([fc.array(fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), name: fc.string({ minLength: 1 }).filter((s) => !s.includes('|')) }))])(
    'round-trips what records.ts writes',
    (services) => {
      expect(decodeServices(services.map((s) => `${s.id}=${s.name}`).join('|'))).toEqual(services);
    },
  );
});

test.each([
  ['zqxjvwk', 0, 'No results for zqxjvwk'],
  ['APIKey', 1, '1 result for APIKey'],
  ['proxy', 1234, '1,234 results for proxy'],
])('summary for %s with %i results', (term, count, text) => {
  expect(summaryText(term, count)).toBe(text);
});
