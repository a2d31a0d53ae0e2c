/**
 * `npm run connstr -- <command> [options] [string | file …]`: lint, fix, redact and convert connection
 * strings with the same engine and catalog as the site. A thin shell over commands.ts: it reads arguments,
 * files and stdin, prints, and exits 0 (clean), 1 (findings at error level) or 2 (bad usage or input).
 * It only ever reads files; results go to stdout, notes to stderr.
 *
 * Runs directly under Node 24's type stripping (explicit `.ts` imports, no TS-only syntax).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogError } from '../lib/providers/catalog.ts';
import { loadCatalog } from '../lib/providers/load.ts';
import { serviceAt, undocumentedBuild } from '../lib/providers/rules.ts';
import { buildNumber } from '../lib/providers/schema.ts';
import { siteAddress, SiteUrlError } from '../integrations/site-url.ts';
import { commands, run, targets, type Command, type Input, type Options, type Sink, type Target } from './commands.ts';
import { readTextFile, readTextFrom, type TextRead } from './read.ts';
import { InputError, kindOf } from './sources.ts';

export const HELP = `connstr: check and transform API data provider connection strings.

Usage: npm run connstr -- <command> [options] [input …]

Commands:
  lint      Report every problem: file, line, column, severity, message and suggested fix.
  fix       Print each string with the safe fixes applied (spelling, casing, quoting, placement).
  redact    Print each string with every sensitive value masked, for logs and bug reports.
  convert   Print each string in another form: --to ${targets.join('|')}.
  mcp       Serve the catalog and these checks to coding assistants: a Model Context Protocol server
            on stdin/stdout (tools: list_services, get_service, search_properties, and check, fix,
            convert and redact_connection_string; each service's page as a resource).
  help      Show this text.

Inputs (any number, mixed):
  an argument containing "="   one connection string
  any other argument           a file: plain text (one string a line, # comments), .env (NAME=value),
                               or JSON such as appsettings.json ("ConnectionStrings" and any value
                               that sets a known property); -f/--file forces an argument to be a file
  -                            stdin (plain text); read by default when no input is given and stdin is piped
  Files are read, never written: fix and redact print a corrected copy of a file to stdout. Input must be
  UTF-8 text (a byte order mark is fine and kept in a printed copy); a binary file is refused (exit 2).

Options:
  -s, --service <id>      Check against this service (default: recognized from the Profile file name;
                          a string whose Profile names no known service is reported, never guessed).
  -b, --build <N>         Check against this driver build of the service (default: the newest documented):
                          a property or value the build does not list draws not-in-build, naming the
                          build that added or removed it. A service without that build is checked
                          against its newest, with an unknown-build warning.
      --to <form>         convert: ${targets.slice(0, -1).join(', ')} or ${targets[targets.length - 1]}.
      --format text|json|sarif
                          Output for people (default), machines, or (lint only) code scanning: a SARIF 2.1.0
                          log, each rule linked to its troubleshooting page on the site SITE_URL names.
  -f, --file <path>       Read this file (repeatable).
  -h, --help              Show this text.

Secrets: no report shows a secret value. Findings, fix descriptions and notes (text or JSON) name the
property and write ******** for the value of a sensitive property, of a key named like a secret
(Password, ApiToken…) and of a value that carries a credential (Authorization: Bearer …). Only the
strings fix and convert print keep their values (they are what you asked for); redact masks them.

Exit codes: 0 clean, 1 findings at error level (lint, fix when errors remain, convert of an unreadable
string), 2 bad usage or input (unknown command, option or service, unreadable file, a file that is not JSON).

Examples:
  npm run connstr -- lint "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=abc'"
  npm run connstr -- lint .env --format json
  SITE_URL=https://docs.example.com/ npm run -s connstr -- lint .env --format sarif > connstr.sarif
  npm run connstr -- fix appsettings.json > appsettings.fixed.json
  npm run connstr -- redact connections.txt
  npm run connstr -- convert --to jdbc "Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=abc'"
`;

/**
 * What the shell reads from its process. `stdin` and `readFile` give the text (and whether a byte order mark was taken
 * off), throwing InputError for input that is not text; `out`, when given, takes the report as it is made (the
 * process's stdout) and the outcome's `stdout` stays empty; `env` gives SITE_URL and BASE_PATH (for links to the site).
 */
