/**
 * Drafts: service files the importer writes (`npm run import`) with every fact of the vendor's page filled in and
 * every field that needs our own words left as a marked hint (`"[to write] when to pick this method"`). The dev
 * server shows a draft with those fields flagged; a production build refuses it, naming each file and field.
 * One marker, one place: the importer writes it, the catalog finds it, the page flags it. Pure.
 */

/** What a field still to write starts with. */
export const TO_WRITE = '[to write]';

/** A field the writer must still fill, with a hint of what goes there (our words, never the vendor's). */
export function toWrite(hint: string): string {
  return `${TO_WRITE} ${hint}`;
}

export function isToWrite(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(TO_WRITE);
}

/** A field still to write: its path in the file (`authMethods[0].steps[1].text`) and the hint left there. */
export type FieldToWrite = { path: string; hint: string };

/** Every marked field of a raw service file, in file order. */
export function fieldsToWrite(raw: unknown, path = ''): FieldToWrite[] {
  if (isToWrite(raw)) return [{ path, hint: raw.slice(TO_WRITE.length).trim() }];
  if (Array.isArray(raw)) return raw.flatMap((item, i) => fieldsToWrite(item, `${path}[${i}]`));
  if (raw !== null && typeof raw === 'object') {
    return Object.entries(raw).flatMap(([key, value]) => fieldsToWrite(value, path ? `${path}.${key}` : key));
  }
  return [];
}

/** A draft as the catalog reports it: the file, the service, and what is still to write. */
export type DraftReport = { file: string; service: string; fields: FieldToWrite[]; /** The file says `"draft": true`. */ flagged: boolean };

/** The file is a draft: it says so (`"draft": true`) or still has a marked field. */
export function draftReport(file: string, raw: unknown): DraftReport | undefined {
  const fields = fieldsToWrite(raw);
  const flagged = raw !== null && typeof raw === 'object' && (raw as { draft?: unknown }).draft === true;
  if (!flagged && fields.length === 0) return undefined;
  const id = raw !== null && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
  return { file, service: id, fields, flagged };
}

/** The build's error lines for a draft: one per field still to write, then the flag itself. */
export function draftProblems(report: DraftReport): string[] {
  const at = (path: string) => `${report.file} › service "${report.service}"${path ? ` › ${path}` : ''}`;
  const count = `${report.fields.length} field${report.fields.length === 1 ? '' : 's'}`;
  return [
    ...report.fields.map((f) => `${at(f.path)}: still to write (${f.hint})`),
    report.flagged
      ? `${at('draft')}: this service is a draft${report.fields.length ? ` with ${count} still to write` : ''}; ${report.fields.length ? 'write them, then ' : ''}remove "draft": true to publish it`
      : `${at('')}: ${count} still ${report.fields.length === 1 ? 'holds' : 'hold'} a "${TO_WRITE}" marker; write ${report.fields.length === 1 ? 'it' : 'them'} to publish this service`,
  ];
}
