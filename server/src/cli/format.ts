// Output formats of `report check`: stylish (for people), json, SARIF 2.1.0 (code scanning) and GitHub
// workflow annotations. Pure functions of the results: the caller prints them.

import { t, type Lang } from '../core/i18n';
import { RULES } from '../core/rules';
import type { Severity } from '../core/rules/types';
import { msg } from '../core/rules/types';
import type { FileResult } from './check';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
  files: number;
  fixedFiles: number;
  failedFiles: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const n: Totals = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, files: results.length, fixedFiles: 0, failedFiles: 0 };
  for (const r of results) {
    if (r.error) n.failedFiles++;
    if (r.fixed) n.fixedFiles++;
    for (const p of r.problems) {
      if (p.severity === 'error') n.errors++;
      else if (p.severity === 'warning') n.warnings++;
      else if (p.severity === 'info') n.infos++;
      else n.hints++;
      if (p.fixable) n.fixable++;
    }
  }
  return n;
}

// ---- stylish ----------------------------------------------------------------------------------------------

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const ANSI: Colors = { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
const id = (s: string) => s;
export const PLAIN: Colors = { red: id, yellow: id, blue: id, dim: id, bold: id, underline: id };

/** Columns a string takes in a terminal: East Asian wide and fullwidth characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x300) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.length;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x300 && c < 0x370) || c === 0x200b || c === 0x200d) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe10 && c <= 0xfe19) ||
      (c >= 0xfe30 && c <= 0xfe6f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1f64f) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

const SEVERITY_WORD: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '信息', en: 'info' },
  hint: { zh: '提示', en: 'hint' },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Problems grouped by file, aligned, with a summary: like ESLint's stylish output. */
export function stylish(results: readonly FileResult[], lang: Lang, c: Colors, fixMode: 'none' | 'write' | 'dry-run' = 'none'): string {
  const out: string[] = [];
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  for (const r of results) {
    if (!r.problems.length) continue;
    out.push(c.underline(r.path));
    const rows = r.problems.map((p) => ({ p, pos: `${p.line}:${p.column}`, sev: SEVERITY_WORD[p.severity][lang], message: p.message.replace(/\s*[\r\n]+\s*/g, ' ') }));
    const posW = Math.max(...rows.map((x) => x.pos.length));
    const sevW = Math.max(...rows.map((x) => displayWidth(x.sev)));
    const msgW = Math.min(100, Math.max(...rows.map((x) => displayWidth(x.message))));
    for (const x of rows) {
      out.push(`  ${c.dim(x.pos.padEnd(posW))}  ${paint[x.p.severity](pad(x.sev, sevW))}  ${pad(x.message, msgW)}  ${c.dim(x.p.rule)}`);
    }
    out.push('');
  }
  const n = totals(results);
  const problems = n.errors + n.warnings + n.infos + n.hints;
  if (problems) {
    const mark = n.errors ? c.red('✖') : n.warnings ? c.yellow('⚠') : c.blue('ℹ');
    const parts =
      lang === 'zh'
        ? [`${n.errors} 个错误`, `${n.warnings} 个警告`, n.infos ? `${n.infos} 条信息` : '', n.hints ? `${n.hints} 条提示` : ''].filter(Boolean).join('，')
        : [plural(n.errors, 'error'), plural(n.warnings, 'warning'), n.infos ? `${n.infos} info` : '', n.hints ? plural(n.hints, 'hint') : ''].filter(Boolean).join(', ');
    out.push(c.bold(lang === 'zh' ? `${mark} ${problems} 个问题（${parts}）` : `${mark} ${plural(problems, 'problem')} (${parts})`));
    if (n.fixable && fixMode === 'none') {
      out.push(lang === 'zh' ? `  其中 ${n.fixable} 个可用 --fix 自动修复。` : `  ${n.fixable} of them can be fixed with the --fix option.`);
    }
  }
  if (fixMode !== 'none' && n.fixedFiles) {
    out.push(
      fixMode === 'write'
        ? t(msg(`已修复并写回 ${n.fixedFiles} 个文件。`, `Fixed and wrote ${plural(n.fixedFiles, 'file')}.`), lang)
        : t(msg(`--fix 会修改 ${n.fixedFiles} 个文件（未写入）。`, `--fix would change ${plural(n.fixedFiles, 'file')} (nothing written).`), lang),
    );
  }
  return out.length ? out.join('\n') + '\n' : '';
}

// ---- json -------------------------------------------------------------------------------------------------

export function json(results: readonly FileResult[], version: string): string {
  const n = totals(results);
  return (
    JSON.stringify(
      {
        tool: 'report',
        version,
        files: results.map((r) => ({
          path: r.path,
          ...(r.encoding ? { encoding: r.encoding, eol: r.eol } : {}),
          ...(r.error ? { error: r.error } : {}),
          ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
          ...(r.output !== undefined ? { output: r.output } : {}),
          problems: r.problems,
        })),
        summary: n,
      },
      null,
      2,
    ) + '\n'
  );
}

// ---- SARIF 2.1.0 ------------------------------------------------------------------------------------------

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative path as a URI reference (forward slashes, each segment percent-encoded). */
export function pathToUriReference(path: string): string {
  const parts = path.split(/[\\/]/);
  const abs = /^[A-Za-z]:$/.test(parts[0]) || parts[0] === '';
  const encoded = parts.map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join('/');
  return abs ? `file://${encoded.startsWith('/') ? '' : '/'}${encoded}` : encoded;
}

export interface SarifOptions {
  version: string;
  lang: Lang;
  /** The working directory as a file URI ending in `/`: relative paths resolve against it (`%SRCROOT%`). */
  srcRoot: string;
  informationUri: string;
  helpUri(ruleId: string): string;
  /** The rule's documentation page (Markdown), when available. */
  helpMarkdown?(ruleId: string): string | undefined;
}

export function sarif(results: readonly FileResult[], o: SarifOptions): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const rules = RULES.map((r) => {
    const markdown = o.helpMarkdown?.(r.meta.id);
    return {
      id: r.meta.id,
      name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
      shortDescription: { text: t(r.meta.title, o.lang) },
      fullDescription: { text: t(r.meta.description, o.lang) },
      helpUri: o.helpUri(r.meta.id),
      help: markdown ? { text: t(r.meta.description, o.lang), markdown } : { text: t(r.meta.description, o.lang) },
      defaultConfiguration: { enabled: r.meta.defaultSeverity !== 'off', level: r.meta.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[r.meta.defaultSeverity] },
      properties: { category: r.meta.category, fixable: r.meta.fixable },
    };
  });
  const sarifResults = [];
  const notifications = [];
  for (const r of results) {
    const uri = pathToUriReference(r.path);
    const artifactLocation = /^file:/.test(uri) ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
    if (r.error) {
      notifications.push({ level: 'error', message: { text: `${r.path}: ${r.error}` }, locations: [{ physicalLocation: { artifactLocation } }] });
    }
    for (const p of r.problems) {
      const ruleIndex = index.get(p.rule);
      sarifResults.push({
        ruleId: p.rule,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: SARIF_LEVEL[p.severity],
        message: { text: p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'report', version: o.version, semanticVersion: o.version, informationUri: o.informationUri, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: o.srcRoot } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

// ---- GitHub workflow annotations ------------------------------------------------------------------------

/** Escapes the message of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (`file=`, `title=` …). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function github(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const file = escapeProperty(r.path.split('\\').join('/'));
    if (r.error) out.push(`::error file=${file},title=${escapeProperty('report')}::${escapeData(r.error)}`);
    for (const p of r.problems) {
      const props = [`file=${file}`, `line=${p.line}`, `endLine=${p.endLine}`];
      // Columns only on one line: GitHub ignores (or misplaces) them across lines.
      if (p.line === p.endLine) props.push(`col=${p.column}`, `endColumn=${p.endColumn}`);
      props.push(`title=${escapeProperty(`report(${p.rule})`)}`);
      out.push(`::${GITHUB_LEVEL[p.severity]} ${props.join(',')}::${escapeData(p.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
