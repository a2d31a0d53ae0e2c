/**
 * Content collections. Guides are MDX prose in content/guides; service data is JSON read by
 * src/lib/providers/load.ts (checked by the provider schema), so prose and data stay separate. The data files are
 * a collection too (`catalogFiles`), for Astro's content layer to watch them: under `astro dev` an edit reloads the
 * pages (src/integrations/catalog-loader.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { catalogLoader } from './integrations/catalog-loader.ts';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guides' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** Position in the sidebar's Reference group. */
    order: z.number().int().default(0),
  }),
});

const catalogFiles = defineCollection({ loader: catalogLoader() });

export const collections = { guides, catalogFiles };
