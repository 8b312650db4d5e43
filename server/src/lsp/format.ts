// textDocument/formatting: the core formatter's edits as LSP text edits.

import type { TextEdit } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResolvedConfig } from '../core/config';
import { formatReport } from '../core/format';
import { toTextEdit } from './convert';

export function formattingEdits(doc: TextDocument, config: ResolvedConfig): TextEdit[] {
  return formatReport(doc.getText(), config).edits.map((e) => toTextEdit(doc, e));
}
