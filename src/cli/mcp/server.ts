/**
 * `npm run connstr -- mcp`: a Model Context Protocol server over stdio, on the official TypeScript SDK, offline,
 * over the same catalog and engine as the CLI and the site. The tools (./tools.ts) answer questions about services
 * and properties and check, fix, convert and redact strings; the resources are each service's Markdown page (the
 * generator of the site's `.md` twins) and the properties reference. Nothing is written to stdout but protocol
 * messages; the one notice goes to stderr.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Catalog } from '../../lib/providers/catalog.ts';
import { serviceLabel } from '../../lib/providers/service-facts.ts';
import { referenceMarkdown, referencePageMarkdown, serviceMarkdown } from '../../lib/site/markdown.ts';
import { referencePages } from '../../lib/site/reference.ts';
import {
  check,
  convert,
  fix,
  getService,
  listServices,
  redact,
  referenceResourceUri,
  schemas,
  searchProperties,
  serviceResourceUri,
  toolContext,
  ToolInputError,
} from './tools.ts';

/** The tools' names, in the order they are listed. */
export const toolNames = [
  'list_services',
  'get_service',
  'search_properties',
  'check_connection_string',
  'fix_connection_string',
  'convert_connection_string',
  'redact_connection_string',
] as const;

/** A handler's result as MCP content: the structured result, and the same JSON as text for clients that read text. */
function answer<T extends Record<string, unknown>>(run: () => T) {
  try {
    const result = run();
    return { content: [{ type: 'text' as const, text: JSON.stringify(result, null, 2) }], structuredContent: result };
  } catch (error) {
    if (!(error instanceof ToolInputError)) throw error;
    return { content: [{ type: 'text' as const, text: error.message }], isError: true };
  }
}

const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** The server, with every tool and resource registered (not yet connected). */
export function createServer(catalog: Catalog, options: { site?: string | undefined; version: string }): McpServer {
  const ctx = toolContext(catalog, options.site);
  const server = new McpServer(
    { name: 'connector-help', title: 'Connector Help', version: options.version },
    {
      instructions:
        'Connection strings for the API data provider’s service connectors. Use list_services and get_service for how to sign in to a service (methods, steps, menu paths, properties, examples), search_properties to find a property, and check_connection_string before you hand a string to a user. Secret values never come back: findings and returned strings show them as ********, so keep your own copy.',
    },
  );

  server.registerTool(
    'list_services',
    { title: 'List services', description: 'Every service with how it signs in (token, oauth, basic), its methods and its profile file.', inputSchema: schemas.listServices.input, outputSchema: schemas.listServices.output, annotations: readOnly },
    (input) => answer(() => listServices(ctx, input)),
  );
  server.registerTool(
    'get_service',
    {
      title: 'Get a service',
      description: 'One service: each auth method with its steps, menu paths, required and optional properties and example string; every property (placement, type, default, allowed values, secret or not); the corrections made to the vendor’s help; the driver build documented.',
      inputSchema: schemas.getService.input,
      outputSchema: schemas.getService.output,
      annotations: readOnly,
    },
    (input) => answer(() => getService(ctx, input)),
  );
  server.registerTool(
    'search_properties',
    { title: 'Search properties', description: 'Connection properties by name or by what they do, across services or for one.', inputSchema: schemas.searchProperties.input, outputSchema: schemas.searchProperties.output, annotations: readOnly },
    (input) => answer(() => searchProperties(ctx, input)),
  );
  server.registerTool(
    'check_connection_string',
    {
      title: 'Check a connection string',
      description: 'Every problem in a connection string (any form: plain, JDBC, ODBC, code literal, .env, appsettings.json), with its code, position, message, suggested fix and troubleshooting link, checked against the newest driver build or the one given (build). Secret values show as ********.',
      inputSchema: schemas.check.input,
      outputSchema: schemas.check.output,
      annotations: readOnly,
    },
    (input) => answer(() => check(ctx, input)),
  );
  server.registerTool(
    'fix_connection_string',
    {
      title: 'Fix a connection string',
      description: 'Applies the safe fixes (spelling, casing, quoting, placement, pasting damage) and lists them, then checks what is left against the newest driver build or the one given (build). The fixed text comes back with secret values masked: make the same changes in your own copy.',
      inputSchema: schemas.fix.input,
      outputSchema: schemas.fix.output,
      annotations: readOnly,
    },
    (input) => answer(() => fix(ctx, input)),
  );
  server.registerTool(
    'convert_connection_string',
    {
      title: 'Convert a connection string',
      description: 'Writes the string in another form: a JDBC URL, ODBC, a C#, Java or Python literal, a .env file (one variable per property and the line that assembles them) or an appsettings.json ConnectionStrings entry. Secret values come back masked.',
      inputSchema: schemas.convert.input,
      outputSchema: schemas.convert.output,
      annotations: readOnly,
    },
    (input) => answer(() => convert(ctx, input)),
  );
  server.registerTool(
    'redact_connection_string',
    { title: 'Redact a connection string', description: 'The text with every secret value replaced by ********, for logs and bug reports.', inputSchema: schemas.redact.input, outputSchema: schemas.redact.output, annotations: readOnly },
    (input) => answer(() => redact(ctx, input)),
  );

  server.registerResource(
    'service-page',
    new ResourceTemplate('connector-help://services/{id}.md', {
      list: () => ({
        resources: catalog.services.map((s) => ({ uri: serviceResourceUri(s.id), name: `${serviceLabel(s)} (Markdown)`, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'Service page', description: 'A service’s help page as Markdown: how to sign in, examples, every property.', mimeType: 'text/markdown' },
    (uri, variables) => {
      const id = String(variables.id ?? '');
      const service = catalog.services.find((s) => s.id === id);
      if (!service) throw new Error(`No service "${id}". The services are: ${catalog.services.map((s) => s.id).join(', ')}.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: serviceMarkdown(service, ctx.url) }] };
    },
  );
  server.registerResource(
    'reference',
    referenceResourceUri,
    { title: 'Connection properties reference', description: 'The index of every property: where it goes, who uses it, and a link to its page.', mimeType: 'text/markdown' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: referenceMarkdown(catalog, ctx.url) }] }),
  );
  // One property's page, as the site's /reference/<name>.md (the same list of pages, so the two cannot differ).
  server.registerResource(
    'reference-page',
    new ResourceTemplate('connector-help://reference/{slug}.md', {
      list: () => ({
        resources: referencePages(catalog).map((page) => ({ uri: `connector-help://reference/${page.slug}.md`, name: `${page.name} (Markdown)`, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'Property page', description: 'One connection property as Markdown: every fact, and every service that uses it.', mimeType: 'text/markdown' },
    (uri, variables) => {
      const slug = String(variables.slug ?? '').toLowerCase();
      const page = referencePages(catalog).find((p) => p.slug === slug);
      if (!page) throw new Error(`No property "${String(variables.slug ?? '')}". The reference lists every property: ${referenceResourceUri}.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: referencePageMarkdown(page, catalog, ctx.url) }] };
    },
  );
  return server;
}

/** Serves over stdin/stdout until the client closes the connection. */
export async function serveStdio(catalog: Catalog, options: { site?: string | undefined; version: string }): Promise<void> {
  const server = createServer(catalog, options);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  process.stderr.write(`connstr mcp: serving ${catalog.services.length} services over stdio (${toolNames.length} tools).\n`);
}
