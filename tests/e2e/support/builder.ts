/** The builder island on a page opened by site.ts, and the per-service metadata it is built from. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assertBuilt, distDir } from '../../support/dist.ts';

/**
 * Brings the builder into view, as a reader scrolling to it would (client:engage starts it then), and waits
 * until the island has replaced its server render with the form and the chosen service's settings are loaded.
 */
export async function builderReady(page: Page): Promise<void> {
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await page.getByRole('tab', { name: 'Build' }).waitFor();
  await page.locator('.builder-methods').waitFor();
}

/** The parts of a service's metadata (dist/builder/data/<id>.json, what /builder/ fetches) the tests read. */
export type ServiceMeta = {
  id: string;
  name: string;
  authMethods: { id: string; label: string; requires: { property: string }[]; allows: string[] }[];
  properties: { name: string; sensitive?: boolean }[];
};

/** Every service's builder metadata, from the built site. */
export function builderServices(): ServiceMeta[] {
  assertBuilt();
  const dir = join(distDir, 'builder', 'data');
  const common = JSON.parse(readFileSync(join(dir, 'common.json'), 'utf8')) as Pick<ServiceMeta, 'properties'>;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'common.json')
    .sort()
    .map((name) => {
      // Each file leaves out the general properties; the island joins them back from common.json, so do the tests.
      const service = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ServiceMeta;
      const own = new Set(service.properties.map((p) => p.name.toLowerCase()));
      return { ...service, properties: [...service.properties, ...common.properties.filter((p) => !own.has(p.name.toLowerCase()))] };
    });
}

/** The properties an auth method's form shows (required, then optional) that the metadata marks `sensitive`. */
export function secretProperties(service: ServiceMeta, methodId: string): string[] {
  const method = service.authMethods.find((m) => m.id === methodId);
  if (!method) throw new Error(`${service.id} has no auth method ${methodId}`);
  const names = [...new Set([...method.requires.map((r) => r.property), ...method.allows])];
  return names.filter((name) => service.properties.find((p) => p.name === name)?.sensitive === true);
}
