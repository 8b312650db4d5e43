import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, Severity } from '../core/rules/types';
import { t, type Lang } from '../core/i18n';
import { toRange } from './convert';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docUris = new Map<string, string>();

/** Where a rule's documentation lives: docs/rules/<id>.md beside the bundled server. */
export function ruleDocUri(ruleId: string): string {
  // Computed once per rule: building a file URL costs more than the rest of a diagnostic.
  let uri = docUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).toString();
    docUris.set(ruleId, uri);
  }
  return uri;
}

export function toDiagnostic(doc: TextDocument, p: Problem, lang: Lang): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, p.start, p.end),
    severity: SEVERITY[p.severity],
    code: p.rule,
    codeDescription: { href: ruleDocUri(p.rule) },
    source: 'report',
    message: t(p.message, lang),
  };
  if (p.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (p.related?.length) {
    d.relatedInformation = p.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.start, r.end) }, message: t(r.message, lang) }));
  }
  return d;
}
