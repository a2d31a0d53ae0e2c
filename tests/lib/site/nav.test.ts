import { describe, expect, test } from 'vitest';
import { navigation, sidebarServiceLimit } from '../../../src/lib/site/nav.ts';
import type { Catalog } from '../../../src/lib/providers/catalog.ts';
import { acmeCatalog } from '../../support/acme.ts';

// The acme fixture, never content/: how many services the real site has must not matter here.
const fixture = acmeCatalog();
/** The fixture catalog with its service copied `count` times under new ids. */
function catalogOf(count: number): Catalog {
  const template = fixture.services[0]!;
  const services = Array.from({ length: count }, (_, i) => ({ ...template, id: `svc-${i}`, name: `Svc ${i}`, brandName: undefined }));
  return { ...fixture, services };
}
const serviceLinks = (catalog: Catalog, current?: string) =>
  navigation(catalog, [], current).find((group) => group.label === 'Services')!.links;

describe('sidebar services', () => {
  test('a small catalog lists every service, by its brand name', () => {
    const small: Catalog = { ...fixture, services: [...fixture.services, { ...fixture.services[0]!, id: 'beta', name: 'Beta Books', brandName: 'beta·books' }] };
    const links = serviceLinks(small);
    expect(links.map((l) => l.label)).toEqual(['Acme Ledger', 'beta·books']);
    expect(links.map((l) => l.href)).toEqual(['/services/acme/', '/services/beta/']);
  });

  test('at the limit every service is still listed', () => {
    expect(serviceLinks(catalogOf(sidebarServiceLimit))).toHaveLength(sidebarServiceLimit);
  });

  test('a large catalog links to the directory and the current service only, so pages do not grow with it', () => {
    const big = catalogOf(sidebarServiceLimit * 20);
    expect(serviceLinks(big, '/services/svc-42/')).toEqual([
      { label: `All ${sidebarServiceLimit * 20} services`, href: '/services/' },
      { label: 'Svc 42', href: '/services/svc-42/' },
    ]);
    expect(serviceLinks(big, '/reference/')).toEqual([{ label: `All ${sidebarServiceLimit * 20} services`, href: '/services/' }]);
  });
});

describe('sidebar guides', () => {
  test('every guide is listed under Reference, in the order given, after the properties and before Troubleshooting', () => {
    const guides = [
      { id: 'connection-strings', title: 'How connection strings work' },
      { id: 'oauth', title: 'OAuth in depth' },
    ];
    const reference = navigation(fixture, guides).find((group) => group.label === 'Reference')!.links;
    expect(reference).toEqual([
      { label: 'Connection properties', href: '/reference/' },
      { label: 'How connection strings work', href: '/guides/connection-strings/' },
      { label: 'OAuth in depth', href: '/guides/oauth/' },
      { label: 'Troubleshooting', href: '/troubleshooting/' },
    ]);
  });
});
