import { describe, expect, test } from 'vitest';
import { nameBreakParts } from '../../../src/lib/site/format.ts';
import { getCatalog } from '../../../src/lib/providers/load.ts';

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

  test('every property name in the catalog joins back from its parts', () => {
    const names = new Set(getCatalog().services.flatMap((s) => s.properties.map((p) => p.name)));
    expect(names.size).toBeGreaterThan(40);
    for (const name of names) expect(nameBreakParts(name).join('')).toBe(name);
  });
});
