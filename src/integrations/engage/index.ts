/** Registers `client:engage` (see directive.ts): hydrate on first use or when scrolled into view. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export default function engageDirective(): AstroIntegration {
  return {
    name: 'client-engage',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'engage', entrypoint: fileURLToPath(new URL('./directive.ts', import.meta.url)) });
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the first pointer down, focus or key inside the island, or when it scrolls into view. */
    'client:engage'?: boolean | { rootMargin?: string };
  }
}
