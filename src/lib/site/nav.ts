/** The sidebar's structure, derived from the catalog and the guides, so a new service or guide appears with no code change. */
import type { Catalog } from '../providers/catalog.ts';
import { serviceLabel } from '../providers/service-facts.ts';
import { guidePath, href, servicePath, servicesPath } from './paths.ts';

export type NavLink = { label: string; href: string };
export type NavGroup = { label: string; links: NavLink[] };

/**
 * Up to this many services the sidebar lists them all. Beyond it, every page listing every service would
 * make the site's HTML (and Pagefind's indexing of it) grow with the square of the catalog, and a list of
 * hundreds of links helps nobody: the sidebar then links to the directory (/services/) and the current service, and
 * its service finder searches them all.
 */
export const sidebarServiceLimit = 30;

/**
 * @param guides the guides in reading order (guides.ts), listed under Reference after the properties
 * @param currentPath the page's path (`/services/intercom/`), so a long catalog still shows where you are.
 */
export function navigation(catalog: Catalog, guides: readonly { id: string; title: string }[], currentPath = ''): NavGroup[] {
  const services = catalog.services.map((s) => ({ label: serviceLabel(s), href: servicePath(s.id) }));
  const serviceLinks =
    services.length <= sidebarServiceLimit
      ? services
      : [
          { label: `All ${services.length} services`, href: servicesPath() },
          ...services.filter((link) => link.href === currentPath),
        ];
  return [
    { label: 'Start', links: [{ label: 'Overview', href: href() }] },
    { label: 'Services', links: serviceLinks },
    {
      label: 'Reference',
      links: [{ label: 'Connection properties', href: href('reference/') }, ...guides.map((g) => ({ label: g.title, href: guidePath(g.id) })), { label: 'Troubleshooting', href: href('troubleshooting/') }],
    },
    { label: 'Tools', links: [{ label: 'Connection-string builder', href: href('builder/') }] },
  ];
}
