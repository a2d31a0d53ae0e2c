/**
 * The `appsettings.json` form: .NET's configuration file, the string as an entry of its `ConnectionStrings`
 * section (read with `Configuration.GetConnectionString(name)`):
 *
 *     { "ConnectionStrings": { "Intercom": "Profile=C:\\profiles\\Intercom.apip;…" } }
 *
 * The entry is named after the Profile's file name (`Intercom.apip` → `Intercom`), or `Default` without one. Its
 * writer, and its reader, which finds the first string of a `ConnectionStrings` section (any case, at any depth)
 * and maps each character to where the JSON writes it, escapes included. Browser compatible, no side effects.
 */
import { profilePathParts } from '../rules.ts';
import { connectionText, type PairsOrString } from './input.ts';
import { Mapped, type Unwrapped } from './reading.ts';
import { writtenProfile } from './split.ts';

export type AppSettingsOptions = { /** The entry's name under ConnectionStrings. */ name?: string };

function defaultName(text: string): string {
  const profile = writtenProfile(text);
  const file = profile
    ? profilePathParts(profile)
        .file.replace(/\.[^.]*$/, '')
        .trim()
    : '';
  return file || 'Default';
}

/** The appsettings.json form of a connection string (or of pairs, serialized first): a whole file, two-space indented. */
export function toAppSettings(input: PairsOrString, options: AppSettingsOptions = {}): string {
  const text = connectionText(input, 'toAppSettings(input)');
  return `${JSON.stringify({ ConnectionStrings: { [options.name ?? defaultName(text)]: text } }, null, 2)}\n`;
}

// --- Reading -----------------------------------------------------------------------------------

/** A JSON string value as written: its path, the raw token's range, and the decoded text mapped to the raw one. */
export type JsonString = { path: string[]; start: number; end: number; text: string; starts: number[]; ends: number[] };

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Every string value of a JSON text already known to be valid, in text order, with where each character is written
 * (array indices in `path` as strings). The appsettings.json reader's, and the CLI's for JSON files.
 */
export function jsonStrings(json: string): JsonString[] {
  const out: JsonString[] = [];
  let i = 0;
  const ws = () => {
    while (i < json.length && ' \t\r\n'.includes(json[i]!)) i++;
  };
  const readString = (): Omit<JsonString, 'path'> => {
    const start = i++;
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    while (json[i] !== '"') {
      const from = i;
      if (json[i] === '\\') {
        const c = json[i + 1]!;
        if (c === 'u') {
          text += String.fromCharCode(parseInt(json.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          text += SIMPLE_ESCAPES[c] ?? c;
          i += 2;
        }
      } else text += json[i++];
      starts.push(from);
      ends.push(i);
    }
    i++;
    return { start, end: i, text, starts, ends };
  };
  const readValue = (path: string[]): void => {
    ws();
    const c = json[i];
    if (c === '{') {
      i++;
      ws();
      while (json[i] !== '}') {
        const key = readString().text;
        ws();
        i++; // ':'
        readValue([...path, key]);
        ws();
        if (json[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      for (let n = 0; json[i] !== ']'; n++) {
        readValue([...path, String(n)]);
        ws();
        if (json[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') out.push({ path, ...readString() });
    else while (i < json.length && !',]} \t\r\n'.includes(json[i]!)) i++;
  };
  readValue([]);
  return out;
}

/** Pasted JSON with a `ConnectionStrings` section: its first string, mapped into the JSON text. */
export function readAppSettings(pasted: string): Unwrapped | undefined {
  const head = pasted.trimStart();
  if (!head.startsWith('{') || !/"connectionstrings"\s*:/i.test(pasted)) return undefined;
  try {
    JSON.parse(pasted);
  } catch {
    return undefined;
  }
  const found = jsonStrings(pasted).find((s) => s.path.length >= 2 && s.path[s.path.length - 2]!.toLowerCase() === 'connectionstrings');
  if (!found) return undefined;
  const mapped = new Mapped();
  for (let k = 0; k < found.text.length; k++) mapped.push(found.text[k]!, found.starts[k]!, found.ends[k]!);
  const { text, source } = mapped.done(found.end - 1);
  return { pasted, text, source, rewrite: (next) => pasted.slice(0, found.start) + JSON.stringify(next) + pasted.slice(found.end) };
}
