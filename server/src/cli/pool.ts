// Checking many files on all cores: worker threads that each run their own report service on batches of
// files handed out as they finish. The results come back in the order of the files; a run on one thread
// gives the same results (a test compares them).

import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createChecker, type CheckOptions, type FileResult, type Source } from './check';

/**
 * From this many files on, `--concurrency auto` checks on worker threads. Each worker costs 0.1–0.5 s of CPU
 * (loading the program, warming up the compiler in its own isolate) and a small report about 2.5 ms to
 * check, so for fewer files one thread finishes about as soon or sooner (bench/cli.mjs measures both).
 */
export const PARALLEL_FROM = 200;
/** Each worker thread should get at least this many files. */
const FILES_PER_THREAD = 100;
const MAX_THREADS = 16;

/** The threads `--concurrency auto` uses for a number of files. */
export function autoThreads(files: number): number {
  if (files < PARALLEL_FROM) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(files / FILES_PER_THREAD)));
}

interface WorkerData {
  reportCheckWorker: true;
  options: CheckOptions;
}

type ToWorker = { batch: [number, Source][] };
type FromWorker = { results: [number, FileResult][]; warnings: string[] } | { failed: string };

/** Runs the worker side when this script was started as a check worker; false on the main thread. */
export function runAsWorker(): boolean {
  const data = workerData as WorkerData | undefined;
  if (isMainThread || !data?.reportCheckWorker || !parentPort) return false;
  const port = parentPort;
  const checker = createChecker(data.options);
  port.on('message', (msg: ToWorker) => {
    void (async () => {
      try {
        const results: [number, FileResult][] = [];
        for (const [i, source] of msg.batch) results.push([i, await checker.check(source)]);
        port.postMessage({ results, warnings: checker.takeWarnings() } satisfies FromWorker);
      } catch (e) {
        port.postMessage({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
      }
    })();
  });
  return true;
}

export interface RunResult {
  results: FileResult[];
  warnings: string[];
  threads: number;
}

async function sequential(sources: readonly Source[], options: CheckOptions): Promise<RunResult> {
  const checker = createChecker(options);
  const results: FileResult[] = [];
  for (const s of sources) results.push(await checker.check(s));
  return { results, warnings: checker.takeWarnings(), threads: 1 };
}

/**
 * Checks the files on `threads` threads (1: on this one). `script` is the file that runs `runAsWorker()`
 * first thing (the bundled command line itself).
 */
export async function checkAll(sources: readonly Source[], options: CheckOptions, threads: number, script: string): Promise<RunResult> {
  threads = Math.min(threads, sources.length);
  if (threads <= 1) return sequential(sources, options);
  const results: FileResult[] = new Array(sources.length);
  const warnings: string[] = [];
  const batchSize = Math.max(1, Math.min(16, Math.ceil(sources.length / (threads * 8))));
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (w: Worker): boolean => {
        if (next >= sources.length) return false;
        const batch: [number, Source][] = [];
        for (; next < sources.length && batch.length < batchSize; next++) batch.push([next, sources[next]]);
        w.postMessage({ batch } satisfies ToWorker);
        return true;
      };
      for (let k = 0; k < threads; k++) {
        const w = new Worker(script, { workerData: { reportCheckWorker: true, options } satisfies WorkerData, stdout: false, stderr: false });
        workers.push(w);
        running++;
        w.on('message', (m: FromWorker) => {
          if ('failed' in m) return reject(new Error(m.failed));
          for (const [i, r] of m.results) results[i] = r;
          warnings.push(...m.warnings);
          if (!feed(w)) {
            running--;
            if (running === 0) resolve();
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a check worker stopped with exit code ${code}`));
        });
        if (!feed(w)) running--;
      }
      if (running === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { results, warnings: [...new Set(warnings)], threads };
}
