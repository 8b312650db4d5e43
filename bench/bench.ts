// Benchmark: parse + every feature of the language server on reports from 5 KB to 5 MB, side by side
// with autocorrect-node's lintFor (a native CJK text linter) on the same text in the same run.
// Run with `npm run bench`. Figures are medians of repeated runs; compare ratios, not absolute times.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../server/src/core/analysis';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { fixAll } from '../server/src/core/fix';
import { statistics } from '../server/src/core/stats';
import { toDiagnostic } from '../server/src/lsp/diagnostics';
import { semanticTokens } from '../server/src/lsp/semantic';
import { documentSymbols, foldingRanges } from '../server/src/lsp/symbols';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocorrect = require('autocorrect-node') as { lintFor(text: string, filename: string): { lines: unknown[] } };

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, budgetMs: number): number {
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 3 || (performance.now() - start < budgetMs && samples.length < 50)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function ours(text: string): void {
  const doc = TextDocument.create('file:///bench.report', 'report', 1, text);
  const a = new Analysis(text, DEFAULT_CONFIG);
  a.problems.map((p) => toDiagnostic(doc, p, 'zh'));
  documentSymbols(doc, a.model, 'zh');
  foldingRanges(a.model);
  semanticTokens(a.model);
  statistics(a.model);
}

const gc = (globalThis as { gc?: () => void }).gc;
const sizes = [5e3, 5e4, 5e5, 1 << 20, 5e6];
const rows: string[][] = [];
console.log('Report language server benchmark (median of repeated runs, same process, same text)\n');
for (const size of sizes) {
  const text = makeReport(size);
  const mb = Buffer.byteLength(text) / (1 << 20);
  const budget = size > 1e6 ? 3000 : 1500;
  ours(text); // warm-up
  const tParse = time(() => new Analysis(text, DEFAULT_CONFIG), budget);
  const tAll = time(() => ours(text), budget);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = new Analysis(text, DEFAULT_CONFIG);
  void kept.problems.length;
  gc?.();
  const mem = (process.memoryUsage().heapUsed - before) / (1 << 20);
  const tFix = size <= 1 << 20 ? time(() => fixAll(text, DEFAULT_CONFIG), budget) : NaN;
  autocorrect.lintFor(text, 'bench.txt'); // warm-up
  const tPeer = time(() => autocorrect.lintFor(text, 'bench.txt'), budget);
  rows.push([
    `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`,
    tParse.toFixed(2),
    tAll.toFixed(2),
    (mb / (tAll / 1000)).toFixed(0),
    Number.isNaN(tFix) ? '—' : tFix.toFixed(1),
    gc ? mem.toFixed(1) : 'n/a',
    tPeer.toFixed(2),
    (tPeer / tAll).toFixed(1) + '×',
  ]);
  void kept;
}
const header = ['size', 'parse ms', 'parse+all features ms', 'MiB/s', 'fix-all ms', 'model MiB', 'autocorrect lintFor ms', 'peer ÷ ours'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log('\n"parse+all features" = parse, every rule, diagnostics, document symbols, folding ranges, semantic tokens and statistics.');
console.log('"peer ÷ ours" > 1 means this server is that many times faster than autocorrect-node on the same text.');
