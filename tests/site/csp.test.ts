/**
 * The Content-Security-Policy of every built page, read from its <meta>: the policy Pagefind needs and nothing
 * looser, placed before anything it must govern, and covering every inline script and style the page carries
 * (each inline <script> and <style> hashed and looked up among the policy's hashes). What a browser does with it
 * at run time is tests/e2e/security.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { assertBuilt, decodeEntities, htmlFiles, readHtml } from '../support/dist';

assertBuilt();

/** Attributes of one start tag (`<meta a="1" b>` → {a: '1', b: ''}), names lower-cased, values decoded. */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inner = tag.replace(/^<[a-z][\w-]*/i, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

type Policy = Map<string, string[]>;
function parsePolicy(content: string): Policy {
  const policy: Policy = new Map();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), values);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** Script types a browser runs; anything else (`application/ld+json`, templates) is a data block, outside script-src. */
const isExecutable = (type: string | undefined) => !type || /^(module|(text|application)\/(java|ecma)script)$/i.test(type.trim());

type Page = {
  file: string;
  html: string;
  metas: { index: number; content: string }[];
  scripts: { index: number; attributes: Map<string, string>; body: string }[];
  styles: { index: number; body: string }[];
  /** The page with script and style bodies blanked, for attribute checks that must not read code as markup. */
  markup: string;
};

function readPage(file: string): Page {
  const html = readHtml(file);
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => ({ index: m.index, attributes: attributesOf(m[0]) }))
    .filter((m) => m.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy')
    .map((m) => ({ index: m.index, content: m.attributes.get('content') ?? '' }));
  const scripts = [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    index: m.index,
    attributes: attributesOf(m[1]!),
    body: m[2]!,
  }));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => ({ index: m.index, body: m[1]! }));
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
  return { file, html, metas, scripts, styles, markup };
}

const pages = htmlFiles().map(readPage);

test('the site has pages to check, with inline scripts and styles among them', () => {
  expect(pages.length).toBeGreaterThanOrEqual(10);
  // The hash comparisons below must have something to compare: the theme script and the island bootstrap.
  expect(pages.flatMap((p) => p.scripts.filter((s) => !s.attributes.has('src'))).length).toBeGreaterThan(pages.length);
  expect(pages.some((p) => p.styles.length > 0)).toBe(true);
});

describe.each(pages.map((p) => [p.file, p] as const))('%s', (_file, page) => {
  const policy = () => parsePolicy(page.metas[0]?.content ?? '');

  test('has one CSP <meta> in <head>, before every script, style and stylesheet', () => {
    expect(page.metas).toHaveLength(1);
    const meta = page.metas[0]!.index;
    const headEnd = page.html.search(/<\/head\s*>/i);
    expect(meta, 'the CSP <meta> is inside <head>').toBeLessThan(headEnd);
    // A <meta> policy governs only what comes after it: anything earlier would run unchecked.
    const earlier = [
      ...page.scripts.filter((s) => s.index < meta).map((s) => `<script> at ${s.index}: ${s.body.slice(0, 60) || s.attributes.get('src')}`),
      ...page.styles.filter((s) => s.index < meta).map((s) => `<style> at ${s.index}`),
      ...[...page.html.matchAll(/<link\b[^>]*>/gi)]
        .filter((m) => m.index < meta && /stylesheet|modulepreload|preload/i.test(attributesOf(m[0]).get('rel') ?? ''))
        .map((m) => `${m[0]} at ${m.index}`),
    ];
    expect(earlier).toEqual([]);
  });

  test("allows what Pagefind needs ('wasm-unsafe-eval', a worker-src) and nothing looser", () => {
    const p = policy();
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')).toContain("'self'");
    expect(p.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(p.get('worker-src')).toBeDefined();
    expect(p.get('worker-src')).toContain("'self'");
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'self'"]);
    const loose = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'http:', 'https:', 'data:'];
    for (const directive of ['script-src', 'style-src', 'worker-src', 'default-src', 'connect-src']) {
      const values = p.get(directive) ?? [];
      expect(values.filter((v) => loose.includes(v)), directive).toEqual([]);
      expect(values.filter((v) => /^(https?:)?\/\//.test(v)), `${directive} names no other origin`).toEqual([]);
    }
  });

  test('every inline script is hashed in script-src, and every script file is same-origin', () => {
    const allowed = policy().get('script-src') ?? [];
    const uncovered: string[] = [];
    for (const script of page.scripts) {
      const src = script.attributes.get('src');
      if (src !== undefined) {
        if (/^([a-z][\w+.-]*:|\/\/)/i.test(src)) uncovered.push(`script file on another origin: ${src}`);
        continue;
      }
      if (!isExecutable(script.attributes.get('type'))) continue;
      if (!allowed.includes(sha256(script.body))) uncovered.push(`inline script ${sha256(script.body)}: ${script.body.slice(0, 80)}`);
    }
    expect(uncovered).toEqual([]);
  });

  test('every <style> is hashed in style-src, and no style attribute, event handler or javascript: URL exists', () => {
    const allowed = policy().get('style-src') ?? [];
    expect(page.styles.filter((s) => !allowed.includes(sha256(s.body))).map((s) => `<style> ${sha256(s.body)}: ${s.body.slice(0, 80)}`)).toEqual([]);
    const tags = [...page.markup.matchAll(/<[a-z][\w-]*(?:\s[^>]*)?>/gi)].map((m) => m[0]);
    // Hashes never cover attributes: style="…" and onclick="…" would need 'unsafe-inline' (or 'unsafe-hashes').
    const offending = tags.flatMap((tag) =>
      [...attributesOf(tag)].flatMap(([name, value]) =>
        name === 'style' || /^on[a-z]+$/.test(name) || (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^\s*javascript:/i.test(value))
          ? [`${name}="${value.slice(0, 60)}" in ${tag.slice(0, 80)}`]
          : [],
      ),
    );
    expect(offending).toEqual([]);
  });
});
