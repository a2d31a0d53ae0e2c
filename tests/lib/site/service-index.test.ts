/** The finder's matching (src/lib/site/service-index.ts): by name, driver name or id, and by sign-in kind, best first. */
import { describe, expect, test } from 'vitest';
import { findServices, type ServiceIndex } from '../../../src/lib/site/service-index.ts';

const index: ServiceIndex = {
  services: [
    { id: 'aircall', name: 'Aircall', also: 'AirCall', kinds: ['basic', 'oauth'] },
    { id: 'helpscout', name: 'Help Scout', also: 'HelpScout', kinds: ['token', 'oauth'] },
    { id: 'freee-hr', name: 'freee HR', kinds: ['oauth'] },
    { id: 'zoom', name: 'Zoom', kinds: ['oauth'] },
    { id: 'zoho-crm', name: 'Zohō CRM', kinds: ['token'] },
    { id: 'smarthr', name: 'SmartHR', kinds: ['token'] },
  ],
};
const names = (query: string, kind?: Parameters<typeof findServices>[2]) => findServices(index, query, kind).map((s) => s.name);

describe('findServices', () => {
  test('a name starting with the query first, then a word starting with it, then the rest, each by name', () => {
    expect(names('hr')).toEqual(['freee HR', 'SmartHR']);
    expect(names('zo')).toEqual(['Zohō CRM', 'Zoom']);
    expect(names('sc')).toEqual(['Help Scout']);
  });

  test('any case, accents folded, the driver spelling and the id count too', () => {
    expect(names('HELPSCOUT')).toEqual(['Help Scout']);
    expect(names('zoho')).toEqual(['Zohō CRM']);
    expect(names('freee-hr')).toEqual(['freee HR']);
  });

  test('every word must match, in any order', () => {
    expect(names('scout help')).toEqual(['Help Scout']);
    expect(names('scout zoom')).toEqual([]);
  });

  test('a kind narrows the matches, and alone lists every service of that kind', () => {
    expect(names('', 'token')).toEqual(['Help Scout', 'SmartHR', 'Zohō CRM']);
    expect(names('z', 'oauth')).toEqual(['Zoom']);
    expect(names('air', 'token')).toEqual([]);
  });

  test('nothing typed and no kind is no search', () => {
    expect(names('')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });
});
