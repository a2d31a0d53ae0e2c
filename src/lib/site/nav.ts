/** The sidebar's structure, derived from the catalog so a new service appears with no code change. */
import type { Catalog } from '../providers/catalog';
import { href, servicePath } from './paths';

export type NavLink = { label: string; href: string };
export type NavGroup = { label: string; links: NavLink[] };

export function navigation(catalog: Catalog): NavGroup[] {
  return [
    { label: 'Start', links: [{ label: 'Overview', href: href() }] },
    {
      label: 'Services',
      links: catalog.services.map((s) => ({ label: s.brandName ?? s.name, href: servicePath(s.id) })),
    },
    {
      label: 'Reference',
      links: [
        { label: 'Connection properties', href: href('reference/') },
        { label: 'How connection strings work', href: href('guides/connection-strings/') },
      ],
    },
    { label: 'Tools', links: [{ label: 'Connection-string builder', href: href('builder/') }] },
  ];
}
