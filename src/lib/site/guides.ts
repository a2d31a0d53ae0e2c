/**
 * The guides (content/guides, the `guides` content collection) in their reading order: the sidebar, the sitemap,
 * llms.txt and the Markdown twins list them from here, so a new guide appears everywhere with no code change.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Guide = CollectionEntry<'guides'>;

/** Every guide, by its front matter's `order`, then by id. */
export async function guides(): Promise<Guide[]> {
  return (await getCollection('guides')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
