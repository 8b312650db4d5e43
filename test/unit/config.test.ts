// Configuration: validation of hostile settings, user patterns on a linear-time engine, untrusted
// workspaces, memoisation and rule options.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configKey, resolveConfig, type SettingsLayer } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { LinearPattern, toRe2Syntax } from '../../server/src/core/pattern';
import { dictionaryMatcherBuilds } from '../../server/src/core/rules/user-dictionary';
import { check, rethrow } from './helpers';

const en = (ms: { en: string }[]) => ms.map((m) => m.en);

// ---------------------------------------------------------------- user patterns

test('patterns: a catastrophic pattern runs in linear time, with the same matches', () => {
  const config = resolveConfig({ placeholders: { patterns: ['(a+)+$'] } });
  assert.deepEqual(config.invalidPatterns, []);
  // `$` is the end of the text (no multiline flag), as it was with RegExp(src, 'gu').
  const text = '报告\n' + 'a'.repeat(36) + '!\n' + '甲' + 'a'.repeat(5);
  const m = parse(text, config.parse);
  assert.deepEqual(m.placeholders.map((p) => p.raw), ['aaaaa']);
  // A line of 100,000 a's followed by ! (the native engine would backtrack for ever).
  const long = 'a'.repeat(100_000) + '!';
  const t0 = performance.now();
  assert.deepEqual(parse(long, config.parse).placeholders, []);
  assert.ok(performance.now() - t0 < 5000);
});

test('patterns: a 1 MB pathological document is analysed', () => {
  const config = resolveConfig({ placeholders: { patterns: ['(a+)+$', '(x+x+)+y', 'a*'] } });
  const unit = 'a'.repeat(36) + '!\n';
  const text = unit.repeat(Math.ceil((1 << 20) / unit.length)) + 'aaa';
  const t0 = performance.now();
  const model = parse(text, config.parse);
  const problems = lint(model, config, { onRuleError: rethrow });
  const ms = performance.now() - t0;
  // `a*` finds every line's a's; `(a+)+$` the last ones (already covered).
  assert.equal(model.placeholders.length, Math.ceil((1 << 20) / unit.length) + 1);
  assert.ok(problems.some((p) => p.rule === 'placeholder'));
  assert.ok(ms < 20_000, `${ms} ms`);
});

test('patterns: what RE2 cannot compile is reported and ignored; JavaScript escapes are understood', () => {
  const config = resolveConfig({ placeholders: { patterns: ['(?<=a)b', '(a)\\1', '[', '\\u3010\\u{3011}', '待定'] } });
  assert.deepEqual(config.invalidPatterns, ['(?<=a)b', '(a)\\1', '[']);
  assert.equal(config.configErrors.length, 3);
  assert.match(config.configErrors[0].en, /placeholder pattern "\(\?<=a\)b" cannot be used/u);
  assert.match(config.configErrors[0].zh, /无法使用/u);
  assert.equal(config.parse.placeholderPatterns.length, 2);
  const m = parse('报告\n金额【】元，时间待定。\n', config.parse);
  assert.deepEqual(m.placeholders.map((p) => p.raw), ['【】', '待定']);
  assert.equal(toRe2Syntax('\\u4e00-\\u9fff\\\\u0041\\u{20000}'), '\\x{4e00}-\\x{9fff}\\\\u0041\\x{20000}');
});

test('patterns: matches are UTF-16 offsets, empty matches are skipped, overlaps with built-in blanks dropped', () => {
  const p = new LinearPattern('字x*');
  const found: [number, number][] = [];
  p.scan('𠀀字xx字', (s, e) => found.push([s, e]));
  assert.deepEqual(found, [[2, 5], [5, 6]]);
  const config = resolveConfig({ placeholders: { patterns: ['x*', '增长x'] } });
  const m = parse('报告\n同比增长x%，新增xx个。\n', config.parse);
  assert.deepEqual(m.placeholders.map((q) => q.raw), ['x', 'xx']);
});

// ---------------------------------------------------------------- validation

test('settings of the wrong type are rejected, one message each', () => {
  const config = resolveConfig({
    dictionary: ['帐号'] as unknown as Record<string, unknown>,
    paidMarkers: { begin: ['\n', '   ', '##a\nb##', 'x'.repeat(65), 7, '##付费开始##'], end: '##paidend##' },
    placeholders: { patterns: 'x+' },
    rules: { 'heading-sequence': 5, 'no-such-rule': 'warning', 'placeholder': 'loud', 'redaction': ['info'] },
  } as never);
  assert.deepEqual(config.dictionary.size, 0, 'an array is not a dictionary ({"0": …})');
  assert.deepEqual(config.parse.paidMarkers.begin, ['##付费开始##']);
  assert.deepEqual(config.parse.paidMarkers.end, ['##paidend##', '$$paidend$$'], 'the defaults stay');
  assert.equal(config.rules.get('heading-sequence'), undefined);
  assert.equal(config.rules.get('placeholder'), undefined);
  assert.equal(config.rules.get('redaction'), 'info');
  const messages = en(config.configErrors);
  for (const expected of [
    /^dictionary: must be an object \(wrong → right\), got array/u,
    /^paidMarkers\.begin\[0\]: is empty or only white space/u,
    /^paidMarkers\.begin\[1\]: is empty or only white space/u,
    /^paidMarkers\.begin\[2\]: "##a\\nb##" contains a line break/u,
    /^paidMarkers\.begin\[3\]: is longer than 64 characters/u,
    /^paidMarkers\.begin\[4\]: must be a string, got number/u,
    /^paidMarkers\.end: must be an array of strings, got string/u,
    /^placeholders\.patterns: must be an array of strings, got string/u,
    /^rules\.heading-sequence: expected one of off, hint/u,
    /^rules\.no-such-rule: there is no such rule/u,
    /^rules\.placeholder: expected one of/u,
  ]) {
    assert.ok(messages.some((m) => expected.test(m)), `${expected} in\n${messages.join('\n')}`);
  }
  assert.equal(messages.length, 11);
  for (const m of config.configErrors) assert.ok(m.zh.length > 0 && /[\u4e00-\u9fff]/u.test(m.zh));
});

