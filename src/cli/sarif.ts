/**
 * `lint --format sarif`: the findings as a SARIF 2.1.0 log, the format code-scanning tools read (GitHub code
 * scanning, Azure DevOps, VS Code's SARIF viewer). One rule per finding code (its title, and a help link to the code's
 * troubleshooting page when the site's address is known), one result per finding with its file and region (columns
 * in UTF-16 code units, the end column just after the region, as the CLI counts them). Messages are the CLI's own,
 * so no secret is in them. Pure: the shell passes the working folder and the site's address.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findingCodes, findingTitles } from '../lib/connstr/index.ts';
import { troubleshootingPath, troubleshootingUrl } from '../lib/site/paths.ts';
import type { Finding } from './finding.ts';


/** The schema the log names (SchemaStore's copy of the OASIS SARIF 2.1.0 schema, which the tests validate against). */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0-rtm.5.json';

/** The codes a finding of the CLI can carry: the engine's, and the CLI's own for a string whose service is unknown. */
const ruleTitles: Readonly<Record<string, string>> = {
  ...findingTitles,
  'unknown-service': `${findingTitles['unknown-service']} (pass --service)`,
  'unknown-build': `${findingTitles['unknown-build']} (checked against its newest)`,
};
const ruleIds: readonly string[] = findingCodes;

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `invalid-url` → `InvalidUrl`: a rule's name, as SARIF viewers show it. */
const ruleName = (code: string) => code.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

export type SarifOptions = {
  /** Where relative artifact paths start (the folder the user ran the command in). */
  cwd: string;
  /** The site's address (SITE_URL), for the rules' help links; without it the help text names the page's path. */
  site?: string | undefined;
  /** The tool's version. */
  version: string;
};

/** A finding's file as a SARIF artifact location: relative to the working folder when inside it, else a file URL. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const path = isAbsolute(file) ? file : relative(cwd, `${cwd}${sep}${file}`);
  const inside = !isAbsolute(path) && !path.startsWith('..');
  if (!inside) return { uri: pathToFileURL(isAbsolute(file) ? file : `${cwd}${sep}${file}`).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** The SARIF log of lint's findings. Inputs that are not files (an argument, stdin) get results without a location. */
export function toSarif(findings: readonly Finding[], options: SarifOptions): Record<string, unknown> {
  const rules = ruleIds.map((id) => {
    // The same link as every finding's `docs` (text and JSON output, the MCP server): absolute only on SITE_URL.
    const docs = troubleshootingUrl(id, options.site);
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: ruleTitles[id]! },
      ...(options.site ? { helpUri: docs } : {}),
      help: { text: `${ruleTitles[id]!}. What it means and how to fix it: ${options.site ? docs : `${troubleshootingPath(id)} on the Connector Help site`}.` },
    };
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const files = [...new Set(findings.filter((f) => !f.file.startsWith('<')).map((f) => f.file))];
  const results = findings.map((f) => {
    const isFile = !f.file.startsWith('<');
    return {
      ruleId: f.code,
      ruleIndex: index.get(f.code) ?? -1,
      level: levels[f.severity],
      message: { text: f.fix ? `${f.message} Suggested fix: ${f.fix}` : f.message },
      ...(isFile
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...artifactLocation(f.file, options.cwd), index: files.indexOf(f.file) },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          }
        : {}),
      properties: {
        input: f.file,
        ...(f.service ? { service: f.service } : {}),
        ...(f.property ? { property: f.property } : {}),
        ...(f.label ? { variable: f.label } : {}),
        ...(f.fix ? { fix: f.fix } : {}),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'connstr',
            fullName: 'Connector Help connection-string checker (connstr lint)',
            version: options.version,
            ...(options.site ? { informationUri: options.site } : {}),
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : `${options.cwd}${sep}`).href } },
        artifacts: files.map((file) => ({ location: artifactLocation(file, options.cwd) })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
