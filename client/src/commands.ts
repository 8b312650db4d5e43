// The author's commands: renumber headings, insert the next heading, wrap and unwrap paid markers, copy or
// open the report without paid markers, move between blanks, show statistics. The language server does
// the work on its analysis of the document; the commands apply its versioned edits.

import * as vscode from 'vscode';
import type { BaseLanguageClient, WorkspaceEdit } from 'vscode-languageclient';
import type { RequestType } from 'vscode-languageserver-protocol';
import {
  FixAllRequest,
  NextBlankRequest,
  NextHeadingRequest,
  RenumberRequest,
  TextWithoutPaidMarkersRequest,
  UnwrapPaidRequest,
  WrapPaidRequest,
} from '../../server/src/protocol';
import { StatisticsView } from './statisticsView';

export const WORKBENCH_COMMANDS = [
  'report.renumberHeadings',
  'report.insertNextHeading',
  'report.wrapPaid',
  'report.unwrapPaid',
  'report.copyWithoutPaidMarkers',
  'report.openWithoutPaidMarkers',
  'report.nextBlank',
  'report.previousBlank',
  'report.fixAll',
  'report.showStatistics',
] as const;

/** The active editor when it holds a report; otherwise says why the command does nothing. */
function reportEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'report') return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (a .report file) to use this command.'));
  return undefined;
}

export function registerWorkbenchCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): StatisticsView {
  const c2p = client.code2ProtocolConverter;
  const p2c = client.protocol2CodeConverter;
  const statistics = new StatisticsView(client);
  context.subscriptions.push(statistics);

  async function request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | null> {
    try {
      return await client.sendRequest<P, R, void>(type, params as never);
    } catch (e) {
      client.error(`${type.method} failed`, e, false);
      void vscode.window.showErrorMessage(vscode.l10n.t('The report language server could not complete the command: {0}', e instanceof Error ? e.message : String(e)));
      return null;
    }
  }

  /** Applies a versioned edit of the server; false when there was nothing to apply or it no longer fits. */
  async function apply(editor: vscode.TextEditor, edit: WorkspaceEdit): Promise<boolean> {
    const change = edit.documentChanges?.[0];
    if (!change || !('edits' in change) || change.edits.length === 0) return false;
    if (change.textDocument.version !== null && change.textDocument.version !== editor.document.version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The report changed while the command ran. Please try again.'));
      return false;
    }
    return vscode.workspace.applyEdit(await p2c.asWorkspaceEdit(edit));
  }

  const uriOf = (editor: vscode.TextEditor) => editor.document.uri.toString();

  const register = (id: (typeof WORKBENCH_COMMANDS)[number], fn: (editor: vscode.TextEditor) => Promise<unknown>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async () => {
        const editor = reportEditor();
        if (editor) await fn(editor);
      }),
    );

  register('report.renumberHeadings', async (editor) => {
    const selection = editor.selection;
    const range = selection.isEmpty ? undefined : c2p.asRange(selection);
    const edit = await request(RenumberRequest, { uri: uriOf(editor), range });
    if (!edit) return;
    const change = edit.documentChanges?.[0];
    const count = change && 'edits' in change ? change.edits.length : 0;
    if (count === 0) {
      void vscode.window.showInformationMessage(
        range ? vscode.l10n.t('The selected headings are already numbered in order.') : vscode.l10n.t('All heading numbers are already in order.'),
      );
      return;
    }
    if (await apply(editor, edit)) {
      vscode.window.setStatusBarMessage(count === 1 ? vscode.l10n.t('Renumbered 1 heading.') : vscode.l10n.t('Renumbered {0} headings.', count), 4000);
    }
  });

  register('report.insertNextHeading', async (editor) => {
    const doc = editor.document;
    const active = editor.selection.active;
    const line = doc.lineAt(active.line);
    // On a blank line the number goes at the cursor; otherwise on a new line after the current one.
    const onBlank = line.isEmptyOrWhitespace;
    const at = onBlank ? active : line.range.end;
    const result = await request(NextHeadingRequest, { uri: uriOf(editor), position: c2p.asPosition(at) });
    if (!result) return;
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const version = doc.version;
    const ok = await editor.edit((b) => b.insert(at, onBlank ? result.text : eol + result.text));
    if (!ok || doc.version === version) return;
    const caret = onBlank ? at.translate(0, result.text.length) : new vscode.Position(at.line + 1, result.text.length);
    editor.selection = new vscode.Selection(caret, caret);
    editor.revealRange(new vscode.Range(caret, caret));
  });

  register('report.wrapPaid', async (editor) => {
    const selection = editor.selection;
    const edit = await request(WrapPaidRequest, { uri: uriOf(editor), range: c2p.asRange(selection) });
    if (!edit) {
      const text = selection.isEmpty ? editor.document.lineAt(selection.active.line).text : editor.document.getText(selection);
      void vscode.window.showInformationMessage(
        /\S/u.test(text)
          ? vscode.l10n.t('The selection is already inside a paid region.')
          : vscode.l10n.t('Nothing to mark as paid: select the text that readers should pay for.'),
      );
      return;
    }
    await apply(editor, edit);
  });

  register('report.unwrapPaid', async (editor) => {
    const edit = await request(UnwrapPaidRequest, { uri: uriOf(editor), position: c2p.asPosition(editor.selection.active) });
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not inside a paid region or on a paid marker.'));
      return;
    }
    await apply(editor, edit);
  });

  register('report.copyWithoutPaidMarkers', async (editor) => {
    const text = await request(TextWithoutPaidMarkersRequest, { uri: uriOf(editor) });
    if (text === null) return;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      text === editor.document.getText()
        ? vscode.l10n.t('The report has no paid markers; copied it as it is.')
        : vscode.l10n.t('Copied the report without its paid markers.'),
    );
  });

  register('report.openWithoutPaidMarkers', async (editor) => {
    const text = await request(TextWithoutPaidMarkersRequest, { uri: uriOf(editor) });
    if (text === null) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  const goToBlank = async (editor: vscode.TextEditor, direction: 'next' | 'previous') => {
    const from = direction === 'next' ? editor.selection.end : editor.selection.start;
    const range = await request(NextBlankRequest, { uri: uriOf(editor), position: c2p.asPosition(from), direction });
    if (!range) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No blanks left to fill in this report.'));
      return;
    }
    const r = p2c.asRange(range);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (direction === 'next' ? r.start.isBefore(from) : r.start.isAfterOrEqual(from)) {
      vscode.window.setStatusBarMessage(
        direction === 'next'
          ? vscode.l10n.t('Reached the end of the report; continued from the top.')
          : vscode.l10n.t('Reached the top of the report; continued from the end.'),
        3000,
      );
    }
  };
  register('report.nextBlank', (editor) => goToBlank(editor, 'next'));
  register('report.previousBlank', (editor) => goToBlank(editor, 'previous'));

  register('report.fixAll', async (editor) => {
    const edit = await request(FixAllRequest, { uri: uriOf(editor) });
    const change = edit?.documentChanges?.[0];
    const count = change && 'edits' in change ? change.edits.length : 0;
    if (!edit || count === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix automatically in this report.'));
      return;
    }
    if (await apply(editor, edit)) vscode.window.setStatusBarMessage(vscode.l10n.t('Fixed the auto-fixable problems ({0} edits).', count), 4000);
  });

  register('report.showStatistics', async (editor) => statistics.show(editor.document));

  return statistics;
}
