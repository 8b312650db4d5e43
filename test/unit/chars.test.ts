// The character index's classes, built from ranges at start-up, agree with the predicates they stand for.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charIndexOf, isInvisible } from '../../server/src/core/chars';

test('the invisible characters the index finds are exactly those isInvisible accepts, over every code unit', () => {
  const units: number[] = [];
  for (let c = 0; c < 0x10000; c++) units.push(c);
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  const idx = charIndexOf(text);
  const found = Array.from(idx.invisibles.at.subarray(0, idx.invisibles.count));
  assert.deepEqual(found, units.filter((c) => isInvisible(c)));
  assert.ok(found.length >= 20);
});
