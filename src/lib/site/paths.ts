/**
 * Site-relative links that respect the base path the site is served under (BASE_PATH), and the one rule for the
 * absolute URLs written where a reader outside the site needs them (SITE_URL). Under Vite the base comes from
 * Astro's config; under plain Node (the CLI, the MCP server) from the same BASE_PATH variable.
 */
const configuredBase: string =
  import.meta.env?.BASE_URL ?? (typeof process === 'undefined' ? undefined : process.env.BASE_PATH) ?? '/';
const base = configuredBase.replace(/\/?$/, '/');

/** `href('services/intercom/')` → `/services/intercom/` (or `/docs/services/intercom/` under a base). */
export function href(path = ''): string {
  return base + path.replace(/^\//, '');
}

export const servicePath = (id: string) => href(`services/${id}/`);
/** An older build's page of a service (`/services/humanity/23.0.8839.0/`); the newest build's is `servicePath`. */
export const serviceBuildPath = (id: string, build: string) => href(`services/${id}/${build}/`);
export const guidePath = (id: string) => href(`guides/${id}/`);
/** Every service, by name and by how it signs in (the finder's page when the catalog is too long to list). */
export const servicesPath = () => href('services/');
export const propertyAnchor = (name: string) => `prop-${name}`;
/** A property's page in the reference: its name in lower case (names differ by more than case: the catalog checks it). */
export const referenceSlug = (name: string) => name.toLowerCase();
/**
 * The reference (the index of every property) or one property's page, `/reference/apikey/`. The index keeps a row
 * with the id `prop-<Name>` for every property, so an old link `/reference/#prop-APIKey` still lands on it (and the
 * site script follows the row to the property's page).
 */
export const referencePath = (name?: string) => href('reference/') + (name ? `${referenceSlug(name)}/` : '');
export const methodAnchor = (id: string) => `auth-${id}`;
/** The builder's data files: `common` (the general properties) or a service id (src/pages/builder/data/). */
export const builderDataPath = (name: string) => href(`builder/data/${name}.json`);
/** An older driver build's builder data file of a service (`/builder/data/humanity/23.0.8839.0.json`). */
export const builderBuildDataPath = (id: string, build: string) => href(`builder/data/${id}/${build}.json`);
/** The Markdown twin of a page: `/services/intercom/` → `/services/intercom.md`, the home page → `/index.md`. */
export const markdownPath = (pagePath: string) => (pagePath === href() ? `${href()}index.md` : `${pagePath.replace(/\/$/, '')}.md`);
/**
 * The troubleshooting page of a finding code (`unknown-property` → `/troubleshooting/unknown-property/`): the one
 * place the scheme is written, for the CLI's SARIF rules, the MCP server's findings and the pages that link there.
 */
export const troubleshootingPath = (code: string) => href(`troubleshooting/${encodeURIComponent(code)}/`);

/** Site path (already under the base) → the URL written for a reader outside the site. */
export type UrlOf = (sitePath: string) => string;

/**
 * The URLs written into files read outside the site (Markdown twins, llms.txt, the catalog's `$schema`, SARIF
 * help links): absolute on the site's address (SITE_URL) when it is known; root-relative when it is not, so a build
 * without SITE_URL never names a host it made up.
 */
export function publicUrl(site: URL | string | undefined): UrlOf {
  return (sitePath) => (site ? new URL(sitePath, site).href : sitePath);
}

/**
 * The `docs` link of a finding: its code's troubleshooting page as a reader outside the site needs it (the CLI's
 * text and JSON, SARIF, the MCP server). Absolute on SITE_URL when it is known; root-relative (`/troubleshooting/<code>/`,
 * under BASE_PATH) when it is not, as every other public URL of a local build: never a host made up.
 */
export const troubleshootingUrl = (code: string, site: URL | string | undefined): string => publicUrl(site)(troubleshootingPath(code));
