/**
 * Reads the CLI's input files and stdin as a stream of chunks, checking each chunk as it comes: a NUL byte or
 * bytes that are not UTF-8 mean the input is not text (a binary file, a file in another encoding), and it is refused
 * with the input's name and where it stopped reading, before any of it reaches the engine. A UTF-8 byte order mark
 * (Visual Studio writes one into appsettings.json) is taken off and remembered, so JSON parses, columns count from
 * the first character a reader sees, and a printed copy of the file keeps it. JSON is parsed whole, so a JSON input
 * is read only up to `JSON_LIMIT`.
 *
 * Runs under Node's type stripping: explicit `.ts` imports, no TS-only syntax.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError, type InputKind } from './sources.ts';

/** What was read: the text (without its byte order mark) and whether it had one. */
export type TextRead = { text: string; bom: boolean };

/** The largest JSON input: an appsettings.json is a few kilobytes, and JSON is parsed whole. */
export const JSON_LIMIT = 16 * 1024 * 1024;
/** Bytes read at a time. */
const CHUNK = 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads a file descriptor to its end. `name` names the input in messages (a path, `<stdin>`).
 * @throws InputError for binary or non-UTF-8 input, or a JSON input over `JSON_LIMIT`
 */
export function readTextFrom(fd: number, name: string, kind: InputKind): TextRead {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const buffer = Buffer.allocUnsafe(CHUNK);
  const parts: string[] = [];
  let read = 0;
  let bom = false;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, CHUNK, null);
    } catch (error) {
      // A pipe with nothing more to give (EAGAIN on a non-blocking stdin) or one closed early: the input ends here.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN' || (error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    let chunk = buffer.subarray(0, n);
    if (read === 0 && n >= 3 && chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2]) {
      bom = true;
      chunk = chunk.subarray(3);
      read += 3;
    }
    const nul = chunk.indexOf(0);
    if (nul !== -1) throw new InputError(`${name} is not a text file: it holds a NUL byte (at byte ${read + nul + 1}). connstr reads text, .env and JSON files.`);
    try {
      parts.push(decoder.decode(chunk, { stream: true }));
    } catch {
      throw new InputError(`${name} is not UTF-8 text: ${invalidAt(chunk, read)}. Save it as UTF-8 (connstr reads text, .env and JSON files).`);
    }
    read += chunk.length;
    if (kind === 'json' && read > JSON_LIMIT) {
      throw new InputError(`${name} is over ${JSON_LIMIT / 1024 / 1024} MB: a JSON file is read whole, and connstr reads JSON files up to that size.`);
    }
  }
  try {
    parts.push(decoder.decode());
  } catch {
    throw new InputError(`${name} is not UTF-8 text: it ends inside a character. Save it as UTF-8 (connstr reads text, .env and JSON files).`);
  }
  return { text: parts.join(''), bom };
}

/** Reads a file by path (see `readTextFrom`). @throws Node's error for a file it cannot open, InputError as above */
export function readTextFile(path: string, name: string, kind: InputKind): TextRead {
  const fd = openSync(path, 'r');
  try {
    return readTextFrom(fd, name, kind);
  } finally {
    closeSync(fd);
  }
}

/** Where the first byte that is not UTF-8 is, for the message ("the byte 0xff at byte 3"); `before`: bytes read earlier. */
function invalidAt(chunk: Uint8Array, before: number): string {
  let i = 0;
  while (i < chunk.length) {
    const b = chunk[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) break;
    let ok = i + size <= chunk.length;
    for (let k = 1; ok && k < size; k++) ok = (chunk[i + k]! & 0xc0) === 0x80;
    // A character cut by the chunk's end is read with the next chunk: the decoder only fails on a real error.
    if (!ok && i + size > chunk.length) return `a character cut off at the end (byte ${before + i + 1})`;
    if (!ok) break;
    i += size;
  }
  if (i >= chunk.length) return `bytes between byte ${before + 1} and byte ${before + chunk.length} are not UTF-8`;
  return `the byte 0x${chunk[i]!.toString(16).padStart(2, '0')} at byte ${before + i + 1} is not part of a UTF-8 character`;
}
