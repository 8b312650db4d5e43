// The snippets file: JSON shape, prefixes, snippet syntax, and what the skeletons expand to.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHRASES } from '../../server/src/core/completion';

const hanOf = (s: string): string => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');

const SNIPPETS_PATH = join(process.cwd(), 'snippets', 'report.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function loadSnippets(): Record<string, Snippet> {
  return JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;
}

const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
const bodyText = (s: Snippet): string => asList(s.body).join('\n');

// ---------------------------------------------------------------- a small snippet-syntax parser
// Follows the TextMate/VS Code snippet grammar: $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR},
// ${VAR:default}, ${VAR/regex/format/options}; `\` escapes `$`, `}` and `\`. It is stricter than
// VS Code on purpose: a bare `$` or an unmatched `}` is reported instead of being taken as text.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] | undefined }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] | undefined; transform: Transform | undefined };

interface Transform {
  regex: RegExp;
  format: string;
}

const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

function parseSnippet(src: string): SnippetNode[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i} in ${JSON.stringify(src)}`);
  };

  // Reads raw text up to an unescaped stop character; `\x` keeps x when x is a stop char or `\`.
  function readUntil(stops: string): string {
    let out = '';
    while (i < src.length && !stops.includes(src[i])) {
      if (src[i] === '\\' && i + 1 < src.length && (stops.includes(src[i + 1]) || src[i + 1] === '\\')) {
        out += src[i + 1];
        i += 2;
      } else {
        out += src[i++];
      }
    }
    if (i >= src.length) fail(`unterminated, expected one of ${JSON.stringify(stops)}`);
    return out;
  }

  function parseDollar(): SnippetNode {
    i++; // $
    const rest = src.slice(i);
    let m = /^\d+/.exec(rest);
    if (m) {
      i += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]), children: undefined };
    }
    m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(rest);
    if (m) {
      i += m[0].length;
      if (!KNOWN_VARIABLES.has(m[0])) fail(`unknown variable $${m[0]}`);
      return { kind: 'variable', name: m[0], children: undefined, transform: undefined };
    }
    if (src[i] !== '{') fail('bare $ (write \\$ for a literal dollar sign)');
    i++; // {
    m = /^\d+/.exec(src.slice(i));
    if (m) {
      const index = Number(m[0]);
      i += m[0].length;
      if (src[i] === '}') {
        i++;
        return { kind: 'tabstop', index, children: undefined };
      }
      if (src[i] === ':') {
        i++;
        const children = parseSequence(true);
        i++; // }
        return { kind: 'tabstop', index, children };
      }
      if (src[i] === '|') {
        i++;
        const options: string[] = [];
        for (;;) {
          options.push(readUntil(',|'));
          if (src[i++] === '|') break;
        }
        if (src[i] !== '}') fail('choice not closed with |}');
        i++;
        if (options.some((o) => o.length === 0)) fail('empty choice option');
        return { kind: 'choice', index, options };
      }
      return fail('malformed tabstop');
    }
    m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(src.slice(i));
    if (!m) return fail('malformed ${…}');
    const name = m[0];
    if (!KNOWN_VARIABLES.has(name)) fail(`unknown variable ${name}`);
    i += name.length;
    if (src[i] === '}') {
      i++;
      return { kind: 'variable', name, children: undefined, transform: undefined };
    }
    if (src[i] === ':') {
      i++;
      const children = parseSequence(true);
      i++;
      return { kind: 'variable', name, children, transform: undefined };
    }
    if (src[i] === '/') {
      i++;
      const regex = readUntil('/');
      i++;
      const format = readUntil('/');
      i++;
      const options = readUntil('}');
      i++;
      let re: RegExp | undefined;
      try {
        re = new RegExp(regex, options);
      } catch (e) {
        fail(`bad transform regex ${regex}: ${(e as Error).message}`);
      }
      return { kind: 'variable', name, children: undefined, transform: { regex: re!, format } };
    }
    return fail('malformed variable');
  }

  function parseSequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (c === '$') {
        flush();
        nodes.push(parseDollar());
      } else if (c === '}') {
        if (!nested) fail('unmatched }');
        flush();
        return nodes;
      } else {
        text += c;
        i++;
      }
    }
    if (nested) fail('unclosed ${');
    flush();
    return nodes;
  }

  return parseSequence(false);
}

function walk(nodes: SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) walk(n.children, visit);
  }
}

/** Expands a snippet the way the editor inserts it, taking defaults and each choice's first option. */
function expand(src: string, vars: Record<string, string>): string {
  const nodes = parseSnippet(src);
  const firstValue = new Map<number, SnippetNode[]>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && n.children && !firstValue.has(n.index)) firstValue.set(n.index, n.children);
  });
  const choices = new Map<number, string>();
  walk(nodes, (n) => {
    if (n.kind === 'choice') choices.set(n.index, n.options[0]);
  });
  const render = (ns: SnippetNode[]): string =>
    ns
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return n.options[0];
          case 'tabstop':
            if (n.children) return render(n.children);
            if (choices.has(n.index)) return choices.get(n.index)!;
            return firstValue.has(n.index) ? render(firstValue.get(n.index)!) : '';
          case 'variable': {
            const value = vars[n.name] ?? '';
            if (n.transform) {
              const { regex, format } = n.transform;
              return value.replace(regex, (...groups: unknown[]) =>
                format.replace(/\$(\d+)|\$\{(\d+)\}/g, (_m, a?: string, b?: string) => String(groups[Number(a ?? b)] ?? '')),
              );
            }
            if (value === '' && n.children) return render(n.children);
            return value;
          }
        }
      })
      .join('');
  return render(nodes);
}

const SAMPLE_VARS = { CURRENT_YEAR: '2024', CURRENT_MONTH: '03', CURRENT_DATE: '05', TM_SELECTED_TEXT: '' };

function findByPrefix(all: Record<string, Snippet>, prefix: string): Snippet {
  const found = Object.values(all).find((s) => asList(s.prefix).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

// ---------------------------------------------------------------- the parser itself

test('snippet parser: accepts the forms the editor knows, rejects broken ones', () => {
  assert.equal(expand('${1:年}${2|甲,乙|}$1${CURRENT_YEAR}\\$\\}', { CURRENT_YEAR: '2024' }), '年甲年2024$}');
  assert.equal(expand('${CURRENT_MONTH/^0(\\d)/$1/}月', { CURRENT_MONTH: '03' }), '3月');
  assert.equal(expand('${CURRENT_MONTH/^0(\\d)/$1/}月', { CURRENT_MONTH: '12' }), '12月');
  assert.equal(expand('${1:$TM_SELECTED_TEXT}', { TM_SELECTED_TEXT: '正文' }), '正文');
  for (const bad of ['${1:未闭合', '${1|甲,乙}', '多余的}', '价格$', '${NOT_A_VARIABLE}', '${1|甲,,乙|}', '${x']) {
    assert.throws(() => parseSnippet(bad), Error, bad);
  }
});

// ---------------------------------------------------------------- the file

test('snippets: the file is JSON with the skeletons, headings and markers, each with a body and a description', () => {
  const all = loadSnippets();
  assert.equal(typeof all, 'object');
  assert.ok(Object.keys(all).length >= 10, `only ${Object.keys(all).length} snippets`);
  for (const [name, s] of Object.entries(all)) {
    assert.ok(asList(s.body).length > 0 && asList(s.body).every((l) => typeof l === 'string'), `${name}: body`);
    assert.equal(typeof s.description, 'string', `${name}: description`);
    assert.ok(s.description.trim().length >= 4, `${name}: description too short`);
  }
});

const usesSelection = (s: Snippet): boolean => /\$\{?TM_SELECTED_TEXT\b/.test(bodyText(s));

test('snippets: every snippet has an ASCII prefix, and a Chinese one unless it wraps the selection', () => {
  for (const [name, s] of Object.entries(loadSnippets())) {
    const prefixes = asList(s.prefix);
    assert.ok(prefixes.some((p) => /^[\x21-\x7e]+$/.test(p)), `${name}: no ASCII prefix in ${prefixes.join(' ')}`);
    if (!usesSelection(s)) assert.ok(prefixes.some((p) => /^\p{Script=Han}+$/u.test(p)), `${name}: no Chinese prefix in ${prefixes.join(' ')}`);
    for (const p of prefixes) assert.doesNotMatch(p, /\s/, `${name}: prefix with whitespace`);
  }
});

/**
 * The entries of Surround With, as VS Code builds them: the editor makes one snippet per prefix
 * (SnippetFile reads `prefix: [a, b]` as two snippets) and lists those whose body uses the selection.
 */
function surroundWithEntries(all: Record<string, Snippet>): string[] {
  return Object.entries(all).flatMap(([name, s]) => (usesSelection(s) ? asList(s.prefix).map(() => name) : []));
}

test('snippets: Surround With lists each selection snippet once', () => {
  const all = loadSnippets();
  const entries = surroundWithEntries(all);
  assert.deepEqual(entries, [...new Set(entries)], `listed more than once: ${entries.filter((e, i) => entries.indexOf(e) !== i).join(', ')}`);
  assert.deepEqual(entries.sort(), ['付费内容（##）', '付费内容（$$）', '付费段落（##，独占一行）'].sort());
  // The check sees a second prefix.
  assert.equal(surroundWithEntries({ x: { prefix: ['a', '甲'], body: '${1:$TM_SELECTED_TEXT}', description: 'x' } }).length, 2);
});

test('snippets: no prefix is used twice', () => {
  const seen = new Map<string, string>();
  for (const [name, s] of Object.entries(loadSnippets())) {
    for (const p of asList(s.prefix)) {
      assert.ok(!seen.has(p), `prefix ${p} used by both ${seen.get(p)} and ${name}`);
      seen.set(p, name);
    }
  }
});

test('snippets: every body is well-formed snippet syntax with tabstops numbered from 1 without gaps', () => {
  for (const [name, s] of Object.entries(loadSnippets())) {
    const text = bodyText(s);
    let nodes: SnippetNode[] = [];
    assert.doesNotThrow(() => {
      nodes = parseSnippet(text);
    }, `${name}`);
    const indices = new Set<number>();
    let finals = 0;
    walk(nodes, (n) => {
      if (n.kind === 'tabstop' || n.kind === 'choice') {
        if (n.index === 0) finals++;
        else indices.add(n.index);
      }
    });
    assert.ok(finals <= 1, `${name}: $0 more than once`);
    const sorted = [...indices].sort((a, b) => a - b);
    assert.deepEqual(sorted, sorted.map((_, k) => k + 1), `${name}: tabstops ${sorted.join(',')}`);
    // Every tabstop that is only mirrored somewhere must have its defining occurrence too.
    const defined = new Set<number>();
    walk(nodes, (n) => {
      if ((n.kind === 'tabstop' && n.children) || n.kind === 'choice') defined.add(n.index);
    });
    for (const k of sorted) {
      const bare = !defined.has(k);
      // A bare $k is fine when it is the only occurrence (an empty tabstop).
      if (bare) {
        let count = 0;
        walk(nodes, (n) => {
          if (n.kind === 'tabstop' && n.index === k) count++;
        });
        assert.equal(count, 1, `${name}: $${k} mirrors a tabstop that has no default anywhere`);
      }
    }
  }
});

test('snippets: expanded text uses full-width punctuation and no stray ASCII commas between Chinese characters', () => {
  for (const [name, s] of Object.entries(loadSnippets())) {
    const out = expand(bodyText(s), SAMPLE_VARS);
    assert.doesNotMatch(out, /\p{Script=Han}[,;:?!]\p{Script=Han}/u, `${name}: ${out}`);
    assert.doesNotMatch(out, /\p{Script=Han}\(|\)\p{Script=Han}/u, `${name}: half-width parentheses in ${out}`);
  }
});

// ---------------------------------------------------------------- the skeletons

function headingLines(text: string): string[] {
  return text.split('\n').filter((l) => /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/.test(l));
}

test('述职报告 skeleton: title, salutation, opening, the three required sections in order, closing, signature and date', () => {
  const s = findByPrefix(loadSnippets(), 'shuzhi');
  assert.ok(asList(s.prefix).includes('述职报告'));
  const out = expand(bodyText(s), SAMPLE_VARS);
  const lines = out.split('\n');
  assert.match(lines[0], /^2024年度.*述职报告$/);
  assert.match(out, /^.*(同志们|代表|评委)：$/m, 'salutation');
  assert.match(out, /现将.*情况汇报如下：$/m, 'opening sentence');
  const top = headingLines(out).filter((l) => /^[一二三四五六七八九十]+、/.test(l));
  assert.deepEqual(top, ['一、履职情况', '二、存在的问题和不足', '三、下一步工作打算']);
  // Each section has （一） children, numbering restarting under each parent.
  const sections = out.split(/^[一二三]、.*$/m).slice(1);
  assert.equal(sections.length, 3);
  for (const body of sections) assert.match(body, /^（一）/m);
  assert.match(out, /以上报告，请予审议。/);
  assert.match(out, /^述职人：/m);
  assert.match(lines.at(-1) === '' ? lines.at(-2)! : lines.at(-1)!, /^2024年3月5日$/);
  // The year typed in the title is mirrored into the opening sentence.
  assert.match(out, /^2024年，在/m);
});

test('工作总结 and 述责述廉 skeletons: sections in order, dated', () => {
  const all = loadSnippets();
  const summary = expand(bodyText(findByPrefix(all, '工作总结')), SAMPLE_VARS);
  assert.deepEqual(
    headingLines(summary).filter((l) => /^[一二三四]、/.test(l)),
    ['一、主要工作完成情况', '二、取得的成效和经验', '三、存在的问题和不足', '四、下一步工作计划'],
  );
  assert.match(summary, /^2024年度工作总结$/m);
  assert.match(summary, /^2024年3月5日$/m);

  const integrity = expand(bodyText(findByPrefix(all, '述责述廉')), SAMPLE_VARS);
  const top = headingLines(integrity).filter((l) => /^[一二三四]、/.test(l));
  assert.equal(top.length, 4);
  assert.match(top[0], /主体责任/);
  assert.match(top[1], /廉洁自律/);
  assert.match(top[2], /问题/);
  assert.match(integrity, /^2024年度述责述廉报告$/m);
});

test('heading snippets produce the standard marker of each level', () => {
  const all = loadSnippets();
  assert.match(expand(bodyText(findByPrefix(all, '一级标题')), SAMPLE_VARS), /^一、\S/);
  assert.match(expand(bodyText(findByPrefix(all, '二级标题')), SAMPLE_VARS), /^（一）\S/);
  assert.match(expand(bodyText(findByPrefix(all, '三级标题')), SAMPLE_VARS), /^1\.\S/);
  assert.match(expand(bodyText(findByPrefix(all, '四级标题')), SAMPLE_VARS), /^（1）\S/);
});

test('paid-marker snippets wrap the selection in canonical markers, in both forms, and insert a page break', () => {
  const all = loadSnippets();
  const vars = { ...SAMPLE_VARS, TM_SELECTED_TEXT: '付费正文' };
  assert.equal(expand(bodyText(findByPrefix(all, 'paid')), vars), '##paidbegin##付费正文##paidend##');
  assert.equal(expand(bodyText(findByPrefix(all, 'paidblock')), vars), '##paidbegin##\n付费正文\n##paidend##\n');
  assert.equal(expand(bodyText(findByPrefix(all, 'paiddollar')), vars), '$$paidbegin$$付费正文$$paidend$$');
  assert.equal(expand(bodyText(findByPrefix(all, '分页')), vars), '##pagebreak##');
});

test('snippets hold structure only (skeletons, headings, markers): phrases are offered once, by phrase completion', () => {
  const all = loadSnippets();
  const phraseHan = PHRASES.map((p) => hanOf(p.label));
  for (const [name, s] of Object.entries(all)) {
    const out = expand(bodyText(s), SAMPLE_VARS);
    const structure = headingLines(out).length > 0 || /paid|pagebreak/.test(out);
    assert.ok(structure, `${name} is a phrase: it belongs in phrase completion`);
    // And no snippet expands to a phrase of its own (a heading snippet with a phrase's text).
    const han = hanOf(out.replace(/^.*标题$/gm, ''));
    if (headingLines(out).length <= 1) assert.ok(!phraseHan.includes(han), `${name} repeats a phrase`);
  }
  const labels = PHRASES.map((p) => p.label).join('\n');
  for (const want of ['汇报如下：', '一年来，', '的坚强领导下', '成效', '存在的问题和不足主要有', '下一步，我将', '以上报告，请予审议。', '批评指正']) {
    assert.ok(labels.includes(want), `no phrase with ${want}`);
  }
});
