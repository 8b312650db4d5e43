// Loads the server's bundles (CommonJS files) with V8's code cache: the bytecode of the functions a
// previous run compiled is read from a file instead of compiling the source again, which takes about a
// third of the server's start-up and part of the first analysis. Node 20 has no module.enableCompileCache;
// this is what v8-compile-cache does, for our own files only.
//
// The cache is kept only where no other user can write: a directory owned by this user that neither the
// group nor others may write, and files of this user alike (opened without following a link). A cache
// file carries the SHA-256 of the source it was made from and of its payload: one made from another
// build, truncated or damaged is never given to V8, and V8 rejects one of another V8 or other flags
// itself. Whatever goes wrong (no such directory, a read-only disk, a rejected cache) the bundle is
// loaded as `require` would: the cache never stops the server from starting.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** `REPORT_SERVER_CODE_CACHE`: a directory for the cache, or `off`; default a directory of this user's in the temporary directory. */
export const CACHE_ENV = 'REPORT_SERVER_CODE_CACHE';
/** `REPORT_SERVER_CODE_CACHE_TRACE=1` writes what happened to each bundle's cache on stderr. */
export const TRACE_ENV = 'REPORT_SERVER_CODE_CACHE_TRACE';

const MAGIC = Buffer.from('RLCC0001', 'latin1');
const HEADER = MAGIC.length + 4 + 32 + 32;
/** Set in a cache written once the server had run for a while (see SETTLE_MS); one written at exit is made again next time. */
const COMPLETE = 1;
/** A cache larger than this is not read. */
const MAX_CACHE = 64 * 1024 * 1024;
/**
 * How long after a bundle was loaded its cache is made: by then the server has answered initialize and
 * usually analysed the first document, so the cache holds the bytecode of what a start-up runs. A server
 * that exits earlier writes what it has at exit, marked incomplete.
 */
const SETTLE_MS = 2000;
/** Caches older than this many days are removed when a cache is written (those of builds no longer started). */
const PRUNE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/**
 * What became of a bundle's cache: `used`; `used, incomplete` (made at an early exit: made again); or why it
 * was not: `absent`, `stale` (made from another build), `damaged` (not what was written), `unsafe` (a file
 * others could write, or another user's), `rejected` (by V8: another V8, other flags, another source).
 */
export type CacheOutcome = 'used' | 'used, incomplete' | 'absent' | 'stale' | 'damaged' | 'unsafe' | 'rejected';

const sha256 = (data: Buffer | Uint8Array): Buffer => createHash('sha256').update(data).digest();

function trace(message: string): void {
  if (process.env[TRACE_ENV] !== '1') return;
  try {
    process.stderr.write(`[code cache] ${message}\n`);
  } catch {
    // nothing to tell
  }
}

/** Milliseconds for the trace (not `performance.now()`: the first use of `performance` loads perf_hooks, ≈ 1 ms of a start). */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** Whether a file or directory's status shows that only this user can write it (POSIX; on Windows the directory is the user's own). */
function ownOnly(st: { uid: number; mode: number }): boolean {
  if (uid === undefined) return true;
  return st.uid === uid && (st.mode & 0o022) === 0;
}

let cacheDir: string | null | undefined;

