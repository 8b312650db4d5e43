// Protocol tests of the server's code cache (server/src/node/code-cache.ts): dist/server.js writes the
// cache of its bundles, the next start uses it, and a damaged, foreign, stale, unsafe or unreachable cache
// is never used: the server starts and answers as it does without one.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Diag } from './harness';

const SAMPLE = readFileSync(join(process.cwd(), 'test', 'fixtures', 'sample.report'), 'utf8');
const LSP_BUNDLE = join(process.cwd(), 'dist', 'server-lsp.js');
/** The cache file layout: magic (8 bytes), flags (4), SHA-256 of the source (32), SHA-256 of the payload (32), V8's data. */
const HEADER = 8 + 4 + 32 + 32;

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'report-code-cache-test-'));
  dirs.push(d);
  return d;
}

interface Run {
  /** What the server traced about each bundle's cache, e.g. { 'server-lsp.js': 'used' }. */
  outcomes: Record<string, string>;
  written: string[];
  items: Diag[];
  stderr: string;
}

/** Starts the server with `cache` as its cache setting, opens the sample, reads its diagnostics and stops it. */
async function run(cache: string): Promise<Run> {
  const s = await start({ env: { REPORT_SERVER_CODE_CACHE: cache, REPORT_SERVER_CODE_CACHE_TRACE: '1' } });
  let items: Diag[];
  try {
    const uri = await s.open(SAMPLE);
    items = await s.diagnostics(uri);
  } finally {
    await s.close();
  }
  // What the server wrote at exit may still be on its way.
  if (!s.proc.stderr!.closed) await once(s.proc.stderr!, 'close');
  const stderr = s.stderr();
  const outcomes: Record<string, string> = {};
  const written: string[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^\[code cache\] ((?:server-[a-z]+|lsp)\.js)(-[0-9a-f]+\.cache)?: (.*)$/.exec(line);
    if (!m) continue;
    if (m[2]) {
      if (m[3].startsWith('written')) written.push(m[1]);
    } else if (!/^(compiled|ran) in /.test(m[3])) outcomes[m[1]] = m[3];
  }
  return { outcomes, written, items, stderr };
}

const cacheFile = (dir: string, bundle: string): string => {
  const names = readdirSync(dir).filter((f) => f.startsWith(`${bundle}-`) && f.endsWith('.cache'));
  assert.equal(names.length, 1, `one cache of ${bundle} in ${readdirSync(dir).join(', ')}`);
  return join(dir, names[0]);
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const codes = (items: Diag[]) => items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();

// Without a cache, dist/server-lsp.js is required as it is, and the service by it.
const NONE = { 'server-lsp.js': 'no cache' };

let reference: string[] | undefined;
/** The sample's diagnostics from a server without a cache. */
async function expected(): Promise<string[]> {
  if (!reference) {
    const r = await run('off');
    assert.deepEqual(r.outcomes, NONE, 'no cache is read when it is off');
    assert.deepEqual(r.written, [], 'no cache is written when it is off');
    reference = codes(r.items);
    assert.ok(reference.length > 0, 'the sample has diagnostics');
  }
  return reference;
}

test('the first start writes a cache of each bundle, only its user may read it, and the next start uses it', async () => {
  const want = await expected();
  const dir = tempDir();
  const first = await run(dir);
  assert.deepEqual(first.outcomes, { 'server-lsp.js': 'absent', 'lsp.js': 'absent', 'server-service.js': 'absent' }, first.stderr);
  assert.deepEqual(first.written.sort(), ['lsp.js', 'server-lsp.js', 'server-service.js'], first.stderr);
  assert.deepEqual(codes(first.items), want);
  for (const bundle of ['server-lsp.js', 'lsp.js', 'server-service.js']) {
    const file = cacheFile(dir, bundle);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600, `${file} is private`);
    assert.ok(statSync(file).size > HEADER + 1000, `${file} holds V8's data`);
  }
  // Written at exit (the server ran less than the settling time): used, and made again with what this run compiled.
  const second = await run(dir);
  assert.deepEqual(second.outcomes, { 'server-lsp.js': 'used, incomplete', 'lsp.js': 'used, incomplete', 'server-service.js': 'used, incomplete' }, second.stderr);
  assert.deepEqual(codes(second.items), want);
});

