/**
 * The public catalog as data: an index (`/catalog.json`, JSON Schema `/catalog.schema.json`) and one file per
 * service (`/catalog/<id>.json`, JSON Schema `/catalog-service.schema.json`). Both come from the metadata schema in
 * `schema.ts`: every file is parsed by its zod schema before it is published, and each JSON Schema is
 * `z.toJSONSchema` of the same zod object, so the data and its schema cannot disagree.
 *
 * Split so a reader of one service fetches a few kB, not the whole family: the index carries the shared properties
 * once and a line per service; a service's file carries only what is its own (the properties it lists, narrowed),
 * since every other property it accepts is a shared top-level one from the index, unchanged.
 */
import { z } from 'astro/zod';
import type { Catalog, ResolvedService } from './catalog.ts';
import { buildChangesSchema, propertySchema, servicePropertySchema, serviceSchema, type Property } from './schema.ts';

/** Bumped when a field is removed or changes meaning (adding fields keeps it). 2: the index and per-service files. */
export const catalogFormatVersion = 2;

/** Where a service's file is published, relative to the site (the pages write it under the base path). */
export const catalogServiceFile = (id: string) => `catalog/${id}.json`;

export const publicPropertySchema = propertySchema.extend({
  /** `shared`: defined once for every service; `service`: this service's own property. */
  origin: z.enum(['shared', 'service']),
});

/**
 * A shared property as one service lists it: the name and only what the service changes (the allowed values it
 * narrows the list to, its default, placement, summary, remarks, corrections); every other fact is the index's.
 */
export const publicSharedUseSchema = servicePropertySchema.omit({ define: true }).extend({ origin: z.literal('shared') });
/** A property the service defines itself, in full. */
export const publicOwnPropertySchema = publicPropertySchema.extend({ origin: z.literal('service') });

export const publicServiceSchema = serviceSchema.omit({ properties: true }).extend({
  /**
   * The properties the service lists in its own connection-properties table, in file order: its own in full, the
   * shared ones as what it changes. It also accepts every shared property of the index whose placement is `top`, as
   * defined there.
   */
  properties: z.array(z.union([publicOwnPropertySchema, publicSharedUseSchema])),
  /** Every build the service is documented in, newest first (the first is `dataVersion`). */
  builds: z.array(serviceSchema.shape.dataVersion),
  /** What each build changed from the one before it, newest first, derived from the builds' facts. */
  buildChanges: z.array(buildChangesSchema),
});

/** One service's file: the service, the format and where its index is. */
export const publicServiceFileSchema = publicServiceSchema
  .extend({
    $schema: z.string(),
    formatVersion: z.literal(catalogFormatVersion),
    /** The index this file belongs to (`/catalog.json`). */
    catalog: z.string(),
  })
  .meta({
    title: 'Connector Help catalog: one service',
    description: 'One service of the API data provider: its auth methods with steps, the connection properties it lists (placement, allowed values, defaults, sensitive flags) and its checked example connection strings. The shared top-level properties it also accepts are in the catalog index.',
  });

/** A service's line in the index. */
export const publicServiceEntrySchema = z.object({
  id: serviceSchema.shape.id,
  name: serviceSchema.shape.name,
  brandName: serviceSchema.shape.brandName,
  profileFile: serviceSchema.shape.profileFile,
  dataVersion: serviceSchema.shape.dataVersion,
  /** Every build the service is documented in, newest first (what each changed is in its file). */
  builds: z.array(serviceSchema.shape.dataVersion),
  /** Its auth methods, by id and label (the steps and requirements are in its file). */
  authMethods: z.array(z.object({ id: z.string(), label: z.string() })),
  /** The service's file (`/catalog/<id>.json`). */
  url: z.string(),
});

