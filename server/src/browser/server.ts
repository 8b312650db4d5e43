// The report language server in a browser Web Worker (vscode.dev, github.dev): the same service and LSP
// wiring as the Node host (lsp/connection.ts), over the worker's message port. The worker has no file
// system: it asks the client for `.reportrc.json` (`report/readWorkspaceFile`), which reads it through the
// editor's file system, only inside the workspace folders. The rule pages are where the client says.

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ErrorCodes, ResponseError } from 'vscode-languageserver/browser';
import { startReportServer } from '../lsp/connection';
import { ruleDocsBase, ruleDocUnder } from '../lsp/ruleDocs';
import * as serviceModule from '../service/service';
import { MAX_WORKSPACE_FILE, ReadWorkspaceFileRequest } from '../protocol';

/** The worker's global scope, as far as the message transport needs it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

/** The folder URI of the rule pages (no trailing slash), from the client's initialization options. */
let ruleDocs: string | undefined;
const docUris = new Map<string, string | undefined>();
/** Set once the client answered that it does not read files: then there is no workspace file to read. */
let clientReadsFiles = true;

startReportServer(connection, {
  version: '0.1.0',
  // One file in the browser: the worker script holds the service too.
  loadService: () => serviceModule,
  initialize(options) {
    ruleDocs = ruleDocsBase(options.ruleDocsUri);
    docUris.clear();
  },
  async readFile(uri) {
    if (!clientReadsFiles) return undefined;
    let text: unknown;
    try {
      text = await connection.sendRequest(ReadWorkspaceFileRequest, { uri });
    } catch (e) {
      if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) {
        clientReadsFiles = false;
        return undefined;
      }
      throw e;
    }
    // The client keeps to the limit; an answer beyond it (another client) is refused all the same.
    return typeof text === 'string' && text.length <= MAX_WORKSPACE_FILE ? text : undefined;
  },
  ruleDocUri(ruleId) {
    if (!ruleDocs) return undefined;
    let uri = docUris.get(ruleId);
    if (uri === undefined && !docUris.has(ruleId)) {
      uri = ruleDocUnder(ruleDocs, ruleId);
      docUris.set(ruleId, uri);
    }
    return uri;
  },
});
