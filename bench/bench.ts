// Benchmark: parse + every feature of the language server on reports from 5 KB to 5 MB, side by side
// with autocorrect-node's lintFor (a native CJK text linter) on the same text in the same run.
// Run with `npm run bench` (`npm run bench -- --rules` adds each rule's time at 1 MiB). Figures are medians
// of repeated runs (least times in the phase and rule lines); compare ratios, not absolute times, and run
// on an idle machine: other work on it slows every figure.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../server/src/core/analysis';
import { DEFAULT_CONFIG, resolveConfig } from '../server/src/core/config';
import { fixAll } from '../server/src/core/fix';
import { lint } from '../server/src/core/lint';
import { parse } from '../server/src/core/parser';
import { proseSpans } from '../server/src/core/prose';
import { RULES } from '../server/src/core/rules';
import { siblingGroups } from '../server/src/core/rules/heading-groups';
import { markIndex, proseIndex } from '../server/src/core/rules/punct-util';
import { statistics } from '../server/src/core/stats';
import { toDiagnostic } from '../server/src/lsp/diagnostics';
import { semanticTokens } from '../server/src/lsp/semantic';
import { documentSymbols, foldingRanges } from '../server/src/lsp/symbols';

interface LintResult {
  lines: unknown[];
  error: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocorrect = require('autocorrect-node') as {
  lintFor(text: string, filename: string): LintResult;
  formatFor(text: string, filename: string): string;
};

const gc = (globalThis as { gc?: () => void }).gc;

const seed = readFileSync(join(process.cwd(), 'examples', '2024年度述职报告.report'), 'utf8');

/**
 * A report of about `bytes` UTF-8 bytes, shaped like a long real one: the example's title and preamble,
 * then its sections repeated under numbered part titles (so numbering restarts correctly), with the
 * example's blanks and one paid region kept only in the first part, and its closing at the end.
 */
function makeReport(bytes: number): string {
  const lines = seed.replace(/\r\n/g, '\n').split('\n');
  const head = lines.slice(0, 3).join('\n') + '\n';
  const body = lines.slice(3, -3).join('\n') + '\n';
  const clean = body.replace(/##paid\w+##/g, '').replace(/x+/g, '12');
  const tail = lines.slice(-3).join('\n');
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 1; size < bytes; i++) {
    const part = `第${i}部分\n` + (i === 1 ? body : clean);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  parts.push(tail);
  return parts.join('');
}

/**
 * The text cut at line breaks into pieces of at most `max` UTF-16 units. autocorrect-node's parser gives
 * up on long texts ("call limit reached", from about 280 000 characters of this report on), returning
 * no results and formatting nothing; fed in pieces it checks the whole text.
 */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let s = 0;
  while (s < text.length) {
    let e = Math.min(text.length, s + max);
    if (e < text.length) {
      const nl = text.lastIndexOf('\n', e - 1);
      if (nl >= s) e = nl + 1;
    }
    out.push(text.slice(s, e));
    s = e;
  }
  return out;
}
const PIECE = 64 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs fn repeatedly (at least 5 times, up to 60 or the time budget) and returns the times in ms. The
 * heap is collected first (with --expose-gc), so that no series pays for the garbage of the one before.
 */
function samples(fn: () => void, budgetMs: number): number[] {
  gc?.();
  const out: number[] = [];
  const start = performance.now();
  while (out.length < 5 || (performance.now() - start < budgetMs && out.length < 60)) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const time = (fn: () => void, budgetMs: number): number => median(samples(fn, budgetMs));

/** What the server does for a document: parse, lint, and every feature it offers on the analysis. */
function ours(text: string): void {
  const doc = TextDocument.create('file:///bench.report', 'report', 1, text);
  const a = new Analysis(text, DEFAULT_CONFIG);
  a.problems.map((p) => toDiagnostic(doc, p, 'zh'));
  documentSymbols(doc, a.model, 'zh');
  foldingRanges(a.model);
  semanticTokens(a.model);
  statistics(a.model);
}

const PHASES = ['document', 'parse', 'rules', 'diagnostics', 'symbols', 'folding', 'semantic tokens', 'statistics'] as const;

/** The same work as ours(), each phase timed on its own; the least time of each over repeated runs. */
function phases(text: string, budgetMs: number): Record<(typeof PHASES)[number], number> {
  const best = Object.fromEntries(PHASES.map((p) => [p, Infinity])) as Record<(typeof PHASES)[number], number>;
  const lap = (phase: (typeof PHASES)[number], fn: () => void) => {
    const t0 = performance.now();
    fn();
    best[phase] = Math.min(best[phase], performance.now() - t0);
  };
  samples(() => {
    let doc!: TextDocument;
    // The LSP library's document and its line index (built on the first position asked of it, once per
    // document: an editing session keeps it up to date).
    lap('document', () => (doc = TextDocument.create('file:///bench.report', 'report', 1, text)).positionAt(0));
    let a!: Analysis;
    lap('parse', () => (a = new Analysis(text, DEFAULT_CONFIG)));
    lap('rules', () => a.problems);
    lap('diagnostics', () => a.problems.map((p) => toDiagnostic(doc, p, 'zh')));
    lap('symbols', () => documentSymbols(doc, a.model, 'zh'));
    lap('folding', () => foldingRanges(a.model));
    lap('semantic tokens', () => semanticTokens(a.model));
    lap('statistics', () => statistics(a.model));
  }, budgetMs);
  return best;
}

const sizes = [5e3, 5e4, 5e5, 1 << 20, 5e6];
const rows: string[][] = [];
const phaseLines: string[] = [];
const notes = new Set<string>();
console.log('Report language server benchmark (median of repeated runs, same process, same text)\n');
for (const size of sizes) {
  const text = makeReport(size);
  const kib = `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
  const mb = Buffer.byteLength(text) / (1 << 20);
  const budget = size > 1e6 ? 3000 : 1500;
  ours(text); // warm-up
  const tParse = time(() => new Analysis(text, DEFAULT_CONFIG), budget);
  const tAll = time(() => ours(text), budget);
  const ph = phases(text, budget);
  phaseLines.push(`${kib.padStart(9)}: ` + PHASES.map((p) => `${p} ${ph[p].toFixed(2)}`).join(' · '));
  // The heap and the typed arrays' buffers (the character index) the analysis keeps.
  const used = () => {
    // Twice: a collection can leave garbage that only the next one frees.
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const before = used();
  const kept = new Analysis(text, DEFAULT_CONFIG);
  void kept.problems.length;
  const mem = (used() - before) / (1 << 20);
  const tFix = size <= 1 << 20 ? time(() => fixAll(text, DEFAULT_CONFIG), budget) : NaN;

  // The peer, on the whole text and on pieces of it.
  const whole = autocorrect.lintFor(text, 'bench.txt'); // warm-up, and the check that it did the work
  const tPeer = time(() => autocorrect.lintFor(text, 'bench.txt'), budget);
  const parts = pieces(text, PIECE);
  for (const p of parts) autocorrect.lintFor(p, 'bench.txt');
  const tPieces = time(() => {
    for (const p of parts) autocorrect.lintFor(p, 'bench.txt');
  }, budget);
  const found = parts.reduce((n, p) => n + autocorrect.lintFor(p, 'bench.txt').lines.length, 0);
  const failed = whole.error !== '' || (whole.lines.length === 0 && found > 0);
  if (failed) {
    const reason = whole.error.split('\n').find((l) => l.includes('='))?.replace(/^\s*=\s*/, '') ?? 'no results';
    const formatted = autocorrect.formatFor(text, 'bench.txt') !== text;
    notes.add(
      `✗ lintFor gave up on the whole text (error "${reason}", ${whole.lines.length} results where the pieces find ${found})` +
        `${formatted ? '' : '; formatFor returns such a text unchanged'}: its time is that of failing, and "peer ÷ ours" uses the pieces.`,
    );
  }
  const peer = failed ? tPieces : tPeer;
  rows.push([
    kib,
    tParse.toFixed(2),
    tAll.toFixed(2),
    (mb / (tAll / 1000)).toFixed(0),
    Number.isNaN(tFix) ? '—' : tFix.toFixed(1),
    gc ? mem.toFixed(1) : 'n/a',
    tPeer.toFixed(2) + (failed ? ' ✗' : ''),
    tPieces.toFixed(2),
    (peer / tAll).toFixed(1) + '×',
  ]);
  void kept;
}
const header = [
  'size', 'parse ms', 'parse+all features ms', 'MiB/s', 'fix-all ms', 'model MiB',
  'autocorrect lintFor ms', `lintFor on ${PIECE / 1024}K-char pieces ms`, 'peer ÷ ours',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log('\n"parse+all features" = parse, every rule, diagnostics, document symbols, folding ranges, semantic tokens and statistics.');
console.log('"peer ÷ ours" > 1 means this server is that many times faster than autocorrect-node on the same text.');
for (const n of notes) console.log(n);
console.log('\nPhases (least ms over the runs; "document" is vscode-languageserver-textdocument making the document and its line index):');
for (const l of phaseLines) console.log(l);

/**
 * Each rule alone on the 1 MiB report, after the indexes the rules share (timed apart); every run on a
 * fresh parse, so nothing is left over from the run before. Rules off by default run as hints.
 */
function ruleTimes(text: string): void {
  const config = resolveConfig({ rules: Object.fromEntries(RULES.filter((r) => r.meta.defaultSeverity === 'off').map((r) => [r.meta.id, 'hint'])) });
  const shared: [string, (m: ReturnType<typeof parse>) => unknown][] = [
    ['(prose spans)', proseSpans],
    ['(prose index)', proseIndex],
    ['(mark index)', markIndex],
    ['(heading groups)', siblingGroups],
  ];
  const best = new Map<string, number>();
  const lap = (name: string, fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    best.set(name, Math.min(best.get(name) ?? Infinity, dt));
  };
  for (let run = 0; run < 23; run++) {
    if (run === 3) best.clear(); // the first runs warm every rule up
    const model = parse(text, config.parse);
    for (const [name, fn] of shared) lap(name, () => fn(model));
    for (const r of RULES) lap(r.meta.id, () => lint(model, config, { only: new Set([r.meta.id]) }));
  }
  const rows = [...best].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((n, [, t]) => n + t, 0);
  console.log(`\nRules at ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB (least ms over 20 runs, shared indexes in parentheses; ${total.toFixed(2)} ms in all):`);
  for (let i = 0; i < rows.length; i += 4) console.log('  ' + rows.slice(i, i + 4).map(([n, t]) => `${n} ${t.toFixed(2)}`).join(' · '));
}
if (process.argv.includes('--rules')) ruleTimes(makeReport(1 << 20));
