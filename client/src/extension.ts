// The report extension: starts the language server and wires its results into the editor.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PaidDecorations } from './paidDecorations';
import { registerRuleCommands } from './ruleCommands';
import { registerEncodingCommands } from './encoding';
import { registerWorkbenchCommands } from './commands';
import { ReportStatusBar } from './statusBar';
import { WordCommands } from './exportCommands';
import { PagePreview } from './preview';

let client: LanguageClient | undefined;

export const REPORT_SELECTOR: vscode.DocumentSelector = [{ language: 'report' }];

/** What the extension exports: used by its own integration tests and by other extensions. */
export interface ReportApi {
  client: LanguageClient;
  decorations: PaidDecorations;
  word: WordCommands;
  preview: PagePreview;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReportApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // A larger young generation keeps the model of a multi-megabyte report out of repeated copying collections.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=64'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Report Language Server'), { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'report' }],
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language, clientCommands: true },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.reportrc.json') },
  };
  client = new LanguageClient('report', vscode.l10n.t('Report Language Server'), serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('report.restartServer', async () => {
      await client?.restart();
    }),
  );
  registerRuleCommands(context);
  registerEncodingCommands(context);
  await client.start();
  const decorations = new PaidDecorations(client);
  context.subscriptions.push(decorations);
  registerWorkbenchCommands(context, client);
  context.subscriptions.push(new ReportStatusBar(client));
  const word = new WordCommands(context, client);
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
  return { client, decorations, word, preview };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
