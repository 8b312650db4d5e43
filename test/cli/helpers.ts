// Running the `report` command line in tests: in this process through `main` (fast, most tests), or as a
// child process of dist/cli.js (exit codes, pipes, worker threads).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after } from 'node:test';
import { main } from '../../server/src/cli/main';

export const CLI = join(process.cwd(), 'dist', 'cli.js');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  /** Standard output as bytes (for `--stdin --fix`). */
  out: Buffer;
}

class Sink extends Writable {
  chunks: Buffer[] = [];
  isTTY?: boolean;
  _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    cb();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export interface RunOptions {
  cwd: string;
  input?: Buffer | string;
  env?: NodeJS.ProcessEnv;
  tty?: boolean;
}

/** `report ARGS` in this process. */
export async function run(args: string[], o: RunOptions): Promise<Ran> {
  const stdout = new Sink();
  stdout.isTTY = o.tty;
  const stderr = new Sink();
  const input = o.input === undefined ? Buffer.alloc(0) : Buffer.from(o.input);
  const code = await main(args, {
    cwd: o.cwd,
    env: o.env ?? { LANG: 'en_US.UTF-8' },
    stdout,
    stderr,
    stdin: Readable.from([input]),
    script: CLI,
  });
  return { code, stdout: stdout.bytes.toString('utf8'), stderr: stderr.bytes.toString('utf8'), out: stdout.bytes };
}

/** `node dist/cli.js ARGS` as a child process. */
export function spawnCli(args: string[], o: RunOptions): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: o.cwd,
    input: o.input,
    env: { PATH: process.env.PATH, ...(o.env ?? { LANG: 'en_US.UTF-8' }) },
    maxBuffer: 1 << 28,
  });
  return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), out: r.stdout };
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder holding the files given (path → text or bytes); removed after the tests. */
export function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'report-cli-test-'));
  dirs.push(root);
  for (const [path, data] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, data);
  }
  return root;
}

// Reports written for the tests (each line's purpose is in its name).
export const CLEAN = '2024年度述职报告\n\n一、主要工作\n今年完成了全部任务。\n二、下步打算\n明年继续努力。\n';
/** A fixable warning (punct-dash, line 4) and one without a fix (placeholder, line 6). */
export const WARNINGS = '2024年度述职报告\n\n一、主要工作\n今年完成了任务，取得了成绩--这是大家的功劳。\n二、下步打算\n明年完成xx个项目。\n';
/** The same with the dash fixed. */
export const WARNINGS_FIXED = WARNINGS.replace('--', '——');
/** An error (paid-marker-unclosed, line 4). */
export const ERRORS = '2024年度述职报告\n\n一、主要工作\n##paidbegin##今年完成了全部任务。\n';
/** A fixable information (punct-halfwidth, line 4). */
export const INFO = '2024年度述职报告\n\n一、主要工作\n今年完成了任务,取得了成绩。\n';
