/** What src/middleware.ts puts on every request's `Astro.locals`. */
declare namespace App {
  interface Locals {
    /** The checked catalog (read on first use). */
    readonly catalog: import('./lib/providers/catalog.ts').Catalog;
  }
}
