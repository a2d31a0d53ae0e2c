/**
 * The public catalog (`/catalog.json`) and its JSON Schema (`/catalog.schema.json`). Both come from the
 * metadata schema in `schema.ts`: the catalog is parsed by `publicCatalogSchema` before it is published, and
 * the JSON Schema is `z.toJSONSchema` of the same zod object, so the two cannot disagree.
 */
import { z } from 'astro/zod';
import type { Catalog } from './catalog.ts';
import { buildChangesSchema, propertySchema, serviceSchema } from './schema.ts';

/** Bumped when a field is removed or changes meaning (adding fields keeps it). */
export const catalogFormatVersion = 1;

export const publicPropertySchema = propertySchema.extend({
  /** `shared`: defined once for every service; `service`: this service's own property. */
  origin: z.enum(['shared', 'service']),
});

export const publicServiceSchema = serviceSchema.omit({ properties: true }).extend({
  /** Every property the service accepts, with its narrowing applied (its own first, then the shared ones). */
  properties: z.array(publicPropertySchema),
  /** The properties the service documents in its own connection-properties table, in file order. */
  listedProperties: z.array(z.string()),
  /** Every build the service is documented in, newest first (the first is `dataVersion`); `olderBuilds` holds what each older one differs in. */
  builds: z.array(serviceSchema.shape.dataVersion),
  /** What each build changed from the one before it, newest first, derived from the builds' facts. */
  buildChanges: z.array(buildChangesSchema),
});

export const publicCatalogSchema = z
  .object({
    $schema: z.string(),
    formatVersion: z.literal(catalogFormatVersion),
    /** Every driver build and help edition the catalog documents. */
    dataVersions: z.array(serviceSchema.shape.dataVersion),
    /** Shared properties as defined, before any service narrows them. */
    properties: z.array(propertySchema),
    /** Services sorted by name. */
    services: z.array(publicServiceSchema),
  })
  .meta({
    title: 'Connector Help catalog',
    description: 'Every service of the API data provider with its auth methods, connection properties (placement, allowed values, defaults, sensitive flags) and checked example connection strings.',
  });

export type PublicCatalog = z.infer<typeof publicCatalogSchema>;

/** The catalog as published, checked against its own schema (a mismatch fails the build). */
export function publicCatalog(catalog: Catalog, schemaUrl: string): PublicCatalog {
  const versions = new Map(catalog.services.map((s) => [`${s.dataVersion.build} ${s.dataVersion.edition}`, s.dataVersion]));
  return publicCatalogSchema.parse({
    $schema: schemaUrl,
    formatVersion: catalogFormatVersion,
    dataVersions: [...versions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v),
    properties: catalog.properties,
    // Each service record carries only its own corrections: a shared property's decision names the pages whose vendor
    // text has the problem (`appliesTo`), and the full list stays on the shared property above.
    services: catalog.services.map((s) => ({
      ...s,
      properties: s.properties.map((p) => ({ ...p, decisions: p.decisions.filter((d) => !d.appliesTo || d.appliesTo.includes(s.id)) })),
      builds: s.history.builds,
      buildChanges: s.history.changes,
    })),
  });
}

/** The JSON Schema (draft 2020-12) of `publicCatalog`'s output. */
export function publicCatalogJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(publicCatalogSchema, { target: 'draft-2020-12', io: 'output' }), $id: id };
}
