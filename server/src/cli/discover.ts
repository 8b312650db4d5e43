// Which files `report check` reads: files named on the command line, report files under directories, and
// globs; `.gitignore` and `.reportignore` (gitignore syntax) keep files out of directory walks and globs.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';

/**
 * The files a directory walk checks: the report language's extension and file name patterns, the same as
 * `contributes.languages` in package.json (a test keeps the two equal).
 */
export const REPORT_EXTENSIONS = ['.report'];
export const REPORT_FILENAME_PATTERNS = ['*述职报告*.txt', '*述责述廉*.txt', '*工作报告*.txt', '*工作总结*.txt'];
export const REPORT_GLOBS = [...REPORT_EXTENSIONS.map((e) => `**/*${e}`), ...REPORT_FILENAME_PATTERNS.map((p) => `**/${p}`)];

/** Never walked into. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
export const IGNORE_FILES = ['.gitignore', '.reportignore'];

/** The nearest folder from `start` up that holds `.git`, or undefined. */
export function gitRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The ignore files of a tree, each applying to the paths under its own folder (as git does). */
export class IgnoreFiles {
  private readonly byDir = new Map<string, Ignore | null>();

  constructor(private readonly root: string) {}

  private at(dir: string): Ignore | null {
    let ig = this.byDir.get(dir);
    if (ig === undefined) {
      ig = null;
      for (const name of IGNORE_FILES) {
        let text: string;
        try {
          text = readFileSync(join(dir, name), 'utf8');
        } catch {
          continue;
        }
        ig ??= ignore();
        ig.add(text.replace(/^\uFEFF/, ''));
      }
      this.byDir.set(dir, ig);
    }
    return ig;
  }

  /** Whether an ignore file in a folder from the root down to the file's folder leaves the file out. */
  ignores(abs: string): boolean {
    if (!isInside(abs, this.root)) return false;
    const dirs: string[] = [];
    for (let d = dirname(abs); isInside(d, this.root); d = dirname(d)) {
      dirs.push(d);
      if (d === this.root) break;
    }
    for (const d of dirs.reverse()) {
      const ig = this.at(d);
      if (ig && ig.ignores(relative(d, abs).split(sep).join('/'))) return true;
    }
    return false;
  }
}

export interface Found {
  abs: string;
  display: string;
}

export interface Discovery {
  files: Found[];
  /** One message per argument that names nothing to check. */
  errors: { arg: string; reason: 'missing' | 'no-reports' | 'no-match' | 'ignored' }[];
}

export function displayPath(abs: string, cwd: string): string {
  return isInside(abs, cwd) && abs !== cwd ? relative(cwd, abs) : abs;
}

/**
 * Files for `report check ARGS`: a file is checked whatever its name (and even when ignored: it was asked
 * for by name); a directory is walked for report files; anything else is a glob (`!` before a glob leaves
 * its matches out). `root` is where ignore files start to apply (the git root or the working directory).
 */
export function discover(args: readonly string[], cwd: string, root: string, useIgnoreFiles: boolean): Discovery {
  const ignores = new IgnoreFiles(root);
  const negated = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => a.slice(1));
  const negate = negated.length ? ignore().add(negated) : undefined;
  const seen = new Map<string, Found>();
  const errors: Discovery['errors'] = [];
  const keep = (abs: string, walked: boolean): boolean => {
    if (walked && useIgnoreFiles && ignores.ignores(abs)) return false;
    if (negate) {
      const rel = relative(cwd, abs).split(sep).join('/');
      if (!rel.startsWith('..') && !isAbsolute(rel) && negate.ignores(rel)) return false;
    }
    if (!seen.has(abs)) seen.set(abs, { abs, display: displayPath(abs, cwd) });
    return true;
  };
  const walk = (base: string, patterns: readonly string[]): string[] =>
    globSync(patterns as string[], {
      cwd: base,
      absolute: true,
      onlyFiles: true,
      dot: false,
      ignore: ALWAYS_IGNORED,
      caseSensitiveMatch: false,
      followSymbolicLinks: false,
      expandDirectories: false,
    }).map((p) => resolve(p));

  for (const arg of args) {
    if (arg.startsWith('!') && arg.length > 1) continue;
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory() || (!st && isDynamicPattern(arg))) {
      const matches = st ? walk(abs, REPORT_GLOBS) : walk(cwd, [arg]);
      let n = 0;
      for (const f of matches.sort()) if (keep(f, true)) n++;
      if (!n) errors.push({ arg, reason: matches.length ? 'ignored' : st ? 'no-reports' : 'no-match' });
    } else if (st) {
      keep(abs, false);
    } else {
      errors.push({ arg, reason: 'missing' });
    }
  }
  return { files: [...seen.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)), errors };
}
