// Checking (and fixing) one file for the command line: read the bytes, decode them, run the report
// service with the configuration of the file (`.reportrc.json`, `--config`, `--rule`), and write fixes
// back in the file's own encoding and line endings. The same code runs on the main thread and in workers;
// everything it returns can be posted between threads.

import { readFile, stat, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Lang } from '../core/i18n';
import { RULES_BY_ID } from '../core/rules';
import type { Problem, Severity } from '../core/rules/types';
import { msg } from '../core/rules/types';
import { RC_NAME, ReportService, type ServiceHost } from '../service/service';
import { WorkspaceFiles } from '../node/files';
import { decode, DecodeError, encode, roundTrips, withEol, type Decoded, type Encoding, type Eol } from './encoding';

/** The largest file the command line reads. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export type FixMode = 'none' | 'write' | 'dry-run';

/** What every file of a run is checked with (posted to workers as it is). */
export interface CheckOptions {
  lang: Lang;
  /** Workspace folders (absolute paths): `.reportrc.json` is looked up from a file's folder up to its folder. */
  folders: string[];
  /** Settings from `--config` (a parsed `.reportrc.json`), under the discovered files. */
  settings?: Record<string, unknown>;
  /** `--rule id=severity`: over everything else. */
  rules: Record<string, string>;
  fix: FixMode;
  /** The least severity reported. */
  minSeverity: Severity;
}

export interface CliProblem {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based; columns count UTF-16 code units, as editors and LSP do. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `--fix` would fix it. */
  fixable: boolean;
}

export interface FileResult {
  /** The path as it is shown (relative to the working directory when inside it). */
  path: string;
  problems: CliProblem[];
  encoding?: Encoding;
  eol?: Eol;
  /** Fixes were applied (written, or with --fix-dry-run, computed). */
  fixed?: boolean;
  /** The fixed text, with `--fix-dry-run` (or `--stdin --fix`). */
  output?: string;
  /** The bytes of the fixed text in the file's encoding, for `--stdin --fix`. */
  outputBytes?: Uint8Array;
  /** A file that could not be checked (or written): the run fails with exit code 2. */
  error?: string;
}

export interface Source {
  /** Absolute path, for configuration lookup and writing; may name a file that does not exist (stdin). */
  abs: string;
  /** As shown in output. */
  display: string;
  /** The bytes, when they do not come from the file (stdin). */
  bytes?: Uint8Array;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `--rule` over a settings object's `rules`, keeping rule options (`[severity, {…}]`, `{severity, …}`). */
export function withRuleOverrides(settings: unknown, rules: Record<string, string>): Record<string, unknown> {
  const base = isRecord(settings) ? settings : {};
  if (!Object.keys(rules).length) return base;
  const merged: Record<string, unknown> = isRecord(base.rules) ? { ...base.rules } : {};
  for (const [id, severity] of Object.entries(rules)) {
    const old = merged[id];
    if (Array.isArray(old) && old.length) merged[id] = [severity, ...old.slice(1)];
    else if (isRecord(old)) merged[id] = { ...old, severity };
    else merged[id] = severity;
  }
  return { ...base, rules: merged };
}

/** The service's host on the command line: settings from the options, `.reportrc.json` from disk. */
class CliHost implements ServiceHost {
  readonly files = new WorkspaceFiles();
  readonly warnings: string[] = [];

  constructor(private readonly options: CheckOptions) {
    this.files.setFolders(options.folders.map((f) => pathToFileURL(f).toString()));
  }

  async getSettings(): Promise<unknown> {
    return withRuleOverrides(this.options.settings, this.options.rules);
  }