test('settings: invalid dictionary entries are counted in one message; labels name the layer', () => {
  const config = resolveConfig([{ settings: { dictionary: { 帐号: '账号', 甲: 3, '': '乙', '丙\n': '丁', 戊: null } }, label: '.reportrc.json' }]);
  assert.deepEqual([...config.dictionary], [['帐号', '账号']]);
  assert.equal(config.configErrors.length, 1);
  assert.match(config.configErrors[0].en, /^\.reportrc\.json: dictionary: 4 invalid entries \(such as "甲"/u);
  assert.deepEqual(resolveConfig(7 as never).configErrors.map((m) => m.en), ['settings must be an object, got number; ignored.'].map((s) => `: ${s}`));
});

test('settings: a valid configuration has no errors', () => {
  const config = resolveConfig({
    rules: { 'heading-sequence': 'error', redaction: { severity: 'info' }, 'punct-repeated': ['warning', { marks: '。，！' }] },
    placeholders: { patterns: ['待定'] },
    paidMarkers: { begin: ['【付费】'], end: ['【付费完】'] },
    dictionary: { 帐号: '账号' },
  });
  assert.deepEqual(config.configErrors, []);
});

// ---------------------------------------------------------------- memoisation and large dictionaries

function bigDictionary(n: number): Record<string, string> {
  const d: Record<string, string> = {};
  // Unique three-character forms: (i mod 20000, i div 20000) differ for every i.
  for (let i = 0; i < n; i++) d[String.fromCharCode(0x4e00 + (i % 20000), 0x4e00 + 100 + Math.floor(i / 20000), 0x4e00 + ((i * 31) % 20000))] = '正确';
  return d;
}

test('a 100k-entry dictionary is built once for 50 documents', () => {
  const dictionary = bigDictionary(100_000);
  dictionary['帐号管理'] = '账号管理';
  const user = { rules: {} };
  const rc = { dictionary };
  const before = dictionaryMatcherBuilds();
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) {
    // Each document resolves its configuration, as the server does per document.
    const config = resolveConfig(user, rc);
    const text = `报告\n第${i}份：加强帐号管理。\n`;
    const ps = lint(parse(text, config.parse), config, { only: new Set(['user-dictionary']), onRuleError: rethrow });
    assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['帐号管理']);
  }
  const ms = performance.now() - t0;
  assert.equal(dictionaryMatcherBuilds() - before, 1, 'the matcher is built once');
  assert.ok(ms < 10_000, `${ms} ms`);
  // Equal settings in new objects (as a client sends them) give the same configuration, found by JSON.
  const copy = resolveConfig([{ settings: { ...user } }, { settings: { dictionary: { ...dictionary } } }]);
  assert.equal(copy, resolveConfig(user, rc));
  assert.equal(dictionaryMatcherBuilds() - before, 1);
});

test('resolveConfig is memoised on its inputs; configKey tells equal inputs apart', () => {
  const a = resolveConfig({ dictionary: { 甲: '乙' } });
  assert.equal(resolveConfig({ dictionary: { 甲: '乙' } }), a);
  assert.notEqual(resolveConfig({ dictionary: { 甲: '丙' } }), a);
  const layers: SettingsLayer[] = [{ settings: { dictionary: { 甲: '乙' } }, origin: 'workspace' }];
  assert.notEqual(configKey(layers, { trusted: true }), configKey(layers, { trusted: false }));
  assert.equal(configKey(layers), configKey(layers, { trusted: true }));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(configKey([{ settings: cyclic }]), undefined);
  assert.ok(resolveConfig([{ settings: cyclic }]).configErrors.length === 0);
});

// ---------------------------------------------------------------- untrusted workspaces

