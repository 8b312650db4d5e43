// Benchmark, three parts, every figure printed and none asserted:
//  1. The analysis in one process, interleaved call by call with autocorrect-node's lintFor (a native CJK
//     text linter) on the same real report text — the corpus of published reports concatenated, GBK files
//     decoded as GB18030 — from 20 KB to 20 MiB: min and median of each, and the median of the pairwise
//     ratios. autocorrect-node gives up on long texts (after its first call in a process, from ≈ 250K
//     characters on): above PIECE characters it is fed pieces cut at line breaks, and the output says so.
//  2. The built language server (dist/server.js) over stdio: open, 50 one-character edits with the
//     diagnostics pulled after each, symbols, folding, semantic tokens, fix-all, 50 more edits (warm); wall time and the server's
//     CPU time (all its threads, from /proc/<pid>/task/*/schedstat), p50 and p95.
//  3. Start-up: spawn → initialize answered, against bare Node spawn → first output.
// Run with `npm run bench` (build first: `npm run build`); `-- --rules` adds each rule's time at 1 MiB,
// `-- --quick` stops at 1 MiB; `--no-analysis`, `--no-lsp`, `--no-startup` leave a part out. REPORT_BENCH_SERVER
// names another build of the server to measure, REPORT_BENCH_BASELINE one to start in turn with it. The machine's load average is printed beside the figures: compare ratios
// and CPU times, not absolute wall times, on a busy machine.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../server/src/core/analysis';
import { DEFAULT_CONFIG, resolveConfig } from '../server/src/core/config';
import { decodeReport } from '../server/src/core/decode';
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
const autocorrect = require('autocorrect-node') as { lintFor(text: string, filename: string): LintResult };

const gc = (globalThis as { gc?: () => void }).gc;
const args = new Set(process.argv.slice(2));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// ---- the text ------------------------------------------------------------------------------------------

const CORPUS = process.env.REPORT_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus');

/** The corpus files decoded (UTF-8, else GB18030), BOMs dropped; the examples when there is no corpus. */
function sources(): { name: string; text: string }[] {
  const dir = existsSync(CORPUS) ? CORPUS : join(process.cwd(), 'examples');
  const files = readdirSync(dir).filter((f) => /\.(txt|md|report)$/.test(f)).sort();
  return files.map((f) => ({ name: f, text: decodeReport(readFileSync(join(dir, f))).replace(/^\uFEFF/, '') }));
}
const SOURCES = sources();
const SOURCE_DIR = existsSync(CORPUS) ? CORPUS : 'examples/';

/** About `bytes` UTF-8 bytes of real report text: the source files one after another, cycling, cut at a line break. */
function reportOf(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = SOURCES[i % SOURCES.length].text;
    const room = bytes - size;
    const tb = Buffer.byteLength(t) + 2;
    if (tb <= room) {
      parts.push(t, '\n\n');
      size += tb;
      continue;
    }
    // The last file in part: whole lines up to the size (at least one line).
    const lines = t.split('\n');
    let piece = '';
    for (const l of lines) {
      const lb = Buffer.byteLength(l) + 1;
      if (piece && size + lb > bytes) break;
      piece += l + '\n';
      size += lb;
    }
    parts.push(piece);
    break;
  }
  return parts.join('');
}

/** The text cut at line breaks into pieces of at most `max` UTF-16 units. */
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
/** autocorrect-node checks at most this many characters per call here (it gives up from ≈ 250K on). */
const PIECE = 200_000;

// ---- statistics ----------------------------------------------------------------------------------------

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs: number[]) => quantile(xs, 0.5);
const min = (xs: number[]) => Math.min(...xs);
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const r of rows) console.log(line(r));
}

// ---- part 1: the analysis against autocorrect-node, interleaved ----------------------------------------

/** A full analysis: the parse and every rule. */
const analyse = (text: string) => new Analysis(text, DEFAULT_CONFIG).problems.length;

function peerCheck(text: string): number {
  if (text.length <= PIECE) return autocorrect.lintFor(text, 'bench.txt').lines.length;
  let n = 0;
  for (const p of pieces(text, PIECE)) n += autocorrect.lintFor(p, 'bench.txt').lines.length;
  return n;
}

