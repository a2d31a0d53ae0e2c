/** Result data → the dialog's cards: pages and the property entries matched on them, property records expanded into service rows, the summary line. */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { decodeServices, entriesOfMatch, minimumQueryLength, referenceContext, shortQueryText, summaryText, toHits, withoutShown, type ResultData } from '../../../src/lib/search/hits.ts';

const servicePage = (id: string) => `/docs/services/${id}/`;

const record: ResultData = {
  url: '/docs/reference/apikey/#prop-APIKey',
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
      ['APIKey', 'Reference', '/docs/reference/apikey/#prop-APIKey', 'Help Scout, Intercom · Authentication · inside ProfileSettings'],
      ['APIKey', 'Help Scout', '/docs/services/helpscout/#prop-APIKey', 'Authentication · inside ProfileSettings'],
      ['APIKey', 'Intercom', '/docs/services/intercom/#prop-APIKey', 'Authentication · inside ProfileSettings'],
    ]);
    // No two cards of one result read the same: their link text is the title and the page it opens.
    expect(new Set(hits.map((h) => `${h.title} ${h.where}`)).size).toBe(hits.length);
    expect(hits[0]!.excerptHtml).toBe(record.excerpt);
  });

  test('a match inside property entries of a service page adds a card per entry, after the page, in page order', () => {
    // Words 40–49 are the APIKey entry (Intercom's own wording of it), 50–59 OAuthClientId's; "Steps" starts at 60.
    const anchors = [
      { element: 'h2', id: 'connection-properties', text: 'Connection properties', location: 39 },
      { element: 'li', id: 'prop-APIKey', text: '', location: 40 },
      { element: 'li', id: 'prop-OAuthClientId', text: '', location: 50 },
      { element: 'h2', id: 'steps', text: 'Steps', location: 60 },
    ];
    const withEntries = { ...page, sub_results: [], filters: { service: ['Intercom'] }, anchors, locations: [55, 12, 44, 52, 61] };
    const hits = toHits(withEntries, { servicePage });
    expect(hits.map((h) => [h.title, h.where, h.href, h.excerptHtml])).toEqual([
      ['Connect to Intercom', '', '/docs/services/intercom/', page.excerpt],
      ['APIKey', 'Intercom', '/docs/services/intercom/#prop-APIKey', ''],
      ['OAuthClientId', 'Intercom', '/docs/services/intercom/#prop-OAuthClientId', ''],
    ]);
    // Matches outside every entry: the page alone.
    expect(toHits({ ...withEntries, locations: [12, 61] }, { servicePage })).toHaveLength(1);
  });

  test('a record no service lists is its reference entry alone', () => {
    expect(toHits({ ...record, meta: { ...record.meta, services: '', serviceCount: '0' } }, { servicePage }).map((h) => h.href)).toEqual(['/docs/reference/apikey/#prop-APIKey']);
  });
});

describe('entriesOfMatch', () => {
  const anchors = [
    { element: 'h2', id: 'props', location: 5 },
    { element: 'li', id: 'prop-A', location: 6 },
    { element: 'li', id: 'prop-B_2', location: 9 },
    { element: 'h2', id: 'after', location: 12 },
  ];
  test.each([
    ['inside one entry', [6, 8], ['A']],
    ['in two entries, in page order', [10, 7], ['A', 'B_2']],
    ['before the first anchor, on a heading, after the list', [1, 5, 12, 20], []],
    ['no match locations (a title-only match)', [], []],
  ])('%s', (_, locations, names) => {
    expect(entriesOfMatch(anchors, locations)).toEqual(names);
  });

  test('no anchors is no entry', () => {
    expect(entriesOfMatch(undefined, [3])).toEqual([]);
    expect(entriesOfMatch([], [3])).toEqual([]);
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

test('a query shorter than the minimum is not searched: the status line asks for more, or says nothing for an empty field', () => {
  expect(minimumQueryLength).toBe(2);
  expect(shortQueryText('a')).toBe('Type at least 2 characters to search');
  expect(shortQueryText('')).toBe('');
});

test('a row already listed (a record’s row, then the same entry on its service page) is shown once; a result’s first card always stays', () => {
  const shown = new Set<string>();
  const fromRecord = withoutShown(toHits(record, { servicePage }), shown);
  expect(fromRecord).toHaveLength(3);
  const anchors = [{ element: 'li', id: 'prop-APIKey', location: 40 }];
  const intercomPage = { ...page, sub_results: [], filters: { service: ['Intercom'] }, anchors, locations: [41] };
  expect(withoutShown(toHits(intercomPage, { servicePage }), shown).map((h) => h.href)).toEqual(['/docs/services/intercom/']);
  // The same page again keeps its first card.
  expect(withoutShown(toHits(intercomPage, { servicePage }), shown).map((h) => h.href)).toEqual(['/docs/services/intercom/']);
});