test('a server that runs a while writes a complete cache, which later starts use and leave as it is', async () => {
  const want = await expected();
  const dir = tempDir();
  const s = await start({ env: { REPORT_SERVER_CODE_CACHE: dir, REPORT_SERVER_CODE_CACHE_TRACE: '1' } });
  try {
    const uri = await s.open(SAMPLE);
    await s.diagnostics(uri);
    // The cache is made two seconds after each bundle was loaded.
    for (let i = 0; i < 100 && (s.stderr().match(/written \(\d+ bytes\)/g) ?? []).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await s.close();
  }
  if (!s.proc.stderr!.closed) await once(s.proc.stderr!, 'close');
  assert.equal((s.stderr().match(/written \(\d+ bytes\)\n/g) ?? []).length, 3, s.stderr());
  const before = statSync(cacheFile(dir, 'server-service.js')).mtimeMs;
  const next = await run(dir);
  assert.deepEqual(next.outcomes, { 'server-lsp.js': 'used', 'lsp.js': 'used', 'server-service.js': 'used' }, next.stderr);
  assert.deepEqual(next.written, [], 'a complete cache is not written again');
  assert.equal(statSync(cacheFile(dir, 'server-service.js')).mtimeMs, before);
  assert.deepEqual(codes(next.items), want);
});

test('a damaged, foreign or stale cache is not used: the server starts, answers alike and writes a sound one', async () => {
  const want = await expected();
  const dir = tempDir();
  await run(dir);
  const lsp = cacheFile(dir, 'server-lsp.js');
  const service = cacheFile(dir, 'server-service.js');
  const good = readFileSync(lsp);

  // Bytes of V8's data changed (V8 itself would take them): the payload's checksum catches it.
  const damaged = Buffer.from(good);
  for (let i = HEADER + 100; i < damaged.length; i += 997) damaged[i] ^= 0x5a;
  writeFileSync(lsp, damaged);
  let r = await run(dir);
  assert.equal(r.outcomes['server-lsp.js'], 'damaged', r.stderr);
  assert.deepEqual(codes(r.items), want);
  assert.ok(r.written.includes('server-lsp.js'), 'a sound cache is written in its place');
  assert.equal(readFileSync(lsp).subarray(0, 8).toString('latin1'), 'RLCC0001');

  // Truncated, and not a cache at all.
  for (const bytes of [good.subarray(0, good.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0)]) {
    writeFileSync(lsp, bytes);
    r = await run(dir);
    assert.equal(r.outcomes['server-lsp.js'], 'damaged', r.stderr);
    assert.deepEqual(codes(r.items), want);
  }

  // Another bundle's V8 data under this bundle's source hash, with a right checksum: V8 rejects it.
  const other = readFileSync(service).subarray(HEADER);
  const head = Buffer.from(good.subarray(0, HEADER));
  sha256(readFileSync(LSP_BUNDLE)).copy(head, 12);
  sha256(other).copy(head, 44);
  writeFileSync(lsp, Buffer.concat([head, other]));
  r = await run(dir);
  assert.equal(r.outcomes['server-lsp.js'], 'rejected', r.stderr);
  assert.deepEqual(codes(r.items), want);
  assert.ok(r.written.includes('server-lsp.js'));

  // A sound cache of another build of the bundle (another source hash).
  const stale = Buffer.from(readFileSync(lsp));
  stale[12] ^= 1;
  writeFileSync(lsp, stale);
  r = await run(dir);
  assert.equal(r.outcomes['server-lsp.js'], 'stale', r.stderr);
  assert.deepEqual(codes(r.items), want);

  r = await run(dir);
  assert.match(r.outcomes['server-lsp.js'], /^used/, 'the cache written in place of the bad ones is used');
});

test('a cache others can write is not read, nor one reached through a link, nor a directory others can write', { skip: process.platform === 'win32' && 'POSIX modes' }, async () => {
  const want = await expected();
  const dir = tempDir();
  await run(dir);
  const lsp = cacheFile(dir, 'server-lsp.js');

  chmodSync(lsp, 0o666);
  let r = await run(dir);
  assert.equal(r.outcomes['server-lsp.js'], 'unsafe', r.stderr);
  assert.deepEqual(codes(r.items), want);
  assert.equal(statSync(lsp).mode & 0o777, 0o600, 'replaced by a private file');

  // A link to a sound cache elsewhere: not followed.
  const elsewhere = join(tempDir(), 'elsewhere.cache');
  writeFileSync(elsewhere, readFileSync(lsp));
  rmSync(lsp);
  symlinkSync(elsewhere, lsp);
  r = await run(dir);
  assert.equal(r.outcomes['server-lsp.js'], 'absent', r.stderr);
  assert.deepEqual(codes(r.items), want);

  // A directory the group or others can write: no cache at all, read or written.
  const open = join(tempDir(), 'open');
  mkdirSync(open);
  chmodSync(open, 0o777);
  r = await run(open);
  assert.deepEqual(r.outcomes, NONE, r.stderr);
  assert.deepEqual(r.written, []);
  assert.deepEqual(readdirSync(open), []);
  assert.match(r.stderr, /not a directory that only this user can write/);
  assert.deepEqual(codes(r.items), want);
});

test('a cache directory that cannot be made leaves the server as it is without a cache', async () => {
  const want = await expected();
  const file = join(tempDir(), 'a-file');
  writeFileSync(file, '');
  const r = await run(join(file, 'cache'));
  assert.deepEqual(r.outcomes, NONE, r.stderr);
  assert.match(r.stderr, /no cache directory/);
  assert.deepEqual(codes(r.items), want);
});