function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function analysisPart(): void {
  const sizes: [string, number][] = [['20 KB', 20e3], ['200 KB', 200e3], ['1 MiB', 1 << 20], ['5 MiB', 5 << 20], ['20 MiB', 20 << 20]];
  const rows: string[][] = [];
  const phaseLines: string[] = [];
  console.log(`Part 1 — full analysis (parse + every rule) against autocorrect-node ${'lintFor'}, interleaved call by call`);
  console.log(`text: ${SOURCES.length} files of ${SOURCE_DIR} concatenated (cycled to the size); load average ${load()}\n`);
  for (const [label, bytes] of sizes) {
    if (args.has('--quick') && bytes > 1 << 20) break;
    const text = reportOf(bytes);
    const big = bytes > 4 << 20;
    const pairs = big ? 7 : bytes > 500e3 ? 21 : 41;
    // Warm-up: both sides, a few times (the JIT), then the heap collected.
    for (let i = 0; i < (big ? 1 : 5); i++) {
      analyse(text);
      peerCheck(text);
    }
    gc?.();
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const peer: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      let a!: { wall: number; cpu: number };
      let b!: { wall: number; cpu: number };
      if (i % 2 === 0) {
        a = timed(() => analyse(text));
        b = timed(() => peerCheck(text));
      } else {
        b = timed(() => peerCheck(text));
        a = timed(() => analyse(text));
      }
      ours.push(a.wall);
      oursCpu.push(a.cpu);
      peer.push(b.wall);
      ratios.push(b.wall / a.wall);
    }
    // What one analysis keeps alive: the heap and the typed arrays' buffers, against the text's UTF-8 size.
    const used = () => {
      gc?.();
      gc?.();
      return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    };
    const before = used();
    const kept = new Analysis(text, DEFAULT_CONFIG);
    void kept.problems.length;
    const retained = used() - before;
    void kept.text;
    const mib = Buffer.byteLength(text) / (1 << 20);
    rows.push([
      label,
      f(mib, 2),
      f(min(ours)),
      f(median(ours)),
      f(median(oursCpu)),
      f(mib / (median(ours) / 1000), 0),
      // Below 1 MiB the figure drowns in what the collector leaves over from the runs before.
      gc && bytes >= 1 << 20 ? f(retained / Buffer.byteLength(text), 1) + '×' : '—',
      f(min(peer)),
      f(median(peer)),
      text.length > PIECE ? `${Math.ceil(text.length / PIECE)} pieces` : 'whole',
      f(median(ratios), 1) + '×',
      String(pairs),
      load().split(' ')[0],
    ]);
    if (bytes === 1 << 20) phaseLines.push(...phases(text), editLine(text));
  }
  table(['size', 'MiB', 'ours min ms', 'ours median ms', 'ours CPU ms', 'MiB/s', 'retained ÷ text', 'peer min ms', 'peer median ms', 'peer fed', 'median peer÷ours', 'pairs', 'load'], rows);
  console.log(`\n"peer fed": autocorrect-node gets the whole text up to ${PIECE / 1000}K characters, above that pieces of at most ${PIECE / 1000}K cut at line breaks (on the whole text it gives up and returns nothing).`);
  console.log('"median peer÷ours": the median of the ratios of each interleaved pair (> 1: this analysis is that many times faster).');
  console.log('"retained ÷ text": heap and buffers one analysis keeps alive (model, indexes, problems) over the text\'s UTF-8 size.');
  for (const l of phaseLines) console.log(l);
}

const PHASES = ['document', 'parse', 'rules', 'diagnostics', 'symbols', 'folding', 'semantic tokens', 'statistics'] as const;

/** Each phase of the server's work at one size, the least time over repeated runs. */
function phases(text: string): string[] {
  const best = Object.fromEntries(PHASES.map((p) => [p, Infinity])) as Record<(typeof PHASES)[number], number>;
  const lap = (phase: (typeof PHASES)[number], fn: () => void) => {
    const t0 = performance.now();
    fn();
    best[phase] = Math.min(best[phase], performance.now() - t0);
  };
  for (let i = 0; i < 15; i++) {
    let doc!: TextDocument;
    lap('document', () => (doc = TextDocument.create('file:///bench.report', 'report', 1, text)).positionAt(0));
    let a!: Analysis;
    lap('parse', () => (a = new Analysis(text, DEFAULT_CONFIG)));
    lap('rules', () => a.problems);
    lap('diagnostics', () => a.problems.map((p) => toDiagnostic(doc, p, 'zh')));
    lap('symbols', () => documentSymbols(doc, a.model, 'zh'));
    lap('folding', () => foldingRanges(a.model));
    lap('semantic tokens', () => semanticTokens(a.model));
    lap('statistics', () => statistics(a.model));
  }
  return [`\nPhases at 1 MiB in process (least ms of 15): ` + PHASES.map((p) => `${p} ${f(best[p])}`).join(' · ')];
}

/**
 * A one-character edit at 1 MiB in process: the analysis built on the previous one (incremental lint) and a
 * fresh one, interleaved, each edit at another place; the median of wall and CPU time of parse + lint.
 */