type Io = {
  stdin: () => string | TextRead;
  stdinIsTty: boolean;
  cwd: string;
  contentDir: string;
  readFile?: (path: string, name: string, kind: Input['kind']) => TextRead;
  out?: Sink;
  env?: Record<string, string | undefined>;
};

/** The CLI's version (package.json), named in SARIF logs. */
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
export type Outcome = { stdout: string; stderr: string; code: 0 | 1 | 2 };

const usage = (message: string): Outcome => ({ stdout: '', stderr: `connstr: ${message}\nRun "npm run connstr -- help" for usage.\n`, code: 2 });
/** Bad input (unreadable file, not JSON): exit 2 like bad usage, without pointing at the help. */
const badInput = (message: string): Outcome => ({ stdout: '', stderr: `connstr: ${message}\n`, code: 2 });

/** The whole CLI as a function of its arguments and environment, so a test can drive it (it also runs as a child process). */
export function main(argv: string[], io: Io): Outcome {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        service: { type: 'string', short: 's' },
        build: { type: 'string', short: 'b' },
        to: { type: 'string' },
        format: { type: 'string', default: 'text' },
        file: { type: 'string', short: 'f', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) return { stdout: HELP, stderr: '', code: command === undefined && !values.help ? 2 : 0 };
  if (command === 'mcp') return usage('mcp serves over stdin and stdout: run it as a process (npm run -s connstr -- mcp), from an MCP client.');
  if (!(commands as readonly string[]).includes(command)) return usage(`unknown command "${command}"; the commands are ${commands.join(', ')}.`);
  if (values.format !== 'text' && values.format !== 'json' && values.format !== 'sarif') return usage(`--format must be text, json or sarif, not "${values.format}".`);
  if (values.format === 'sarif' && command !== 'lint') return usage('--format sarif is for lint only (SARIF reports findings).');
  let site: string | undefined;
  try {
    site = siteAddress(io.env ?? {}).site;
  } catch (error) {
    if (!(error instanceof SiteUrlError)) throw error;
    return usage(error.message);
  }
  if (values.to !== undefined && !(targets as readonly string[]).includes(values.to)) return usage(`--to must be one of ${targets.join(', ')}, not "${values.to}".`);
  if (command !== 'convert' && values.to !== undefined) return usage('--to is an option of convert only.');
  if (command === 'convert' && values.to === undefined) return usage(`convert needs --to, one of: ${targets.join(', ')}.`);

  let catalog;
  try {
    // A writer's draft in content/ is checked like the rest (its examples, its strings); only the site build refuses it.
    catalog = loadCatalog(io.contentDir, { drafts: 'allow' });
  } catch (error) {
    return { stdout: '', stderr: `connstr: cannot load the catalog from ${io.contentDir}: ${error instanceof CatalogError ? error.message : (error as Error).message}\n`, code: 2 };
  }
  const options: Options = {
    format: values.format,
    ...(values.to ? { to: values.to as Target } : {}),
    ...(values.format === 'sarif' ? { sarif: { cwd: io.cwd, site, version } } : {}),
    ...(io.out ? { out: io.out } : {}),
    site,
  };
  if (values.service !== undefined) {
    const service = catalog.services.find((s) => s.id === values.service!.toLowerCase());
    if (!service) return usage(`unknown service "${values.service}"; the services are ${catalog.services.map((s) => s.id).join(', ')}.`);
    options.service = service;
  }
  if (values.build !== undefined) {
    if (!buildNumber.safeParse(values.build).success) return usage(`--build takes a driver build such as 23.0.8839.0, not "${values.build}".`);
    const service = options.service;
    // With --service the caller named both: a build it does not document is a usage error, not a string's finding.
    if (service && serviceAt(service, values.build) === undefined) return usage(`${undocumentedBuild(service, values.build)}.`);
    options.build = values.build;
  }

  const inputs: Input[] = [];
  const read = io.readFile ?? readTextFile;
  const readFile = (path: string): Input | Outcome => {
    const kind = kindOf(path);
    try {
      const { text, bom } = read(isAbsolute(path) ? path : resolve(io.cwd, path), path, kind);
      return { name: path, text, kind, isFile: true, ...(bom ? { bom } : {}) };
    } catch (error) {
      if (error instanceof InputError) return badInput(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      return badInput(`cannot read ${path}: ${why}.`);
    }
  };
  const readStdin = (): Input | Outcome => {
    try {
      const given = io.stdin();
      const { text } = typeof given === 'string' ? { text: given } : given;
      return { name: '<stdin>', text, kind: 'text', isFile: false };
    } catch (error) {
      if (error instanceof InputError) return badInput(error.message);
      throw error;
    }
  };
  for (const file of values.file) {
    const input = readFile(file);
    if ('code' in input) return input;
    inputs.push(input);
  }
  for (const [i, arg] of rest.entries()) {
    if (arg === '-') {
      const input = readStdin();
      if ('code' in input) return input;
      inputs.push(input);
    }
    else if (arg.includes('=')) inputs.push({ name: `<argument ${i + 1}>`, text: arg, kind: 'text', isFile: false });
    else {
      const input = readFile(arg);
      if ('code' in input) return input;
      inputs.push(input);
    }
  }
  if (inputs.length === 0) {
    if (io.stdinIsTty) return usage(`${command} needs a connection string, a file, or text on stdin.`);
    const input = readStdin();
    if ('code' in input) return input;
    inputs.push(input);
  }

  try {
    return run[command as Command](inputs, catalog, options);
  } catch (error) {
    // Bad input found while reading it (a file that is not JSON, an unclosed quote in a .env file); anything
    // else is a bug and keeps its stack trace.
    if (!(error instanceof InputError)) throw error;
    return badInput(error.message);
  }
}

/** `mcp`: loads the catalog and serves until the client disconnects; bad settings exit 2 with a message on stderr. */
async function mcp(contentDir: string): Promise<void> {
  try {
    const catalog = loadCatalog(contentDir);
    const { serveStdio } = await import('./mcp/server.ts');
    await serveStdio(catalog, { site: siteAddress(process.env).site, version });
  } catch (error) {
    if (!(error instanceof CatalogError || error instanceof SiteUrlError)) throw error;
    process.stderr.write(`connstr mcp: ${error.message}\n`);
    process.exitCode = 2;
  }
}

if (import.meta.main && process.argv[2] === 'mcp') {
  await mcp(process.env.CONNECTOR_CONTENT_DIR ? resolve(process.env.CONNECTOR_CONTENT_DIR) : join(import.meta.dirname, '..', '..', 'content'));
} else if (import.meta.main) {
  const contentDir = process.env.CONNECTOR_CONTENT_DIR ? resolve(process.env.CONNECTOR_CONTENT_DIR) : join(import.meta.dirname, '..', '..', 'content');
  // The report goes out as it is made, in 64 kB writes (synchronous on Linux for files, pipes and terminals).
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (size > 0) process.stdout.write(pending.join(''));
    pending = [];
    size = 0;
  };
  const out: Sink = {
    write(chunk) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 64 * 1024) flush();
    },
  };
  const outcome = main(process.argv.slice(2), {
    stdin: () => readTextFrom(0, '<stdin>', 'text'),
    out,
    stdinIsTty: process.stdin.isTTY === true,
    // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    contentDir,
    env: process.env,
  });
  flush();
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
