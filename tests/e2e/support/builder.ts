/** The builder island on a page opened by site.ts, and the per-service metadata it is built from. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assertBuilt, distDir } from '../../support/dist.ts';

/**
 * Waits until the island (client:idle) has replaced its no-JavaScript notice with the form and the chosen
 * service's settings are loaded.
 */
export async function builderReady(page: Page): Promise<void> {
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
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ServiceMeta);
}

/** The properties an auth method's form shows (required, then optional) that the metadata marks `sensitive`. */
export function secretProperties(service: ServiceMeta, methodId: string): string[] {
  const method = service.authMethods.find((m) => m.id === methodId);
  if (!method) throw new Error(`${service.id} has no auth method ${methodId}`);
  const names = [...new Set([...method.requires.map((r) => r.property), ...method.allows])];
  return names.filter((name) => service.properties.find((p) => p.name === name)?.sensitive === true);
}
