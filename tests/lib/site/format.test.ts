import { describe, expect, test } from 'vitest';
import { andList, appliesToNote, inlineParts, lowerFirst, nameBreakParts, serviceLabels } from '../../../src/lib/site/format.ts';

describe('nameBreakParts', () => {
  test.each([
    ['OAuthClientSecret', ['OAuth', 'Client', 'Secret']],
    ['InitiateOAuth', ['Initiate', 'OAuth']],
    ['APIKey', ['API', 'Key']],
    ['CallbackURL', ['Callback', 'URL']],
    ['ProxySSLType', ['Proxy', 'SSL', 'Type']],
    ['RTK', ['RTK']],
    ['Readonly', ['Readonly']],
  ])('%s', (name, parts) => {
    expect(nameBreakParts(name)).toEqual(parts);
  });
});

describe('inlineParts and andList', () => {
  test.each([
    ['plain text', [{ text: 'plain text', code: false }]],
    ['as in `A=1`.', [{ text: 'as in ', code: false }, { text: 'A=1', code: true }, { text: '.', code: false }]],
    ['`x` and `y`', [{ text: 'x', code: true }, { text: ' and ', code: false }, { text: 'y', code: true }]],
  ])('%j', (text, parts) => {
    expect(inlineParts(text)).toEqual(parts);
  });

  test.each([
    [[], ''],
    [['Intercom'], 'Intercom'],
    [['LeadDesk', 'Intercom'], 'LeadDesk and Intercom'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j → %j', (items, text) => {
    expect(andList(items)).toBe(text);
  });
});

describe('appliesToNote and serviceLabels', () => {
  const names = serviceLabels([
    { id: 'acme', name: 'Acme', brandName: 'ACME Ledger' },
    { id: 'beta', name: 'Beta' },
  ]);

  test('ids map to the names pages print, the brand spelling first', () => {
    expect([...names]).toEqual([['acme', 'ACME Ledger'], ['beta', 'Beta']]);
  });

  test.each([
    [undefined, undefined],
    [['acme'], 'On the ACME Ledger page.'],
    [['acme', 'beta'], 'On the ACME Ledger and Beta pages.'],
    [['acme', 'gone'], 'On the ACME Ledger and gone pages.'],
  ])('%j → %j', (appliesTo, note) => {
    expect(appliesToNote(appliesTo, names)).toBe(note);
  });
});

test.each([
  ['Your own data', 'your own data'],
  ['Inside ProfileSettings', 'inside ProfileSettings'],
  ['', ''],
])('lowerFirst(%j) → %j: only the first letter changes', (label, text) => {
  expect(lowerFirst(label)).toBe(text);
});