  async readFile(uri: string): Promise<string | undefined> {
    const raw = await this.files.read(uri);
    if (raw === undefined || !uri.endsWith(`/${RC_NAME}`) || !Object.keys(this.options.rules).length) return raw;
    // `--rule` wins over the workspace file too: it is merged into the file's rules as the service reads it.
    let json: unknown;
    try {
      json = JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch {
      return raw; // the service reports the mistake
    }
    return isRecord(json) ? JSON.stringify(withRuleOverrides(json, this.options.rules)) : raw;
  }

  log(level: 'info' | 'warn' | 'error', message: string): void {
    if (level === 'error') this.warnings.push(message);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}

export interface Checker {
  check(source: Source): Promise<FileResult>;
  /** Messages for the user (a broken `.reportrc.json` …), each once; taken when read. */
  takeWarnings(): string[];
}

function errorText(lang: Lang, zh: string, en: string): string {
  return t(msg(zh, en), lang);
}

function ioError(e: unknown, lang: Lang): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return errorText(lang, '文件不存在', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return errorText(lang, '没有权限', 'permission denied');
  if (code === 'EISDIR') return errorText(lang, '是一个目录', 'is a directory');
  return e instanceof Error ? e.message : String(e);
}

/** Reads and decodes a file; a message for the user instead when it is not a readable report. */
export async function readReport(source: Source, lang: Lang): Promise<{ bytes: Uint8Array; decoded: Decoded } | { error: string }> {
  let bytes = source.bytes;
  if (!bytes) {
    try {
      const st = await stat(source.abs);
      if (st.isDirectory()) return { error: errorText(lang, '是一个目录', 'is a directory') };
      if (!st.isFile()) return { error: errorText(lang, '不是普通文件', 'not a regular file') };
      if (st.size > MAX_FILE_BYTES) return { error: errorText(lang, `文件过大（超过 ${MAX_FILE_BYTES >> 20} MiB）`, `file too large (over ${MAX_FILE_BYTES >> 20} MiB)`) };
      bytes = await readFile(source.abs);
    } catch (e) {
      return { error: ioError(e, lang) };
    }
  }
  try {
    return { bytes, decoded: decode(bytes) };
  } catch (e) {
    if (e instanceof DecodeError && e.reason === 'binary') return { error: errorText(lang, '二进制文件（含 NUL 字节），不是文本报告', 'binary file (NUL bytes), not a text report') };
    if (e instanceof DecodeError) return { error: errorText(lang, '无法识别的编码（不是 UTF-8、UTF-16 或 GB18030/GBK）', 'unreadable encoding (not UTF-8, UTF-16 or GB18030/GBK)') };
    throw e;
  }
}

/** The report service as the command line runs it, with its host (whose warnings the caller prints). */
export function createCliService(options: CheckOptions): { service: ReportService; warnings: () => string[] } {
  const host = new CliHost(options);
  // No editor waits for its turn: the lint never yields to a timer.
  const service = new ReportService(host, { lang: options.lang, pause: () => Promise.resolve() });
  service.setFolders(options.folders.map((f) => pathToFileURL(f).toString()));
  return { service, warnings: () => host.warnings.splice(0) };
}

/** A document for the service: the file's URI (so that its configuration applies) and its decoded text. */
export function documentOf(abs: string, text: string, version = 1): TextDocument {
  return TextDocument.create(pathToFileURL(abs).toString(), 'report', version, text);
}

export function createChecker(options: CheckOptions): Checker {
  const { service, warnings } = createCliService(options);
  const shown = SEVERITY_RANK[options.minSeverity];
  const lang = options.lang;

  const problemsOf = (doc: TextDocument, problems: readonly Problem[]): CliProblem[] => {
    const out: CliProblem[] = [];
    for (const p of problems) {
      if (SEVERITY_RANK[p.severity] > shown) continue;
      const s = doc.positionAt(p.start);
      const e = doc.positionAt(p.end);
      out.push({
        rule: p.rule,
        severity: p.severity,
        message: t(p.message, lang),
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        fixable: p.fixes.length > 0 && p.severity !== 'hint',
      });
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  };

  async function check(source: Source): Promise<FileResult> {
    const read = await readReport(source, lang);
    if ('error' in read) return { path: source.display, problems: [], error: read.error };
    const { bytes, decoded } = read;
    const doc = documentOf(source.abs, decoded.text);
    const base = { path: source.display, encoding: decoded.encoding, eol: decoded.eol };
    if (options.fix === 'none') {
      const { problems } = await service.check(doc);
      return { ...base, problems: problemsOf(doc, problems) };
    }
    const fixed = await service.fixText(doc);
    const text = withEol(fixed.text, decoded.eol);
    if (text === decoded.text) {
      const { problems } = await service.check(doc);
      return { ...base, problems: problemsOf(doc, problems) };
    }
    const after = documentOf(source.abs, text, 2);
    const problems = problemsOf(after, (await service.check(after)).problems);
    if (!roundTrips(bytes, decoded)) {
      return {
        ...base,
        problems,
        error: errorText(lang, '无法按原编码无损写回，未修改文件', 'cannot be written back in its encoding without loss; not changed'),
      };
    }
    const out = encode(text, decoded.encoding);
    if (options.fix === 'dry-run') return { ...base, problems, fixed: true, output: text };
    if (source.bytes) return { ...base, problems, fixed: true, output: text, outputBytes: out };
    try {
      // The file must still hold what was read: an editor may have saved it meanwhile.
      const now = await readFile(source.abs);
      if (!now.equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
        return { ...base, problems, error: errorText(lang, '文件在检查期间被修改，未写入', 'the file changed while it was checked; not written') };
      }
      await writeFile(source.abs, out);
    } catch (e) {
      return { ...base, problems, error: ioError(e, lang) };
    }
    return { ...base, problems, fixed: true };
  }

  return {
    check,
    takeWarnings: warnings,
  };
}

/** Validates `--rule id=severity`; the message for the user when it is wrong. */
export function parseRuleOption(value: string, lang: Lang): { id: string; severity: string } | { error: string } {
  const m = /^([^=\s]+)\s*[=:]\s*(off|hint|info|warning|error)$/.exec(value.trim());
  if (!m) return { error: errorText(lang, `--rule 应写作 规则=级别（off、hint、info、warning、error）：${value}`, `--rule takes id=severity (off, hint, info, warning, error): ${value}`) };
  if (!RULES_BY_ID.has(m[1])) return { error: errorText(lang, `没有这条规则：${m[1]}`, `no such rule: ${m[1]}`) };
  return { id: m[1], severity: m[2] };
}
