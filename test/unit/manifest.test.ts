// The extension manifest: every contributed string is translated, every setting documented, every
// client message has its Chinese.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nlsEn: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsZh: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));
const bundleZh: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));

function placeholders(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') for (const m of v.matchAll(/^%([^%]+)%$/g)) out.push(m[1]);
  else if (Array.isArray(v)) v.forEach((x) => placeholders(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => placeholders(x, out));
  return out;
}

test('every %key% of the manifest has an English and a Chinese text', () => {
  const keys = placeholders(pkg);
  assert.ok(keys.length > 50);
  for (const k of keys) {
    assert.ok(nlsEn[k], `package.nls.json lacks ${k}`);
    assert.ok(nlsZh[k], `package.nls.zh-cn.json lacks ${k}`);
    assert.match(nlsZh[k], /[\u4e00-\u9fff]/u, `${k} is not in Chinese`);
  }
  assert.deepEqual(Object.keys(nlsEn).sort(), Object.keys(nlsZh).sort(), 'both languages have the same keys');
});

test('every setting has a description, a default, and an enum where it has a fixed set of values', () => {
  const props = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string; default?: unknown; type: string; enum?: unknown[] }>;
  for (const [name, p] of Object.entries(props)) {
    assert.ok(name.startsWith('report.'), name);
    assert.ok(p.markdownDescription, `${name} has a markdownDescription`);
    assert.ok('default' in p, `${name} has a default`);
    // A rule with options takes a severity (the first branch, with its enum) or [severity, {options}].
    const values = (p as { anyOf?: { enum?: unknown[] }[] }).anyOf?.[0] ?? p;
    if (name.startsWith('report.rules.') || name === 'report.trace.server') assert.ok(values.enum, `${name} has an enum`);
  }
});

test('every command has a title and the report category; the language and its files are declared', () => {
  for (const c of pkg.contributes.commands) {
    assert.ok(c.title && c.category, c.command);
    assert.match(c.command, /^report\./);
  }
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'report');
  assert.deepEqual(lang.extensions, ['.report']);
  assert.deepEqual(lang.filenamePatterns, ['*述职报告*.txt', '*述责述廉*.txt', '*工作报告*.txt', '*工作总结*.txt']);
  // Untrusted workspaces: everything works, but the workspace may not supply patterns or dictionaries.
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['report.placeholders.patterns', 'report.dictionary']);
  assert.ok(pkg.capabilities.untrustedWorkspaces.description.startsWith('%'), 'the description is translated');
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
});

test('every client message has its Chinese translation', () => {
  const dir = join(root, 'client', 'src');
  const used = new Set<string>();
  for (const f of readdirSync(dir)) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
  }
  assert.ok(used.size > 20);
  for (const s of used) assert.ok(bundleZh[s], `l10n/bundle.l10n.zh-cn.json lacks "${s}"`);
});

// ---- the Marketplace page and the language's name -------------------------------------------------------

test('the language is found by its English and Chinese names, and the README calls it by the first', () => {
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'report');
  const [name, ...rest] = lang.aliases as string[];
  // Change Language Mode shows (and filters on) the first alias: both names must be in it.
  assert.match(name, /Work Report/);
  assert.match(name, /述职报告/);
  for (const a of ['述职报告', '工作报告', '工作总结', 'Work Report']) assert.ok(rest.includes(a), `alias ${a}`);
  const readme = read('README.md');
  assert.ok(readme.includes(`*${name}*`), `the README names the language *${name}*`);
  assert.doesNotMatch(readme.replace(name, ''), /\*Work Report\*/, 'no other name in italics');
});

test('the Marketplace page: icon and repository (the packages themselves: package.test.ts)', () => {
  const { PNG_SIGNATURE, width, height } = pngSize(readFileSync(join(root, pkg.icon)));
  assert.ok(PNG_SIGNATURE, `${pkg.icon} is a PNG`);
  assert.ok(width >= 128 && height >= 128 && width === height, `icon ${width}×${height}`);
  assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  assert.ok(pkg.engines.node, 'the Node version is stated');
});