/** The cache directory, created if need be, or null when there is none this user alone can write. */
export function codeCacheDir(): string | null {
  if (cacheDir !== undefined) return cacheDir;
  cacheDir = null;
  const asked = process.env[CACHE_ENV];
  if (asked === 'off' || asked === '0') return null;
  const dir = asked ? asked : join(tmpdir(), uid === undefined ? 'report-language' : `report-language-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || !ownOnly(st)) {
      trace(`${dir} is not a directory that only this user can write: no cache`);
      return null;
    }
    cacheDir = dir;
  } catch (e) {
    trace(`no cache directory: ${(e as Error).message}`);
  }
  return cacheDir;
}

/** Reads a file of this user's that only this user can write, without following a link; undefined otherwise. */
function readOwnFile(path: string): Buffer | undefined | 'unsafe' {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || !ownOnly(st)) return 'unsafe';
    if (st.size < HEADER || st.size > MAX_CACHE) return Buffer.alloc(0);
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The cache file's name: one per bundle path, Node version and V8 flags (a new build at the same path replaces it). */
function cacheFileOf(dir: string, file: string): string {
  const key = createHash('sha256').update([file, process.version, process.arch, process.execArgv.join(' ')].join('\0')).digest('hex').slice(0, 16);
  return join(dir, `${basename(file)}-${key}.cache`);
}

interface Loaded {
  outcome: CacheOutcome;
  script: Script;
}

/** Compiles `source` (the module wrapper around the bundle) with the cache in `cachePath` when it is sound. */
function compile(file: string, wrapped: string, sourceHash: Buffer, cachePath: string): Loaded {
  let outcome: CacheOutcome = 'absent';
  let cachedData: Buffer | undefined;
  const buf = readOwnFile(cachePath);
  if (buf === 'unsafe') outcome = 'unsafe';
  else if (buf) {
    if (buf.length < HEADER || !buf.subarray(0, MAGIC.length).equals(MAGIC)) outcome = 'damaged';
    else if (!buf.subarray(MAGIC.length + 4, MAGIC.length + 36).equals(sourceHash)) outcome = 'stale';
    else if (!buf.subarray(MAGIC.length + 36, HEADER).equals(sha256(buf.subarray(HEADER)))) outcome = 'damaged';
    else {
      cachedData = buf.subarray(HEADER);
      outcome = buf.readUInt32LE(MAGIC.length) & COMPLETE ? 'used' : 'used, incomplete';
    }
  }
  const script = new Script(wrapped, { filename: file, cachedData });
  if (cachedData && script.cachedDataRejected) outcome = 'rejected';
  return { outcome, script };
}

/** Writes the cache atomically (a new file of this user's renamed over the old one); errors are only traced. */
function writeCache(script: Script, sourceHash: Buffer, cachePath: string, complete: boolean): void {
  const tmp = `${cachePath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const data = script.createCachedData();
    const head = Buffer.alloc(HEADER);
    MAGIC.copy(head, 0);
    head.writeUInt32LE(complete ? COMPLETE : 0, MAGIC.length);
    sourceHash.copy(head, MAGIC.length + 4);
    sha256(data).copy(head, MAGIC.length + 36);
    writeFileSync(tmp, Buffer.concat([head, data]), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, cachePath);
    trace(`${basename(cachePath)}: written (${data.length} bytes${complete ? '' : ', incomplete'})`);
    if (complete) prune(dirname(cachePath));
  } catch (e) {
    trace(`${basename(cachePath)}: not written: ${(e as Error).message}`);
    try {
      unlinkSync(tmp);
    } catch {
      // not there
    }
  }
}

/** Removes the caches of builds not started for PRUNE_DAYS (a used cache is not written again: its age is that of its build's first runs) and leftovers of failed writes. */
function prune(dir: string): void {
  try {
    const today = Date.now();
    for (const name of readdirSync(dir)) {
      if (!/\.cache$|\.tmp$/.test(name)) continue;
      const path = join(dir, name);
      const st = lstatSync(path);
      if (st.isFile() && today - st.mtimeMs > (name.endsWith('.tmp') ? DAY : PRUNE_DAYS * DAY)) unlinkSync(path);
    }
  } catch {
    // another server prunes too, or the directory went away
  }
}

/**
 * A bundle's source: in the packaged extension a bundle is a stub that runs `<file>.br`, its Brotli-compressed
 * source (see esbuild.mjs); the cache is made from that source, not from the stub.
 */
function sourceOf(file: string): Buffer {
  const bytes = readFileSync(file);
  // Only the stub's compressed source: a development build beside an older package's .br files is itself.
  if (bytes.length < 1024 && bytes.includes('.br")') && existsSync(`${file}.br`)) {
    // zlib only where there is something to decompress: loading it costs a few milliseconds of start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { brotliDecompressSync } = require('node:zlib') as typeof import('node:zlib');
    return brotliDecompressSync(readFileSync(`${file}.br`));
  }
  return bytes;
}

/**
 * Runs a compiled module wrapper as Node would a CommonJS file; `require` may be replaced for the bundle's own
 * requires. The module goes into Node's module cache first, as `require` puts it: a bundle that another
 * requires in the usual way (the service requires dist/lsp.js) is then the same instance.
 */
function run(file: string, fn: (...args: unknown[]) => unknown, requireFor?: (req: NodeJS.Require) => NodeJS.Require): unknown {
  const mod = new Module(file, module);
  (Module as unknown as { _cache: Record<string, unknown> })._cache[file] = mod;
  mod.filename = file;
  (mod as unknown as { paths: string[] }).paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const req = createRequire(file);
  fn.call(mod.exports, mod.exports, requireFor ? requireFor(req) : req, mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/**
 * Loads a CommonJS bundle through the code cache and returns its exports (what `require(file)` returns);
 * `requireFor` gives the bundle another `require` (to load its sibling bundles the same way).
 */
export function loadCached(file: string, requireFor?: (req: NodeJS.Require) => NodeJS.Require): unknown {
  let prepared: { script: Script; fn: (...args: unknown[]) => unknown; sourceHash: Buffer; cachePath: string; outcome: CacheOutcome } | undefined;
  try {
    const dir = codeCacheDir();
    if (dir) {
      const bytes = sourceOf(file);
      const sourceHash = sha256(bytes);
      const cachePath = cacheFileOf(dir, file);
      const t0 = now();
      const { outcome, script } = compile(file, Module.wrap(bytes.toString('utf8').replace(/^#!.*/, '')), sourceHash, cachePath);
      trace(`${basename(file)}: compiled in ${(now() - t0).toFixed(1)} ms`);
      const fn = script.runInThisContext() as (...args: unknown[]) => unknown;
      prepared = { script, fn, sourceHash, cachePath, outcome };
    }
  } catch (e) {
    trace(`${basename(file)}: failed (${(e as Error).message}): loaded as it is`);
    prepared = undefined;
  }
  if (!prepared) {
    trace(`${basename(file)}: no cache`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  }
  const { script, fn, sourceHash, cachePath, outcome } = prepared;
  trace(`${basename(file)}: ${outcome}`);
  if (outcome !== 'used') {
    // Made once the server has run for a while, or at exit if it stops earlier (marked incomplete, made again next time).
    let written = false;
    const write = (complete: boolean) => {
      if (written) return;
      written = true;
      process.removeListener('exit', atExit);
      writeCache(script, sourceHash, cachePath, complete);
    };
    const atExit = () => write(false);
    process.on('exit', atExit);
    setTimeout(() => write(true), SETTLE_MS).unref();
  }
  const t0 = now();
  const exports = run(file, fn, requireFor);
  trace(`${basename(file)}: ran in ${(now() - t0).toFixed(1)} ms`);
  return exports;
}