function editLine(text: string): string {
  const next = positions(20261130);
  let prev = new Analysis(text, DEFAULT_CONFIG);
  void prev.problems;
  let current = text;
  const inc: { wall: number; cpu: number }[] = [];
  const full: { wall: number; cpu: number }[] = [];
  const parseOnly: number[] = [];
  let dirty = 0;
  for (let i = 0; i < 41; i++) {
    const at = Math.floor(next() * current.length);
    current = current.slice(0, at) + (i % 2 ? '，' : '的') + current.slice(at);
    const edited = current;
    let made!: Analysis;
    const runInc = () => inc.push(timed(() => void (made = new Analysis(edited, DEFAULT_CONFIG, undefined, prev)).problems));
    const runFull = () => full.push(timed(() => void new Analysis(edited, DEFAULT_CONFIG).problems));
    if (i % 2) {
      runInc();
      runFull();
    } else {
      runFull();
      runInc();
    }
    const t0 = performance.now();
    void new Analysis(edited, DEFAULT_CONFIG);
    parseOnly.push(performance.now() - t0);
    dirty += made.incremental?.dirtyBlocks ?? 0;
    prev = made;
  }
  const m = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu') => f(median(xs.map((x) => x[k])));
  return (
    `One-character edit at 1 MiB in process (median of ${inc.length}, interleaved): incremental ${m(inc, 'wall')} ms (CPU ${m(inc, 'cpu')}), ` +
    `fresh ${m(full, 'wall')} ms (CPU ${m(full, 'cpu')}); parse alone ${f(median(parseOnly))} ms; block rules ran on ${f(dirty / inc.length, 1)} blocks per edit`
  );
}

// ---- part 2: the language server over stdio ----------------------------------------------------------

/** The built server; REPORT_BENCH_SERVER names another build (to compare two versions). */
const SERVER = process.env.REPORT_BENCH_SERVER ?? join(process.cwd(), 'dist', 'server.js');

/** CPU time of a process, all threads, in ms (schedstat in ns where the kernel has it, else clock ticks). */
function cpuOf(pid: number): number {
  try {
    let ns = 0;
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended
      }
    }
    if (ns > 0) return ns / 1e6;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

interface Lsp {
  proc: ChildProcess;
  conn: MessageConnection;
  /** ms from spawn to the initialize answer. */
  startup: number;
  /** The server's CPU time (ms, all threads) when it had answered initialize. */
  startupCpu: number;
  cpu(): number;
  stop(): Promise<void>;
}

async function startServer(server = SERVER): Promise<Lsp> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    locale: 'zh-cn',
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, resolveSupport: { properties: ['edit'] } } },
    },
  });
  const startup = performance.now() - t0;
  const startupCpu = cpuOf(proc.pid!);
  await conn.sendNotification('initialized', {});
  return {
    proc,
    conn,
    startup,
    startupCpu,
    cpu: () => cpuOf(proc.pid!),
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
    },
  };
}

interface Sample {
  wall: number;
  cpu: number;
}
async function measure(s: Lsp, fn: () => Promise<unknown>): Promise<Sample> {
  const c0 = s.cpu();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  return { wall, cpu: s.cpu() - c0 };
}

