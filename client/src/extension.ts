// The report extension on the desktop: the language server runs in a Node process (dist/server.js).
// Everything else is shared with the browser entry (browser.ts): see activate.ts.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateReport, deactivateReport, type ReportApi } from './activate';

export { REPORT_SELECTOR, type ReportApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<ReportApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // A larger young generation keeps the model of a multi-megabyte report out of repeated copying collections.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=64'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateReport(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
}

export function deactivate(): Promise<void> {
  return deactivateReport();
}
