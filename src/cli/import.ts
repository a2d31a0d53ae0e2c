/**
 * `npm run import -- PAGE.txt… [--out DIR] [--format json]`: turns vendor help pages saved as text into draft
 * service files, and prints what each page contradicts or lacks. A thin shell over src/lib/import/: it reads the
 * pages, the shared properties and any service file it would replace, writes the drafts, prints, and exits 0
 * (clean), 1 (findings at error level: a page cut off, a line it could not place, no build) or 2 (bad usage or
 * input, or a finished service file it refuses to overwrite).
 *
 * Runs directly under Node 24's type stripping (explicit `.ts` imports, no TS-only syntax).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { draftJson, importPages, looksLikeVendorPage, readVendorPage, sharedFrom, type ImportedService, type PageInput } from '../lib/import/index.ts';
import { CatalogError } from '../lib/providers/catalog.ts';
import { fieldsToWrite } from '../lib/providers/drafts.ts';
import { loadCatalog } from '../lib/providers/load.ts';
import { diffPages } from '../lib/import/diff.ts';
import { describeChange } from '../lib/providers/changes.ts';

export const HELP = `import: turn vendor help pages into draft service files, with a review of each page.

Usage: npm run import -- PAGE.txt… [--out DIR] [--format text|json]
       npm run import -- diff OLD.txt NEW.txt [--format text|json]

Each PAGE is a vendor "Connecting to …" help page saved as text (the layout of the vendor's online help). For
each service the importer writes DIR/<id>.json, a draft holding every fact of the page (names, fixed values,
menu paths, addresses, example strings, allowed values, build and year) with every field that needs our own
words marked "[to write] …", and prints the review: each line of the page that contradicts another, lacks a
fact, or could not be read. Several pages of one service (several builds): the draft documents the newest,
and takes from the older pages only what the newest lacks because it was cut off.

diff compares two builds of one service's page and prints what the newer one changes: methods, properties
and allowed values added or removed, defaults, examples, steps and menu paths changed, with the same words the
site's "Changes between builds" section uses. A fact a cut-off page does not show is "not shown", not a removal.
With --format json: {"changes":[{"kind","property","before","after"}],"before":{…},"after":{…}}.

A draft shows in "npm run dev" with its missing fields flagged; "npm run build" refuses it until every field is
written and "draft": true is removed. The importer replaces a draft, never a finished service file.

Options:
  --out DIR             Where to write the drafts (default: content/services).
  --format text|json    The review for people (default) or machines:
                        {"services":[{"id","file","draft","build","findings":[{"code","severity","line","message"}]}]}
  -h, --help            Show this text.

Exit codes: 0 clean, 1 findings at error level, 2 bad usage or input (no page given, an unreadable page, a
finished service file in the way).
`;

type Io = { cwd: string; contentDir: string };
export type Outcome = { stdout: string; stderr: string; code: 0 | 1 | 2 };

const usage = (message: string): Outcome => ({ stdout: '', stderr: `import: ${message}\nRun "npm run import -- --help" for usage.\n`, code: 2 });

/** The whole CLI as a function of its arguments and environment, so a test can drive it. */
export function main(argv: string[], io: Io): Outcome {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { stdout: HELP, stderr: '', code: 0 };
  if (positionals.length === 0) return usage('give at least one vendor page (a .txt file).');
  if (values.format !== 'text' && values.format !== 'json') return usage(`--format must be text or json, not "${values.format}".`);
  const at = (path: string) => (isAbsolute(path) ? path : resolve(io.cwd, path));
  if (positionals[0] === 'diff') return diffCommand(positionals.slice(1), values.format, at);
  const out = values.out === undefined ? join(io.contentDir, 'services') : at(values.out);

  const inputs: PageInput[] = [];
  for (const file of positionals) {
    const read = readPage(file, at);
    if ('error' in read) return { stdout: '', stderr: `import: ${read.error}\n`, code: 2 };
    inputs.push({ file, text: read.text });
  }
  let context;
  try {
    context = sharedFrom(loadCatalog(io.contentDir, { drafts: 'allow' }).properties);
  } catch (error) {
    return { stdout: '', stderr: `import: cannot load the shared properties from ${io.contentDir}: ${error instanceof CatalogError ? error.message : (error as Error).message}\n`, code: 2 };
  }

  const services = importPages(inputs, context);
  const results = services.map((service) => write(service, out, io.cwd));
  const refused = results.some((r) => r.refused !== undefined);
  const errors = services.some((s) => s.findings.some((f) => f.severity === 'error'));
  const code = refused ? 2 : errors ? 1 : 0;
  const stderr = results.flatMap((r) => (r.refused ? [`import: ${r.refused}\n`] : [])).join('');
  if (values.format === 'json') {
    const json = {
      services: results.map(({ service, file, refused: notWritten, toWrite }) => ({
        id: service.id,
        name: service.name,
        file: service.page.file,
        draft: file,
        written: notWritten === undefined,
        build: service.build,
        toWrite,
        findings: service.findings.map((f) => ({ code: f.code, severity: f.severity, line: f.line, message: f.message })),
      })),
    };
    return { stdout: `${JSON.stringify(json, null, 2)}\n`, stderr, code };
  }
  return { stdout: results.map(textReport).join('\n'), stderr, code };
}

