/** Site-relative links that respect the base path the site is served under (BASE_PATH). */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** `href('services/intercom/')` → `/services/intercom/` (or `/docs/services/intercom/` under a base). */
export function href(path = ''): string {
  return base + path.replace(/^\//, '');
}

export const servicePath = (id: string) => href(`services/${id}/`);
export const guidePath = (id: string) => href(`guides/${id}/`);
/** Every service, by name and by how it signs in (the finder's page when the catalog is too long to list). */
export const servicesPath = () => href('services/');
export const propertyAnchor = (name: string) => `prop-${name}`;
export const referencePath = (name?: string) => href('reference/') + (name ? `#${propertyAnchor(name)}` : '');
export const methodAnchor = (id: string) => `auth-${id}`;
/** The builder's data files: `common` (the general properties) or a service id (src/pages/builder/data/). */
export const builderDataPath = (name: string) => href(`builder/data/${name}.json`);
/** The Markdown twin of a page: `/services/intercom/` → `/services/intercom.md`. */
export const markdownPath = (pagePath: string) => `${pagePath.replace(/\/$/, '')}.md`;
