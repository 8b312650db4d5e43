// The report extension on the desktop: the language server runs in a Node process (dist/server.js).
// Everything else is shared with the browser entry (browser.ts): see activate.ts.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateReport, deactivateReport, type ReportApi } from './activate';
import type { ExportBundle } from './exportCommands';
import { loadBundle } from './lazy';

export { REPORT_SELECTOR, type ReportApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<ReportApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps V8's code cache of its bundles in the extension's own storage (see server/src/node/code-cache.ts).
  const env = { ...process.env, REPORT_SERVER_CODE_CACHE: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    // A larger young generation keeps the model of a multi-megabyte report out of repeated copying collections.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=64'], env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'], env } },
  };
  // The Word writer and reader load on first use (dist/export.js, or its compressed form in the package).
  const loadExport = async () => loadBundle<ExportBundle>(context.asAbsolutePath(path.join('dist', 'export.js')));
  return activateReport(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options), {}, loadExport);
}

export function deactivate(): Promise<void> {
  return deactivateReport();
}
