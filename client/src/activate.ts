// What the extension does once its language client exists, the same on the desktop (extension.ts, the
// server in a Node process) and in the browser (browser.ts, the server in a Web Worker): the client's
// options, the commands, the decorations, the status bar and the statistics view. Each entry only says how
// to create the client.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ReadWorkspaceFileRequest, TrustNotification, type InitializationOptions } from '../../server/src/protocol';
import { registerWorkbenchCommands } from './commands';
import { PaidDecorations } from './paidDecorations';
import { registerRuleCommands } from './ruleCommands';
import { RULE_DOCS_URI, registerRuleDocs } from './ruleDocs';
import { registerEncodingCommands } from './encoding';
import { ReportStatusBar } from './statusBar';
import { readWorkspaceFile } from './workspaceFiles';
import { WordCommands, type ExportBundle } from './exportCommands';
import { PagePreview } from './preview';

export const REPORT_SELECTOR: vscode.DocumentSelector = [{ language: 'report' }];

/** What the extension exports: used by its own integration tests and by other extensions. */
export interface ReportApi {
  client: BaseLanguageClient;
  decorations: PaidDecorations;
  word: WordCommands;
  preview: PagePreview;
}

/** Creates the language client of an entry from the shared client options. */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

/** The initialization options, computed at each (re)start: trust may have been granted meanwhile. */
function initializationOptions(extra: Partial<InitializationOptions>): InitializationOptions {
  return { locale: vscode.env.language, clientCommands: true, trusted: vscode.workspace.isTrusted, ruleDocsUri: RULE_DOCS_URI, ...extra };
}

export async function activateReport(
  context: vscode.ExtensionContext,
  createClient: ClientFactory,
  extraInit: Partial<InitializationOptions> = {},
  /** Loads the Word writer and reader; absent where the entry cannot load it (the browser, for now). */
  loadExport?: () => Promise<ExportBundle>,
): Promise<ReportApi> {
  const name = vscode.l10n.t('Report Language Server');
  const output = vscode.window.createOutputChannel(name, { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'report' }],
    outputChannel: output,
    initializationOptions: () => initializationOptions(extraInit),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.reportrc.json') },
  };
  const current = createClient('report', name, clientOptions);
  client = current;
  context.subscriptions.push(
    vscode.commands.registerCommand('report.restartServer', async () => {
      await current.stop();
      await current.start();
    }),
    // A server without a file system (the browser worker) reads `.reportrc.json` through the editor.
    current.onRequest(ReadWorkspaceFileRequest, (params) => readWorkspaceFile(params)),
    // Trust can only be granted while the window lives; the server then reads the workspace's patterns.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (current.isRunning()) {
        current.sendNotification(TrustNotification, { trusted: true }).catch((e: unknown) => current.warn(`${TrustNotification.method} failed`, e, false));
      }
    }),
  );
  registerRuleDocs(context);
  registerRuleCommands(context);
  registerEncodingCommands(context);
  await current.start();
  const decorations = new PaidDecorations(current);
  context.subscriptions.push(decorations);
  registerWorkbenchCommands(context, current);
  context.subscriptions.push(new ReportStatusBar(current));
  const word = new WordCommands(context, current, loadExport);
  const preview = new PagePreview(word);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('report.openPreviewToSide', (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'report') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (a .report file) to use this command.'));
        return;
      }
      preview.show(doc);
    }),
  );
  return { client: current, decorations, word, preview };
}

export async function deactivateReport(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.stop();
}
