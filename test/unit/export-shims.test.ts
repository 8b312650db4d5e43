// The export bundle's stand-in for underscore (server/src/export/shims/underscore.ts) has every function that
// mammoth calls: a call to one it lacks would fail only when a document reaches that code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as underscore from '../../server/src/export/shims/underscore';

test('the underscore stand-in has every function mammoth and its parser library lop call', () => {
  const used = new Set<string>();
  const libs = ['mammoth', 'lop'].map((m) => join(process.cwd(), 'node_modules', m, 'lib'));
  for (const [lib, f] of libs.flatMap((lib) => readdirSync(lib, { recursive: true }).map((f) => [lib, String(f)] as const)).filter(([, f]) => f.endsWith('.js') && f !== 'testing.js')) {
    const src = readFileSync(join(lib, f), 'utf8');
    const name = /(?:var|const|let)\s+(\w+)\s*=\s*require\("underscore"\)/.exec(src)?.[1];
    if (!name) continue;
    assert.equal(name, '_', `${f} names underscore ${name}`);
    // Only `_.name` uses: `_(…)` (underscore's wrapper) is not in the stand-in.
    assert.doesNotMatch(src, /(?<![\w$.])_\(/, `${f} calls _(…)`);
    for (const m of src.matchAll(/(?<![\w$.])_\.(\w+)/g)) used.add(m[1]);
  }
  assert.ok(used.size >= 10, [...used].join(' '));
  for (const fn of used) assert.equal(typeof (underscore as Record<string, unknown>)[fn], 'function', `_.${fn}`);
});

test('the stand-in’s functions are underscore’s', () => {
  assert.deepEqual(underscore.flatten([[1, [2]], [3]] as never), [1, 2, 3]);
  assert.deepEqual(underscore.pluck([{ a: 1 }, { a: 2 }] as never, 'a' as never), [1, 2]);
  assert.deepEqual(underscore.indexBy([{ id: 'x' }] as never, 'id' as never), { x: { id: 'x' } });
  assert.equal(underscore.isEqual({ a: [1] } as never, { a: [1] } as never), true);
});
