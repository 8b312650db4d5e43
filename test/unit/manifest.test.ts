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
    if (name.startsWith('report.rules.') || name === 'report.trace.server') assert.ok(p.enum, `${name} has an enum`);
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
