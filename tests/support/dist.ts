/** Reads the built site (dist/) for structure tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const distDir = join(import.meta.dirname, '..', '..', 'dist');

export function assertBuilt(): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('dist/ has no index.html: run `npm run build` before the site tests (npm test does it for you).');
  }
}

/** Every HTML file under dist/, as site paths (`services/intercom/index.html`). */
export function htmlFiles(dir = distDir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(relative(distDir, path));
  }
  return out.sort();
}

export function readHtml(sitePath: string): string {
  return readFileSync(join(distDir, sitePath), 'utf8');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Decodes the entities Astro writes (`&#39;`, `&quot;`, `&amp;` …). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return String.fromCodePoint(n);
    }
    return entities[code.toLowerCase()] ?? whole;
  });
}

/** The page's visible text (tags removed, entities decoded, whitespace folded), scripts and styles dropped. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      // A line-break opportunity is not a space: `Initiate<wbr>OAuth` reads as one word.
      .replace(/<wbr\s*\/?>/gi, '')
      .replace(/<[^>]+>/g, ' '),
  ).replace(/\s+/g, ' ');
}
