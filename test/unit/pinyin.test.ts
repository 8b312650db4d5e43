// The pinyin keys of phrase completion, checked against a pinyin dictionary (pinyin-pro): a typo in a
// hand-written key (十 spelt `e`) must not hide.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pinyin } from 'pinyin-pro';
import { matchPhrases, PHRASES } from '../../server/src/core/completion';

const hanOf = (s: string): string => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');

/** The readings of each character in context, and every reading it may have, without tones (ü as v). */
function readings(han: string): { context: string[]; all: string[][] } {
  const context = pinyin(han, { toneType: 'none', type: 'array', v: true });
  const all = [...han].map((c) => pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true }));
  return { context, all };
}

/** Why `key` is not the initials of `han` (undefined when it is). */
export function initialsFault(han: string, key: string): string | undefined {
  const chars = [...han];
  if (key.length !== chars.length) return `${key.length} letters for ${chars.length} characters`;
  const { context, all } = readings(han);
  for (let i = 0; i < chars.length; i++) {
    const ok = context[i][0] === key[i] || all[i].some((r) => r[0] === key[i]);
    if (!ok) return `${chars[i]} is ${context[i]}, not ${key[i]}…`;
  }
  return undefined;
}

/** Whether `key` spells in full the pinyin of a run of consecutive characters of `han`. */
export function isFullPinyinOfWord(han: string, key: string): boolean {
  const { context } = readings(han);
  for (let a = 0; a < context.length; a++) {
    let s = '';
    for (let b = a; b < context.length && s.length < key.length; b++) {
      s += context[b];
      if (s === key) return true;
    }
  }
  return false;
}

test('pinyin check: catches a wrong initial, a missing letter and a polyphone read either way', () => {
  assert.equal(initialsFault('二十大', 'esd'), undefined);
  assert.match(initialsFault('二十大', 'eed')!, /十 is shi/);
  assert.match(initialsFault('二十大', 'ed')!, /2 letters for 3/);
  assert.equal(initialsFault('履行', 'lx'), undefined);
  assert.equal(isFullPinyinOfWord('下一步工作', 'xiayibu'), true);
  assert.equal(isFullPinyinOfWord('下一步工作', 'xiayibo'), false);
});

test('phrases: every first key is the pinyin initials of the label, every other key the full pinyin of a word in it', () => {
  const faults: string[] = [];
  for (const p of PHRASES) {
    const han = hanOf(p.label);
    const [initials, ...words] = p.keys;
    const f = initialsFault(han, initials);
    if (f) faults.push(`${p.label} ${initials}: ${f}`);
    for (const w of words) if (!isFullPinyinOfWord(han, w)) faults.push(`${p.label}: ${w} is not the pinyin of a word in it`);
  }
  assert.deepEqual(faults, []);
});

test('phrases: no two phrases share a label or a key, so each is offered once', () => {
  const labels = PHRASES.map((p) => p.label);
  assert.equal(new Set(labels).size, labels.length);
  const keys = PHRASES.flatMap((p) => p.keys);
  assert.equal(new Set(keys).size, keys.length, keys.filter((k, i) => keys.indexOf(k) !== i).join(' '));
  // Every full key finds its phrase.
  for (const p of PHRASES) for (const k of p.keys) assert.ok(matchPhrases(`，${k}`).some((m) => m.phrase === p), `${k} finds ${p.label}`);
});
