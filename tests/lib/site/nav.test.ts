import { describe, expect, test } from 'vitest';
import { navigation, sidebarServiceLimit } from '../../../src/lib/site/nav.ts';
import { getCatalog } from '../../../src/lib/providers/load.ts';
import type { Catalog } from '../../../src/lib/providers/catalog.ts';

const real = getCatalog();
/** The real catalog with its first service copied `count` times under new ids. */
function catalogOf(count: number): Catalog {
  const template = real.services[0]!;
  const services = Array.from({ length: count }, (_, i) => ({ ...template, id: `svc-${i}`, name: `Svc ${i}`, brandName: undefined }));
  return { ...real, services };
}
const serviceLinks = (catalog: Catalog, current?: string) =>
  navigation(catalog, current).find((group) => group.label === 'Services')!.links;

describe('sidebar services', () => {
  test('a small catalog lists every service, by its brand name', () => {
    const links = serviceLinks(real);
    expect(links.map((l) => l.label)).toEqual(real.services.map((s) => s.brandName ?? s.name));
    expect(links.map((l) => l.href)).toContain('/services/helpscout/');
  });

  test('at the limit every service is still listed', () => {
    expect(serviceLinks(catalogOf(sidebarServiceLimit))).toHaveLength(sidebarServiceLimit);
  });

  test('a large catalog links to the directory and the current service only, so pages do not grow with it', () => {
    const big = catalogOf(sidebarServiceLimit * 20);
    expect(serviceLinks(big, '/services/svc-42/')).toEqual([
      { label: `All ${sidebarServiceLimit * 20} services`, href: '/#services' },
      { label: 'Svc 42', href: '/services/svc-42/' },
    ]);
    expect(serviceLinks(big, '/reference/')).toEqual([{ label: `All ${sidebarServiceLimit * 20} services`, href: '/#services' }]);
  });
});