export const publicCatalogSchema = z
  .object({
    $schema: z.string(),
    formatVersion: z.literal(catalogFormatVersion),
    /** The JSON Schema every service file follows. */
    serviceSchema: z.string(),
    /** Every driver build and help edition the catalog documents. */
    dataVersions: z.array(serviceSchema.shape.dataVersion),
    /** Shared properties as defined, before any service narrows them. */
    properties: z.array(propertySchema),
    /** Services sorted by name, each with the address of its file. */
    services: z.array(publicServiceEntrySchema),
  })
  .meta({
    title: 'Connector Help catalog',
    description: 'The index of every service of the API data provider (name, profile, data version, auth methods, the address of its file) and the shared connection properties every service accepts.',
  });

export type PublicCatalog = z.infer<typeof publicCatalogSchema>;
export type PublicServiceFile = z.infer<typeof publicServiceFileSchema>;

/** The published addresses: `url(path)` turns a site path (under the base) into the URL written in the files. */
export type CatalogUrls = { index: string; indexSchema: string; serviceSchema: string; service: (id: string) => string };

/** The index as published, checked against its own schema (a mismatch fails the build). */
export function publicCatalog(catalog: Catalog, urls: CatalogUrls): PublicCatalog {
  const versions = new Map(catalog.services.map((s) => [`${s.dataVersion.build} ${s.dataVersion.edition}`, s.dataVersion]));
  return publicCatalogSchema.parse({
    $schema: urls.indexSchema,
    formatVersion: catalogFormatVersion,
    serviceSchema: urls.serviceSchema,
    dataVersions: [...versions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v),
    properties: catalog.properties,
    services: catalog.services.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.brandName ? { brandName: s.brandName } : {}),
      profileFile: s.profileFile,
      dataVersion: s.dataVersion,
      builds: s.history.builds,
      authMethods: s.authMethods.map((m) => ({ id: m.id, label: m.label })),
      url: urls.service(s.id),
    })),
  });
}

/** What a service changes of a shared property: the fields whose resolved value differs from the definition. */
function sharedUse(resolved: Property, shared: Property): Record<string, unknown> {
  const changed: Record<string, unknown> = { name: resolved.name, origin: 'shared' };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (resolved.allowedValues && !same(resolved.allowedValues, shared.allowedValues)) changed.allowedValues = resolved.allowedValues.map((v) => v.value);
  for (const key of ['placement', 'default', 'summary', 'remarks'] as const) {
    if (resolved[key] !== undefined && resolved[key] !== shared[key]) changed[key] = resolved[key];
  }
  const decisions = resolved.decisions.filter((d) => !shared.decisions.some((s) => same(s, d)));
  if (decisions.length) changed.decisions = decisions;
  return changed;
}

/** One service's file as published, checked against its schema. `shared`: the catalog's shared properties. */
export function publicServiceFile(service: ResolvedService, shared: readonly Property[], urls: CatalogUrls): PublicServiceFile {
  const { listedProperties, properties, history, ...rest } = service;
  const sharedByName = new Map(shared.map((p) => [p.name, p]));
  return publicServiceFileSchema.parse({
    $schema: urls.serviceSchema,
    formatVersion: catalogFormatVersion,
    catalog: urls.index,
    ...rest,
    builds: history.builds,
    buildChanges: history.changes,
    // Each service's file carries only its own corrections: a shared property's decision names the pages whose vendor
    // text has the problem (`appliesTo`); the full list stays on the shared property in the index.
    properties: listedProperties.map((name) => {
      const found = properties.find((p) => p.name === name)!;
      const resolved = { ...found, decisions: found.decisions.filter((d) => !d.appliesTo || d.appliesTo.includes(service.id)) };
      const definition = sharedByName.get(name);
      return resolved.origin === 'shared' && definition ? sharedUse(resolved, definition) : resolved;
    }),
  });
}

const jsonSchemaOf = (schema: z.ZodType, id: string): Record<string, unknown> => ({
  ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }),
  $id: id,
});

/** The JSON Schema (draft 2020-12) of `publicCatalog`'s output. */
export const publicCatalogJsonSchema = (id: string) => jsonSchemaOf(publicCatalogSchema, id);
/** The JSON Schema (draft 2020-12) of `publicServiceFile`'s output. */
export const publicServiceJsonSchema = (id: string) => jsonSchemaOf(publicServiceFileSchema, id);
