import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type Analysis } from '../core/analysis';
import { fixAll } from '../core/fix';
import { t, type Lang } from '../core/i18n';
import { RULES_BY_ID } from '../core/rules';
import { msg, type Edit, type Problem } from '../core/rules/types';
import { rangesIntersect, toRange, toTextEdit } from './convert';
import { toDiagnostic, type RuleDocUri } from './diagnostics';

import { FIX_ALL_KIND } from './kinds';

export { FIX_ALL_KIND };

export interface ActionOptions {
  lang: Lang;
  /** The client offers the commands report.disableRule and report.showRuleDocs. */
  clientCommands: boolean;
  /** The client resolves code actions lazily (`codeAction/resolve` with `edit`); otherwise edits come at once. */
  resolveSupport: boolean;
  docUri?: RuleDocUri;
  /** Gives up a long fix-all (the request was cancelled). */
  isCancelled?: () => boolean;
}

function workspaceEdit(doc: TextDocument, edits: Edit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => toTextEdit(doc, e)) }] };
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.') || o.startsWith(kind + '.'));
}

/** Fix-all for the whole document, optionally only for one rule. Returns null when nothing is fixable. */
export function fixAllEdit(doc: TextDocument, analysis: Analysis, ruleId?: string, isCancelled?: () => boolean): WorkspaceEdit | null {
  const result = fixAll(doc.getText(), analysis.config, ruleId ? (p) => p.rule === ruleId : undefined, { isCancelled, budgetMs: 5000 });
  if (result.stopped === 'cancelled') throw new CancelledError();
  return result.edits.length ? workspaceEdit(doc, result.edits) : null;
}

/** The data that `codeAction/resolve` turns into the edit; the edit itself for clients that cannot resolve. */
function lazyEdit(doc: TextDocument, analysis: Analysis, opts: ActionOptions, rule?: string): Pick<CodeAction, 'data' | 'edit'> {
  if (opts.resolveSupport) return { data: rule ? { uri: doc.uri, version: doc.version, rule } : { uri: doc.uri, version: doc.version } };
  return { edit: fixAllEdit(doc, analysis, rule, opts.isCancelled) ?? { changes: {} } };
}

export function codeActions(doc: TextDocument, analysis: Analysis, params: CodeActionParams, opts: ActionOptions): CodeAction[] {
  const { lang } = opts;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const here = analysis.problems.filter((p) => rangesIntersect(toRange(doc, p.start, p.end), params.range));
    const seenRules = new Set<string>();
    for (const p of here) {
      const diagnostic: Diagnostic = toDiagnostic(doc, p, lang, opts.docUri);
      p.fixes.forEach((f, i) => {
        // A fix the editor carries out (reopen with an encoding): only for clients that run the commands.
        if (f.command) {
          if (opts.clientCommands) actions.push({ title: t(f.title, lang), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0, command: { title: t(f.title, lang), command: f.command.id, arguments: [doc.uri, ...f.command.arguments] } });
          return;
        }
        actions.push({
          title: t(f.title, lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0,
          edit: workspaceEdit(doc, f.edits),
        });
      });
      if (seenRules.has(p.rule)) continue;
      seenRules.add(p.rule);
      const rule = RULES_BY_ID.get(p.rule);
      const title = rule ? t(rule.meta.title, lang) : p.rule;
      const same = analysis.problems.filter((q) => q.rule === p.rule && q.fixes.length > 0);
      if (same.length > 1) {
        actions.push({
          title: t(msg(`修复本文档中所有“${title}”问题（${same.length} 处）`, `Fix all "${title}" problems in this document (${same.length})`), lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...lazyEdit(doc, analysis, opts, p.rule),
        });
      }
      if (opts.clientCommands) {
        actions.push({
          title: t(msg(`停用规则 ${p.rule}`, `Disable rule ${p.rule}`), lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: '', command: 'report.disableRule', arguments: [p.rule] },
        });
        actions.push({
          title: t(msg(`查看规则 ${p.rule} 的说明`, `Show documentation for rule ${p.rule}`), lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: '', command: 'report.showRuleDocs', arguments: [p.rule] },
        });
      }
    }
    const fixable = analysis.problems.filter((p: Problem) => p.fixes.length > 0);
    if (here.length && fixable.length > 1 && new Set(fixable.map((p) => p.rule)).size > 1) {
      actions.push({
        title: t(msg('修复本文档中所有可自动修复的问题', 'Fix all auto-fixable problems in this document'), lang),
        kind: CodeActionKind.QuickFix,
        ...lazyEdit(doc, analysis, opts),
      });
    }
  }
  // Source actions are listed only when asked for (on save, or from the Source Action menu).
  if (only && wants(only, FIX_ALL_KIND) && only.some((o) => o.startsWith(CodeActionKind.SourceFixAll))) {
    const edit = fixAllEdit(doc, analysis, undefined, opts.isCancelled);
    if (edit) actions.push({ title: t(msg('修复所有可自动修复的问题', 'Fix all auto-fixable problems'), lang), kind: FIX_ALL_KIND, edit });
  }
  return actions;
}
