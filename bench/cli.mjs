// Benchmark of the `report` command line (run `npm run bench:cli`; needs dist/ from `npm run build`):
//  1. the real corpus (/work/shared/corpus, REPORT_CORPUS or --corpus, when present): the time
//     `report check` reports for itself after Node has started (REPORT_TIMING=1), and its wall time next
//     to a bare `node -e 0`;
//  2. a generated tree of 1,000 report files (UTF-8, GBK, CRLF, 1–40 KB) checked on one thread
//     (`--concurrency off`) and on worker threads (`--concurrency auto`, or --threads N): files per second
//     after Node has started, and CPU time, of each; and
//     the two JSON outputs must be equal.
// Figures are medians of several runs; other work on the machine slows every figure (compare ratios).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' }, corpus: { type: 'string' }, threads: { type: 'string' } } });
const FILES = Number(values.files);
const RUNS = Number(values.runs);
const CLI = join(process.cwd(), 'dist', 'cli.js');
if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Runs node ARGS: wall time, and (for the command line) its own figures: ms after Node started, CPU ms. */
function timed(args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, REPORT_TIMING: '1' }, ...opts });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const m = /timing: node [\d.]+ ms, report ([\d.]+) ms, cpu ([\d.]+) ms/.exec(r.stderr);
  return { ms, after: m ? Number(m[1]) : NaN, cpu: m ? Number(m[2]) : NaN, stdout: r.stdout };
}

function nodeStart() {
  return median(Array.from({ length: RUNS }, () => timed(['-e', '0']).ms));
}

// ---- 1. the corpus ------------------------------------------------------------------------------------------
const corpus = values.corpus ?? process.env.REPORT_CORPUS ?? '/work/shared/corpus';
const bare = nodeStart();
console.log(`node -e 0: ${bare.toFixed(0)} ms (median of ${RUNS})`);
if (existsSync(corpus)) {
  const glob = join(corpus, '[0-9]*');
  const runs = Array.from({ length: RUNS }, () => timed([CLI, 'check', glob, '--format', 'json', '--concurrency', 'off']));
  const files = JSON.parse(runs[0].stdout).files.length;
  const bytes = JSON.parse(runs[0].stdout).files.reduce((n, f) => n + readFileSync(join(corpus, f.path.split('/').pop())).length, 0);
  const wall = median(runs.map((r) => r.ms));
  console.log(
    `corpus: ${files} files, ${(bytes / 1024).toFixed(0)} KiB: report check ${wall.toFixed(0)} ms wall, ` +
      `${median(runs.map((r) => r.after)).toFixed(0)} ms after Node start (bundle loading included), ${median(runs.map((r) => r.cpu)).toFixed(0)} ms CPU in all`,
  );
} else {
  console.log(`corpus: ${corpus} not found, skipped`);
}

// ---- 2. a tree of many files ---------------------------------------------------------------------------------
const seeds = ['examples/2024年度述职报告.report', 'examples/工作总结示例.report', 'test/fixtures/sample.report'].map((f) => readFileSync(f, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'report-cli-bench-'));
try {
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `dept-${String(i % 20).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const seed = seeds[i % seeds.length];
    // 1 to 16 copies of the seed: files from about 1 KB to about 40 KB, like real reports.
    let text = Array.from({ length: 1 + (i % 16) }, () => seed).join('\n');
    if (i % 5 === 1) text = text.replace(/\n/g, '\r\n');
    const data = i % 7 === 3 ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    bytes += data.length;
    writeFileSync(join(sub, i % 2 ? `${i}-工作总结.txt` : `${i}.report`), data);
  }
  console.log(`tree: ${FILES} files, ${(bytes / 1048576).toFixed(1)} MiB, ${availableParallelism()} cores`);
  const run = (concurrency) => {
    const rs = Array.from({ length: Math.max(3, RUNS - 2) }, () => timed([CLI, 'check', dir, '--format', 'json', '--concurrency', concurrency]));
    return { ms: median(rs.map((r) => r.after)), cpu: median(rs.map((r) => r.cpu)), out: rs[0].stdout };
  };
  const one = run('off');
  const many = run(values.threads ?? 'auto');
  const a = JSON.parse(one.out);
  const b = JSON.parse(many.out);
  if (JSON.stringify(a.files) !== JSON.stringify(b.files)) throw new Error('parallel and sequential results differ');
  const problems = a.summary.errors + a.summary.warnings + a.summary.infos + a.summary.hints;
  const rate = (ms) => (FILES / (ms / 1000)).toFixed(0);
  console.log(`  one thread:     ${one.ms.toFixed(0)} ms after Node start, ${rate(one.ms)} files/s, ${one.cpu.toFixed(0)} ms CPU (${problems} problems)`);
  console.log(`  worker threads: ${many.ms.toFixed(0)} ms after Node start, ${rate(many.ms)} files/s, ${many.cpu.toFixed(0)} ms CPU (same results)`);
  console.log(`  speed-up: ${(one.ms / many.ms).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
