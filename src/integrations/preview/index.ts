/**
 * `astro preview` (and so `npm start`) through our own static server (./server.ts). Astro's static preview drops
 * the project's Vite plugins, so the one supported way to change how it answers is an adapter's preview entry
 * point. The adapter is set for the preview command only: builds and `astro dev` never see it, and the build output
 * stays the plain static site.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export default function staticPreview(): AstroIntegration {
  let command = '';
  return {
    name: 'connector-help:static-preview',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ setAdapter }) => {
        if (command !== 'preview') return;
        setAdapter({
          name: 'connector-help:static-preview',
          previewEntrypoint: fileURLToPath(new URL('./server.ts', import.meta.url)),
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static' },
          // It serves what the build wrote, images included (the build optimizes them, not the server).
          supportedAstroFeatures: { staticOutput: 'stable', hybridOutput: 'unsupported', serverOutput: 'unsupported', sharpImageService: 'stable' },
        });
      },
    },
  };
}
