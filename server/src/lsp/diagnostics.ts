import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, Severity } from '../core/rules/types';
import { t, type Lang } from '../core/i18n';
import { msg } from '../core/rules/types';
import { toRange } from './convert';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where a rule's documentation lives, as the host knows it (a file beside the server, a web page …). */
export type RuleDocUri = (ruleId: string) => string | undefined;

export function toDiagnostic(doc: TextDocument, p: Problem, lang: Lang, docUri?: RuleDocUri): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, p.start, p.end),
    severity: SEVERITY[p.severity],
    code: p.rule,
    source: 'report',
    message: t(p.message, lang),
  };
  const href = docUri?.(p.rule);
  if (href) d.codeDescription = { href };
  if (p.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (p.related?.length) {
    d.relatedInformation = p.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.start, r.end) }, message: t(r.message, lang) }));
  }
  return d;
}

/**
 * The diagnostics of a document, at most `max` of them: past the cap, the most severe come first (in
 * document order within a severity) and one more diagnostic at the top says how many were left out, so that
 * a pathological document stays responsive in the editor.
 */
export function toDiagnostics(doc: TextDocument, problems: readonly Problem[], lang: Lang, max: number, docUri?: RuleDocUri): Diagnostic[] {
  if (problems.length <= max) return problems.map((p) => toDiagnostic(doc, p, lang, docUri));
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const kept = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank[a.p.severity] - rank[b.p.severity] || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map(({ p }) => toDiagnostic(doc, p, lang, docUri));
  const more = problems.length - max;
  kept.unshift({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: 'report',
    message: t(
      msg(
        `本文档问题过多：只显示 ${max} 个，另有 ${more} 个未显示（设置 report.maxProblems 可调整上限）。`,
        `Too many problems in this document: ${max} are shown and ${more} more are not (the setting report.maxProblems sets the limit).`,
      ),
      lang,
    ),
  });
  return kept;
}