test('the Formatters category is backed by a document formatter', () => {
  assert.ok(pkg.categories.includes('Formatters'));
  // Wherever the server's wiring lives (server.ts or the modules it is split into).
  const dir = join(root, 'server', 'src');
  const server = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => String(f).endsWith('.ts') && !String(f).startsWith('core'))
    .map((f) => readFileSync(join(dir, String(f)), 'utf8'))
    .join('\n');
  assert.match(server, /documentFormattingProvider:\s*true/);
  assert.match(server, /onDocumentFormatting|textDocument\/formatting/);
  assert.match(server, /formatReport|formattingEdits/);
});

function pngSize(b: Buffer): { PNG_SIGNATURE: boolean; width: number; height: number } {
  return { PNG_SIGNATURE: b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// ---- Node versions -----------------------------------------------------------------------------------

type Version = [number, number, number];

function parseVersion(v: string): Version {
  const [a, b, c] = v.replace(/^v/, '').split('.').map((x) => (x === undefined || x === '*' || x === 'x' ? 0 : Number(x)));
  return [a || 0, b || 0, c || 0];
}

const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `v` satisfies an npm `engines` range (the forms npm packages use: ||, space = and, >= > <= < = ^ ~ x *). */
export function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alt) => {
    const parts = alt.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return parts.every((p) => {
      if (p === '*' || p === 'x') return true;
      const m = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(p)!;
      const op = m[1] ?? '';
      const raw = m[2];
      const w = parseVersion(raw);
      const given = raw.replace(/^v/, '').split('.').filter((x) => x !== '' && x !== '*' && x !== 'x').length;
      const next = (k: number): Version => (k === 0 ? [w[0] + 1, 0, 0] : k === 1 ? [w[0], w[1] + 1, 0] : [w[0], w[1], w[2] + 1]);
      switch (op) {
        case '>=': return cmp(v, w) >= 0;
        case '>': return cmp(v, w) > 0;
        case '<=': return cmp(v, w) <= 0;
        case '<': return cmp(v, w) < 0;
        case '^': return cmp(v, w) >= 0 && cmp(v, next(w[0] > 0 ? 0 : w[1] > 0 ? 1 : 2)) < 0;
        case '~': return cmp(v, w) >= 0 && cmp(v, next(given >= 2 ? 1 : 0)) < 0;
        default: return given >= 3 ? cmp(v, w) === 0 : cmp(v, w) >= 0 && cmp(v, next(Math.max(0, given - 1))) < 0;
      }
    });
  });
}

test('engines: the range check reads npm ranges', () => {
  const v = parseVersion('20.18.1');
  for (const r of ['>=20', '>= 20', '>=20.18.1', '20 || >=22', '^18.18.0 || ^20.9.0 || >=21.1.0', '>=16 || 14 >=14.17', '6.* || 8.* || >= 10.*', '*']) assert.ok(satisfies(v, r), r);
  for (const r of ['>=22', '>=20.18.2', '18 || >=22', '^21.0.0', '~20.17.0', '<20']) assert.ok(!satisfies(v, r), r);
});

test('engines: every locked package accepts the Node version the README and package.json state', () => {
  const stated = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
  assert.ok(stated, `engines.node is ">=x.y.z": ${pkg.engines.node}`);
  assert.ok(read('README.md').includes(`Needs Node.js ${stated} or later`), `the README states Node ${stated}`);
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
  const refused: string[] = [];
  for (const [name, p] of Object.entries(lock.packages)) {
    const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
    if (typeof range === 'string' && !satisfies(parseVersion(stated), range)) refused.push(`${name}: ${range}`);
  }
  assert.deepEqual(refused, [], 'packages whose engines refuse the stated Node (npm install would print EBADENGINE)');
});
