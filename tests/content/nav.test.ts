/** The sidebar built from the real catalog: every documented service, by its brand name (while under the limit). */
import { expect, test } from 'vitest';
import { getCatalog } from '../../src/lib/providers/load.ts';
import { navigation, sidebarServiceLimit } from '../../src/lib/site/nav.ts';

test('the sidebar lists the real services by brand name, or links to the directory past the limit', () => {
  const catalog = getCatalog();
  const links = navigation(catalog, []).find((group) => group.label === 'Services')!.links;
  if (catalog.services.length <= sidebarServiceLimit) {
    expect(links.map((l) => l.label)).toEqual(catalog.services.map((s) => s.brandName ?? s.name));
    expect(links.map((l) => l.href)).toContain('/services/helpscout/');
  } else {
    expect(links).toEqual([{ label: `All ${catalog.services.length} services`, href: '/services/' }]);
  }
});
