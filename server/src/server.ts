// The report language server for Node: `node dist/server.js --stdio` (or --node-ipc, --socket=PORT) serves
// any LSP client. The work is done by the host-independent service (service/service.ts) through the LSP
// wiring shared with the browser worker (lsp/connection.ts); this file adds what only Node has: the
// transport, reading `.reportrc.json` from disk inside the workspace folders, and a process-level guard.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startReportServer } from './lsp/connection';
import { ruleDocsBase, ruleDocUnder } from './lsp/ruleDocs';
import { WorkspaceFiles } from './node/files';

const connection = createConnection(ProposedFeatures.all);

// Anything that escapes a handler is logged; the server keeps serving the other documents.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
process.on('uncaughtException', (error) => {
  connection.console.error(`uncaught exception: ${error.stack ?? error.message}`);
});

const files = new WorkspaceFiles();
const docUris = new Map<string, string>();
/** The rule pages' base URI given by the client; without one, the pages beside the server (docs/rules/). */
let ruleDocs: string | undefined;

startReportServer(connection, {
  version: '0.1.0',
  // The bundle keeps the service in dist/server-service.js (see esbuild.mjs): loaded after initialize. This
  // bundle is dist/server-lsp.js; dist/server.js (node/main.ts) runs it with a `require` that loads the
  // service through the code cache too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadService: () => require('./service/service') as typeof import('./service/service'),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
  readFile: (uri) => files.read(uri),
  setFolders: (uris) => files.setFolders(uris),
  initialize(options) {
    ruleDocs = ruleDocsBase(options.ruleDocsUri);
    docUris.clear();
  },
  ruleDocUri(ruleId) {
    // Computed once per rule: building a file URL costs more than the rest of a diagnostic.
    let uri = docUris.get(ruleId);
    if (uri === undefined) {
      if (ruleDocs) uri = ruleDocUnder(ruleDocs, ruleId) ?? '';
      else uri = /^[a-z0-9-]+$/.test(ruleId) ? pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).toString() : '';
      docUris.set(ruleId, uri);
    }
    return uri || undefined;
  },
});