test('untrusted workspace: patterns and dictionaries from workspace layers are dropped, the rest applies', () => {
  const user = { placeholders: { patterns: ['待定'] }, dictionary: { 帐号: '账号' } };
  const rc = { placeholders: { patterns: ['(a+)+$'] }, dictionary: { 登陆: '登录' }, rules: { redaction: 'warning' }, paidMarkers: { begin: ['【付费】'] } };
  const layers: SettingsLayer[] = [
    { settings: user, origin: 'user' },
    { settings: rc, origin: 'workspace', label: '.reportrc.json' },
  ];
  const trusted = resolveConfig(layers, { trusted: true });
  assert.deepEqual(trusted.parse.placeholderPatterns.map((p) => p.source), ['待定', '(a+)+$']);
  assert.deepEqual([...trusted.dictionary.keys()], ['帐号', '登陆']);
  assert.deepEqual(trusted.configErrors, []);

  const untrusted = resolveConfig(layers, { trusted: false });
  assert.deepEqual(untrusted.parse.placeholderPatterns.map((p) => p.source), ['待定']);
  assert.deepEqual([...untrusted.dictionary.keys()], ['帐号']);
  assert.equal(untrusted.rules.get('redaction'), 'warning');
  assert.deepEqual(untrusted.parse.paidMarkers.begin, ['【付费】']);
  assert.deepEqual(en(untrusted.configErrors), [
    '.reportrc.json: placeholders.patterns: the workspace is not trusted; its patterns are ignored.',
    '.reportrc.json: dictionary: the workspace is not trusted; its dictionary is ignored.',
  ]);
  // Trusted is the default; the old variadic form trusts every layer.
  assert.equal(resolveConfig(layers).parse.placeholderPatterns.length, 2);
  assert.equal(resolveConfig(user, rc).dictionary.size, 2);
});

// ---------------------------------------------------------------- rule options

test('rule options: [severity, {options}] and {severity, ...options}; invalid ones reported, defaults kept', () => {
  const config = resolveConfig({
    rules: {
      'punct-repeated': ['warning', { marks: '。！', nope: 1 }],
      'redaction': { severity: 'info', minLength: 'many' },
      'heading-sequence': ['error', { x: 1 }],
      'two-digit-year': ['info', 5],
      'misused-word': ['warning', { exclude: '再接再励' }],
    },
  });
  assert.equal(config.rules.get('punct-repeated'), 'warning');
  assert.equal(config.rules.get('redaction'), 'info');
  assert.equal(config.ruleOptions.get('punct-repeated')?.marks, '。！');
  assert.equal(config.ruleOptions.get('redaction')?.minLength, 1, 'the default stays');
  const messages = en(config.configErrors);
  for (const expected of [
    /^rules\.punct-repeated: there is no option "nope" \(known: marks\)/u,
    /^rules\.redaction\.minLength: expected an integer, got "many"; ignored, the default 1 is used/u,
    /^rules\.heading-sequence: this rule takes no options; "x" is ignored/u,
    /^rules\.two-digit-year: options must be an object, got number/u,
    /^rules\.misused-word\.exclude: expected an array of strings/u,
  ]) {
    assert.ok(messages.some((m) => expected.test(m)), `${expected} in\n${messages.join('\n')}`);
  }
  assert.equal(messages.length, 5);
  assert.deepEqual(resolveConfig({ rules: { redaction: ['info', { minLength: 0 }] } }).configErrors.map((m) => m.en), [
    'rules.redaction.minLength: must be at least 1; ignored, the default 1 is used.',
  ]);
});

test('rule options change what the rules report', () => {
  const text = '报告\n某局和某某同志，完成了。。工作！！增长x%，排名第xx名。再接再励。\n23年工作总结\n';
  const spansOf = (id: string, settings: unknown) => {
    const config = resolveConfig({ rules: { [id]: settings } } as never);
    assert.deepEqual(config.configErrors, []);
    return lint(parse(text, config.parse), config, { only: new Set([id]), onRuleError: rethrow }).map((p) => text.slice(p.start, p.end));
  };
  assert.deepEqual(spansOf('redaction', 'info'), ['某', '某某']);
  assert.deepEqual(spansOf('redaction', ['info', { minLength: 2 }]), ['某某']);
  assert.deepEqual(spansOf('punct-repeated', 'warning'), ['。。']);
  assert.deepEqual(spansOf('punct-repeated', ['warning', { marks: '。，！' }]), ['。。', '！！']);
  assert.deepEqual(spansOf('punct-repeated', { severity: 'warning', marks: '，' }), []);
  assert.deepEqual(spansOf('placeholder', 'warning'), ['x', 'xx']);
  assert.deepEqual(spansOf('placeholder', ['warning', { ignoreKinds: ['rank'] }]), ['x']);
  assert.deepEqual(spansOf('misused-word', 'warning'), ['再接再励']);
  assert.deepEqual(spansOf('misused-word', ['warning', { exclude: ['再接再励'] }]), []);
  assert.deepEqual(spansOf('two-digit-year', 'info'), ['23年']);
  assert.deepEqual(spansOf('two-digit-year', ['info', { titles: false }]), []);
});

test('check helper: odd settings never make a rule throw', () => {
  for (const settings of [{ dictionary: [] }, { paidMarkers: { begin: [''] } }, { rules: null }, { placeholders: null }]) {
    check('报告\n帐号。\n', 'user-dictionary', settings as never);
  }
});
