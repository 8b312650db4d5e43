// The quick fix of the `encoding` rule: reopen a garbled report with the right encoding. The file on disk
// is never written: the editor reads its bytes again. Where the API cannot reopen a document with an
// encoding (older VS Code), the workbench's own "Change File Encoding" picker is shown instead.

import * as vscode from 'vscode';

export const REOPEN_WITH_ENCODING = 'report.reopenWithEncoding';

/** The encodings the rule suggests, with VS Code's names; anything else is refused. */
const ENCODINGS: Record<string, string> = { gbk: 'GBK', utf8: 'UTF-8' };

function isValid(bytes: Uint8Array, label: string): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

type OpenWithEncoding = (uri: vscode.Uri, options: { encoding: string }) => Thenable<vscode.TextDocument & { encoding?: string }>;

export async function reopenWithEncoding(uriArg: unknown, encodingArg: unknown): Promise<boolean> {
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
  const encoding = typeof encodingArg === 'string' && ENCODINGS[encodingArg] ? encodingArg : 'gbk';
  if (!uri) return false;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The report has unsaved changes, so it cannot be read again with another encoding. Undo the changes or use "File: Revert File" first; do not save the garbled text.'),
    );
    return false;
  }
  // The bytes tell whether reopening can help: a GBK file is not valid UTF-8, and the other way round.
  let bytes: Uint8Array | undefined;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    bytes = undefined; // not a file the workspace can read (untitled): try all the same
  }
  if (bytes && encoding === 'gbk' && isValid(bytes, 'utf-8')) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The garbled characters are stored in the file itself (it is valid UTF-8), so reading it again with another encoding cannot repair it. Take the text from an original copy of the report.'),
    );
    return false;
  }
  try {
    const doc = await (vscode.workspace.openTextDocument as unknown as OpenWithEncoding)(uri, { encoding });
    if (doc.encoding === encoding) {
      await vscode.window.showTextDocument(doc, { preview: false });
      return true;
    }
  } catch (e) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not reopen the report with the {0} encoding: {1}', ENCODINGS[encoding], e instanceof Error ? e.message : String(e)));
    return false;
  }
  // An editor without the encoding option: its own picker ("Reopen with Encoding").
  if (!open || vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
  return false;
}

export function registerEncodingCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(REOPEN_WITH_ENCODING, reopenWithEncoding));
}
