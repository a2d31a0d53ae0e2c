/**
 * Where the built site will be served, from the environment: `SITE_URL` (the address, `https://docs.example.com/`)
 * and `BASE_PATH` (a sub-path, `/docs/`). Every absolute URL the build writes (canonical links, the sitemap, the
 * Markdown twins, llms.txt and llms-full.txt, the catalog's `$schema`) is made from them through
 * src/lib/site/paths.ts (`publicUrl`). Without SITE_URL the build is a local one: it writes root-relative links, no
 * canonical link and no sitemap (which needs absolute URLs), never a host it made up, and says so once.
 */
import type { AstroIntegration } from 'astro';

export type SiteAddress = { site: string | undefined; base: string };

export class SiteUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteUrlError';
  }
}

/**
 * Reads and checks SITE_URL and BASE_PATH.
 * @throws SiteUrlError when SITE_URL is not an absolute http(s) URL, or names a path BASE_PATH does not
 */
export function siteAddress(env: Record<string, string | undefined>): SiteAddress {
  const rawBase = env.BASE_PATH?.trim() || '/';
  const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const raw = env.SITE_URL?.trim();
  if (!raw) return { site: undefined, base };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteUrlError(`SITE_URL must be the absolute address the site is served at, such as https://docs.example.com/, not "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteUrlError(`SITE_URL must start with https:// (or http://), not "${url.protocol}".`);
  if (url.search || url.hash || url.username || url.password) throw new SiteUrlError('SITE_URL must be a plain address: no query, fragment or credentials.');
  const path = url.pathname.replace(/\/?$/, '/');
  if (path !== '/' && path !== base) {
    throw new SiteUrlError(`SITE_URL names the path ${path}; put a sub-path in BASE_PATH (BASE_PATH=${path} SITE_URL=${url.origin}/).`);
  }
  return { site: `${url.origin}/`, base };
}

/** Says once, at build time, that a build without SITE_URL writes no absolute URL (and so is not ready to deploy). */
export default function siteUrlNotice(address: SiteAddress): AstroIntegration {
  return {
    name: 'connector-help:site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (address.site) logger.info(`Absolute URLs use SITE_URL ${address.site} (base path ${address.base}).`);
        else
          logger.warn(
            'SITE_URL is not set: this build writes root-relative links, no canonical links and no sitemap.xml. To deploy, build with the address the site is served at: SITE_URL=https://docs.example.com/ npm run build (see "Deploy" in the README).',
          );
      },
    },
  };
}