/** Reads one page for the importer, or says why it cannot. */
function readPage(file: string, at: (path: string) => string): { text: string } | { error: string } {
  let text: string;
  try {
    text = readFileSync(at(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { error: `cannot read ${file}: ${why}.` };
  }
  if (/[\u0000\ufffd]/.test(text)) return { error: `${file} is not a text file (save the help page as plain text, UTF-8).` };
  if (!looksLikeVendorPage(readVendorPage(text, file))) return { error: `${file} holds no vendor help page: no "Connecting to …" title, method heading or example string.` };
  return { text };
}

/** `diff OLD.txt NEW.txt`: the changes the newer page brings; exit 0 (it reports, it does not judge). */
function diffCommand(files: string[], format: string, at: (path: string) => string): Outcome {
  if (files.length !== 2) return usage('diff takes two vendor pages: the older build, then the newer one.');
  const pages = [];
  for (const file of files) {
    const read = readPage(file, at);
    if ('error' in read) return { stdout: '', stderr: `import: ${read.error}\n`, code: 2 };
    pages.push(readVendorPage(read.text, file));
  }
  const diff = diffPages(pages[0]!, pages[1]!);
  const cut = [diff.before, diff.after].filter((s) => s.truncated);
  const note =
    cut.length === 0
      ? undefined
      : `${cut.map((s) => `${s.file}${s.build ? ` (${s.build})` : ''}`).join(' and ')} ${cut.length === 1 ? 'is' : 'are'} cut off: a fact missing past the cut is listed as not shown, not as a removal.`;
  if (format === 'json') {
    return { stdout: `${JSON.stringify({ changes: diff.changes, before: diff.before, after: diff.after, ...(note ? { note } : {}) }, null, 2)}\n`, stderr: '', code: 0 };
  }
  const head = `${diff.before.file} (${diff.before.build || 'build unknown'}) → ${diff.after.file} (${diff.after.build || 'build unknown'}): ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}.`;
  const lines = diff.changes.map((c) => `  ${c.kind}: ${describeChange(c)}`);
  return { stdout: [head, ...lines, ...(note ? [`  Note: ${note}`] : []), ''].join('\n'), stderr: '', code: 0 };
}

type Written = { service: ImportedService; file: string; refused?: string; toWrite: number };

/** Writes one draft, unless a finished service file is in the way. */
function write(service: ImportedService, out: string, cwd: string): Written {
  const path = join(out, `${service.id}.json`);
  const file = relative(cwd, path) || path;
  const toWrite = fieldsToWrite(service.service).length;
  if (existsSync(path)) {
    let existing: unknown;
    try {
      existing = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      existing = undefined;
    }
    const isDraft = existing !== null && typeof existing === 'object' && (existing as { draft?: unknown }).draft === true;
    if (!isDraft) return { service, file, toWrite, refused: `${file} is a finished service file (no "draft": true); not overwritten. Import into another folder with --out, or add "draft": true to it first.` };
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path, draftJson(service.service));
  return { service, file, toWrite };
}

function textReport({ service, file, refused, toWrite }: Written): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of service.findings) counts[f.severity]++;
  const head = refused
    ? `${service.page.file}: ${service.name} (build ${service.build || 'unknown'}): not written, ${file} is finished.`
    : `${service.page.file} → ${file}: ${service.name} (build ${service.build || 'unknown'}), a draft with ${toWrite} field${toWrite === 1 ? '' : 's'} to write.`;
  const lines = service.findings.map((f) => `  ${service.page.file}:${f.line}: ${f.severity} ${f.code}: ${f.message}`);
  const summary = `  ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} note${counts.info === 1 ? '' : 's'}; each warning has a decision to write in the draft.`;
  return [head, ...lines, summary, ''].join('\n');
}

if (import.meta.main) {
  const contentDir = process.env.CONNECTOR_CONTENT_DIR ? resolve(process.env.CONNECTOR_CONTENT_DIR) : join(import.meta.dirname, '..', '..', 'content');
  const outcome = main(process.argv.slice(2), {
    // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    contentDir,
  });
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
