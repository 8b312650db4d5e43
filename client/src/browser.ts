// The report extension in the browser (vscode.dev, github.dev): the language server runs in a Web Worker
// (dist/web/server.js) and reads `.reportrc.json` through the editor (see workspaceFiles.ts). Everything
// else is shared with the desktop entry (extension.ts): see activate.ts.

import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateReport, deactivateReport, type ReportApi } from './activate';

/** A Web Worker, as the web extension host has it (the project compiles without the DOM library). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

export function activate(context: vscode.ExtensionContext): Promise<ReportApi> {
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  let worker: ServerWorker | undefined;
  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
  };
  context.subscriptions.push({ dispose: stopWorker });
  return activateReport(
    context,
    (id, name, options) =>
      // A new worker for every start (a restart stops the old one first): the old one's connection is closed.
      new LanguageClient(
        id,
        name,
        () => {
          stopWorker();
          const w = new Worker(serverUrl, { name: 'report-language-server' });
          worker = w;
          // The transports themselves: the web extension host wraps `Worker`, so the client's own
          // `instanceof Worker` test fails on what it creates.
          return Promise.resolve({ reader: new BrowserMessageReader(w as never), writer: new BrowserMessageWriter(w as never) });
        },
        options,
      ),
  );
}

export function deactivate(): Promise<void> {
  return deactivateReport();
}
