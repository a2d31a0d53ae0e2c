/**
 * `npm start` serves the built site with `astro preview`, which goes through src/integrations/preview (the tests'
 * server starts the same way): hostile paths get the site's 404 page, never an error with the server's paths.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { useSite } from './support/site.ts';

const site = useSite();
const root = fileURLToPath(new URL('../..', import.meta.url));

test.each(['/services/a%2Fb/', '/services/a%5Cb/', '/services/%E0%A4%A/', '/%2e%2e/%2e%2e/etc/passwd', '/.git/config', '/services/nope/'])(
  '%s is the site’s 404 page, with nothing about the server',
  async (path) => {
    const response = await fetch(site.url(path));
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('<h1>Page not found</h1>');
    expect(body).not.toContain(root);
    expect(body).not.toMatch(/node_modules|TypeError|\bat \w+ \(/);
  },
);

test('a page named without its trailing slash redirects to it', async () => {
  const response = await fetch(site.url('/services/helpscout'), { redirect: 'manual' });
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toMatch(/\/services\/helpscout\/$/);
});