/** A deterministic choice of positions (a linear congruential generator). */
function positions(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

async function lspPart(): Promise<void> {
  if (!existsSync(SERVER)) {
    console.log('\nPart 2 — skipped: dist/server.js is missing (npm run build).');
    return;
  }
  console.log(`\nPart 2 — the language server over stdio (wall ms / server CPU ms, all threads); load average ${load()}\n`);
  const rows: string[][] = [];
  const sizes: [string, number][] = [['20 KB', 20e3], ['1 MiB', 1 << 20]];
  for (const [label, bytes] of sizes) {
    const text = reportOf(bytes);
    const s = await startServer();
    const uri = pathToFileURL(`/tmp/bench-${process.pid}-${bytes}.report`).toString();
    let version = 1;
    let resultId: string | undefined;
    let items = 0;
    const pull = async () => {
      const r = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId })) as { kind: string; resultId?: string; items?: unknown[] };
      resultId = r.resultId;
      if (r.kind === 'full') items = r.items!.length;
      return r;
    };
    const open = await measure(s, async () => {
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version, text } });
      await pull();
    });
    const openItems = items;
    // 50 one-character edits in the prose (inserting 的 after a character of a block's middle), each followed
    // by a pull of the diagnostics, as an editor does while typing.
    const doc = TextDocument.create(uri, 'report', version, text);
    const next = positions(bytes);
    const typing = async (n: number): Promise<{ samples: Sample[]; unchanged: number }> => {
      const samples: Sample[] = [];
      let unchanged = 0;
      for (let i = 0; i < n; i++) {
        let off = Math.floor(next() * doc.getText().length);
        const t = doc.getText();
        while (off < t.length && !/[\u4e00-\u9fff]/.test(t[off])) off++;
        const pos = doc.positionAt(off);
        const change = { range: { start: pos, end: pos }, text: '的' };
        TextDocument.update(doc, [change], ++version);
        samples.push(
          await measure(s, async () => {
            await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
            const r = await pull();
            if (r.kind === 'unchanged') unchanged++;
          }),
        );
      }
      return { samples, unchanged };
    };
    const cold = await typing(50);
    const feature = async (method: string, params: unknown, n = 5): Promise<Sample[]> => {
      const out: Sample[] = [];
      for (let i = 0; i < n; i++) {
        // A fresh version before each request, so that nothing is answered from a cache of the last one.
        const pos = doc.positionAt(Math.floor(next() * doc.getText().length));
        const change = { range: { start: pos, end: pos }, text: ' ' };
        TextDocument.update(doc, [change], ++version);
        await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await pull();
        out.push(await measure(s, () => s.conn.sendRequest(method, params)));
      }
      return out;
    };
    const symbols = await feature('textDocument/documentSymbol', { textDocument: { uri } });
    const folding = await feature('textDocument/foldingRange', { textDocument: { uri } });
    const tokens = await feature('textDocument/semanticTokens/full', { textDocument: { uri } });
    const fix = await feature('report/fixAll', { uri }, 3);
    // 50 more edits, now that the server has analysed the document some 70 times (the JIT has compiled the paths).
    const warm = await typing(50);
    await s.stop();
    const p = (xs: Sample[], k: 'wall' | 'cpu', q: number) => f(quantile(xs.map((x) => x[k]), q), 1);
    const row = (what: string, xs: Sample[]) => [label, what, String(xs.length), p(xs, 'wall', 0.5), p(xs, 'wall', 0.95), p(xs, 'cpu', 0.5), p(xs, 'cpu', 0.95)];
    rows.push(row(`open → ${openItems} diagnostics`, [open]));
    rows.push(row(`edit → diagnostics, first after open (${cold.unchanged} unchanged)`, cold.samples));
    rows.push(row(`edit → diagnostics, warm (${warm.unchanged} unchanged)`, warm.samples));
    rows.push(row('document symbols', symbols));
    rows.push(row('folding ranges', folding));
    rows.push(row('semantic tokens', tokens));
    rows.push(row('fix-all', fix));
    void items;
  }
  table(['size', 'request', 'n', 'wall p50', 'wall p95', 'CPU p50', 'CPU p95'], rows);
  console.log('Each server is fresh: "open" and the first edits include the cold JIT; the warm edits come after some 70 analyses. Edits are incremental didChange notifications, each followed by a diagnostic pull.');
}

// ---- part 3: start-up ------------------------------------------------------------------------------------

async function startupPart(): Promise<void> {
  if (!existsSync(SERVER)) return;
  const n = Number(process.env.REPORT_BENCH_STARTS ?? 10);
  const server: number[] = [];
  const serverCpu: number[] = [];
  const bare: number[] = [];
  const bareCpu: number[] = [];
  // REPORT_BENCH_BASELINE names another build of the server, started in turn with this one.
  const baseline = process.env.REPORT_BENCH_BASELINE;
  const base: number[] = [];
  const baseCpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-e', 'const c = process.cpuUsage(); process.stdout.write(String((c.user + c.system) / 1000))'], { stdio: ['ignore', 'pipe', 'ignore'] });
    bare.push(performance.now() - t0);
    bareCpu.push(Number(r.stdout.toString()));
    const s = await startServer();
    server.push(s.startup);
    serverCpu.push(s.startupCpu);
    await s.stop();
    if (baseline) {
      const b = await startServer(baseline);
      base.push(b.startup);
      baseCpu.push(b.startupCpu);
      await b.stop();
    }
  }
  console.log(`\nPart 3 — start-up (${n} runs; load average ${load()})`);
  table(
    ['what', 'wall min ms', 'wall median ms', 'wall p95 ms', 'CPU median ms'],
    [
      ['spawn → initialize answered', f(min(server), 1), f(median(server), 1), f(quantile(server, 0.95), 1), f(median(serverCpu), 1)],
      ...(baseline ? [[`baseline ${baseline}`, f(min(base), 1), f(median(base), 1), f(quantile(base, 0.95), 1), f(median(baseCpu), 1)]] : []),
      ['bare node: spawn → exit', f(min(bare), 1), f(median(bare), 1), f(quantile(bare, 0.95), 1), f(median(bareCpu), 1)],
    ],
  );
}

async function main(): Promise<void> {
  console.log(`Report language server benchmark — node ${process.version}, ${process.platform}, load average ${load()}\n`);
  if (!args.has('--no-analysis')) analysisPart();
  if (!args.has('--no-lsp')) await lspPart();
  if (!args.has('--no-startup')) await startupPart();
  if (args.has('--rules')) ruleTimes(reportOf(1 << 20));
}

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
void main();
