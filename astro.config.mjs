// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import pagefindIndex from './src/integrations/pagefind.ts';
import engageDirective from './src/integrations/engage/index.ts';
import staticPreview from './src/integrations/preview/index.ts';
import siteUrlNotice, { siteAddress } from './src/integrations/site-url.ts';
import { createHash } from 'node:crypto';
import { themeInitScript } from './src/scripts/theme-init.mjs';

/** CSP hash of the one inline script (theme before first paint); Astro hashes its bundled scripts itself. */
/** @type {`sha256-${string}`} */
const themeInitHash = `sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`;

// Where the site is served (SITE_URL, and BASE_PATH for a sub-path; src/integrations/site-url.ts): every link goes
// through src/lib/site/paths.ts. Without SITE_URL the build writes no absolute URL.
const address = siteAddress(process.env);

export default defineConfig({
  site: address.site,
  base: address.base,
  // The scale benchmark builds synthetic content (CONNECTOR_CONTENT_DIR) into a scratch folder.
  outDir: process.env.CONNECTOR_OUT_DIR ?? './dist',
  // …with its own cache (content store), so it never shares node_modules/.astro with a concurrent build.
  cacheDir: process.env.CONNECTOR_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Code is shown as plain text: Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  // client:engage hydrates the builder on first use or when it scrolls into view (src/integrations/engage);
  // under astro dev an edit to content/services or content/properties shows on reload (a content collection watches them);
  // staticPreview: `astro preview` (npm start) serves dist/ through src/integrations/preview/server.ts.
  integrations: [mdx(), preact(), engageDirective(), pagefindIndex(), staticPreview(), siteUrlNotice(address)],
  devToolbar: { enabled: false },
  // Scripts as files, never inlined: one cached file serves every page, and the CSP needs fewer hashes.
  // Workers as ES modules: the search dialog is built that way (src/scripts/site.ts imports it with ?worker&url) so
  // that loading it on first use needs no dynamic import(), whose preload helper every page would load up front.
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
  // A CSP <meta> on every page: only our own origin, plus what Pagefind needs (WebAssembly and a worker).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeInitHash] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
