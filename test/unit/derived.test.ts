// The derived index: data computed from a parsed report once per model, kept by the model.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { charIndex } from '../../server/src/core/chars';
import { resolveConfig } from '../../server/src/core/config';
import { derive, derivedKey } from '../../server/src/core/derived';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { proseSpans } from '../../server/src/core/prose';
import { numbering } from '../../server/src/core/renumber';

const TEXT = '关于2024年工作的报告\n\n一、主要工作\n（一）抓好学习。认真学习，提高认识。\n（三）抓好落实。\n二、存在问题\n\n## 三、下步打算\n访问 https://example.com/a,b 查看。\n';

test('a derived value is computed once per model and not shared between models', () => {
  let calls = 0;
  const KEY = derivedKey('test.blockCount', (m) => {
    calls++;
    return { blocks: m.blocks.length };
  });
  const a = parse(TEXT);
  const first = derive(a, KEY);
  assert.equal(derive(a, KEY), first, 'the same object on the second call');
  assert.equal(calls, 1);
  const b = parse(TEXT + '三、结语\n');
  const other = derive(b, KEY);
  assert.equal(calls, 2);
  assert.notEqual(other, first);
  assert.equal(other.blocks, first.blocks + 1);
});

test('the parser seeds the character index; the rules fill the rest on demand', () => {
  const model = parse(TEXT);
  assert.deepEqual(model.derived.names(), ['charIndex']);
  const idx = charIndex(model);
  assert.equal(charIndex(model), idx);
  lint(model, resolveConfig({}));
  const names = model.derived.names();
  for (const n of ['proseSpans', 'markIndex', 'siblingGroups', 'markdown', 'mojibake']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  // What the lint derived is what the features read afterwards: the same objects.
  assert.equal(proseSpans(model), proseSpans(model));
  assert.ok(!names.includes('numbering'));
  assert.equal(numbering(model), numbering(model));
  assert.ok(model.derived.names().includes('numbering'));
});

test('the derived index does not take part in comparing models', () => {
  const a = parse(TEXT);
  const b = parse(TEXT);
  proseSpans(a);
  lint(a, resolveConfig({}));
  assert.deepStrictEqual(a, b);
});

test('ESLint forbids a module-level WeakMap in the core', async () => {
  // The project's own rule, as eslint.config.mjs sets it for server/src/core (type-aware parsing left out).
  const { default: config } = (await import(pathToFileURL(join(process.cwd(), 'eslint.config.mjs')).href)) as { default: Linter.Config[] };
  const core = config.find((c) => c.files?.includes('server/src/core/**/*.ts') && c.rules?.['no-restricted-syntax']);
  assert.ok(core, 'the core block of eslint.config.mjs sets no-restricted-syntax');
  const code = [
    "import type { ReportModel } from './model';",
    'export const cache = new WeakMap<ReportModel, number>();',
    'const seen = new WeakSet<ReportModel>();',
    'const byConfig = new WeakMap<object, number>();',
    'export function f(m: ReportModel): number | undefined {',
    '  const local = new WeakMap<ReportModel, number>();',
    '  return seen.has(m) ? cache.get(m) : (local.get(m) ?? byConfig.get(m));',
    '}',
  ].join('\n');
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser }, rules: { 'no-restricted-syntax': core.rules!['no-restricted-syntax'] } }], 'server/src/core/example.ts');
  // Module-level WeakMaps and WeakSets keyed by the model; not other keys, not local ones.
  assert.deepEqual(messages.map((m) => [m.ruleId, m.line]), [['no-restricted-syntax', 2], ['no-restricted-syntax', 3]]);
});
