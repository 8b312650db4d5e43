// The LSP side of the report service, for any transport: the Node host (stdio, IPC, socket) and the
// browser worker create their connection and pass it here with their way of reading workspace files.
//
// Every request the server sends has its failure handled, every handler answers (an exception is logged
// and answered with an empty result), and long work gives way to cancellation.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { langOf } from '../core/i18n';
import {
  FixAllRequest,
  NextBlankRequest,
  NextHeadingRequest,
  PaidRegionsRequest,
  PrintRequest,
  RenumberRequest,
  StatisticsRequest,
  TextWithoutPaidMarkersRequest,
  TrustNotification,
  UnwrapPaidRequest,
  WrapPaidRequest,
  type DocumentParams,
  type InitializationOptions,
} from '../protocol';
import { isCancelled } from '../core/cancel';
import type { ReportService } from '../service/service';
import { FIX_ALL_KIND } from './kinds';
import { DiagnosticResults } from './results';
import { LEGEND } from './semantic';

export interface LspHost {
  /** Reads a workspace file (see ServiceHost.readFile); the folders are those the client announced. */
  readFile(uri: string): Promise<string | undefined>;
  /** Told the workspace folders, so that `readFile` can keep to them. */
  setFolders?(uris: readonly string[]): void;
  ruleDocUri?(ruleId: string): string | undefined;
  /** Told the client's initialization options before anything else (the browser worker learns where the rule pages are). */
  initialize?(options: InitializationOptions): void;
  version: string;
  /**
   * The service module (the analysis and every feature). Loaded on first use, after `initialize` is
   * answered: the Node host keeps it in a file of its own, so that start-up does not wait for it.
   */
  loadService(): typeof import('../service/service');
  /**
   * Gives way to incoming messages during a long lint (a cancellation, another request); the service's
   * `setTimeout(0)` when absent. Node's `setImmediate` lets I/O in without the timer's millisecond.
   */
  pause?(): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Wires the report service to a connection and starts listening. */
export function startReportServer(connection: Connection, lspHost: LspHost): void {
  const documents = new TextDocuments(TextDocument);
  let service: ReportService | undefined;
  /** Makes the service (set by initialize; the service module is loaded then). */
  let makeService: (() => ReportService) | undefined;
  /** The service, made on first use after initialize; undefined before initialize. */
  const current = (): ReportService | undefined => {
    if (!service && makeService) {
      const make = makeService;
      makeService = undefined;
      service = make();
    }
    return service;
  };
  let pullDiagnostics = false;
  let canRegisterConfigChange = false;
  let canPull = false;
  let folders: string[] = [];
  /** Counts the content changes of each open document: versions alone may not advance. */
  const contentSeq = new Map<string, number>();
  /** The last diagnostics result of each document, to answer `unchanged` when nothing changed. */
  const results = new DiagnosticResults();

  const log = (level: 'info' | 'warn' | 'error', message: string) => {
    if (level === 'error') connection.console.error(message);
    else if (level === 'warn') connection.console.warn(message);
    else connection.console.log(message);
  };
  /** Sends without waiting; a failure (the client answered with an error, or went away) is logged. */
  const fireAndLog = (what: string, p: PromiseLike<unknown> | void) => {
    void Promise.resolve(p).then(undefined, (e: unknown) => log('warn', `${what} failed: ${errorText(e)}`));
  };

  const svc = (): ReportService => {
    const s = current();
    if (!s) throw new Error('the server is not initialized');
    return s;
  };

  /** Runs a handler; an exception is logged and answered with the fallback, a cancellation as such. */
  async function safe<T>(what: string, fallback: T, fn: () => T | Promise<T>): Promise<T | ResponseError<void>> {
    try {
      return await fn();
    } catch (e) {
      if (isCancelled(e)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      log('error', `${what} failed: ${errorText(e)}`);
      return fallback;
    }
  }

  /** The open document a request names, or undefined (a closed one, a bad parameter). */
  const docOf = (params: unknown): TextDocument | undefined => {
    if (!isRecord(params)) return undefined;
    const uri = isRecord(params.textDocument) ? params.textDocument.uri : params.uri;
    return typeof uri === 'string' ? documents.get(uri) : undefined;
  };

  // ---- push diagnostics, for clients without pull support ------------------------------------------

  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const pushing = new Map<string, { cancel: boolean }>();

  function schedulePush(doc: TextDocument): void {
    if (pullDiagnostics) return;
    const old = pending.get(doc.uri);
    if (old) clearTimeout(old);
    const running = pushing.get(doc.uri);
    if (running) running.cancel = true;
    pending.set(
      doc.uri,
      setTimeout(() => {
        pending.delete(doc.uri);
        const token = { cancel: false };
        pushing.set(doc.uri, token);
        const seq = contentSeq.get(doc.uri);
        void safe('diagnostics', undefined, async () => {
          const current = documents.get(doc.uri);
          if (!current) return;
          const items = await svc().diagnostics(current, { get isCancellationRequested() { return token.cancel; } });
          if (token.cancel || !documents.get(doc.uri) || contentSeq.get(doc.uri) !== seq) return;
          fireAndLog('publishDiagnostics', connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: items }));
        }).finally(() => {
          if (pushing.get(doc.uri) === token) pushing.delete(doc.uri);
        });
      }, old ? 120 : 0),
    );
  }

  function refreshDiagnostics(): void {
    if (pullDiagnostics) fireAndLog('workspace/diagnostic/refresh', connection.languages.diagnostics.refresh());
    else for (const doc of documents.all()) schedulePush(doc);
  }

  // ---- lifecycle -------------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init: InitializationOptions = isRecord(params.initializationOptions) ? (params.initializationOptions as InitializationOptions) : {};
    lspHost.initialize?.(init);
    const caps = params.capabilities ?? {};
    canPull = !!caps.workspace?.configuration;
    canRegisterConfigChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    const resolveProps = caps.textDocument?.codeAction?.resolveSupport?.properties;
    makeService = () => {
      const made = new (lspHost.loadService().ReportService)(
        {
          getSettings: async (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'report' }),
          readFile: (uri) => lspHost.readFile(uri),
          ruleDocUri: lspHost.ruleDocUri ? (id) => lspHost.ruleDocUri!(id) : undefined,
          log,
          warn: (message) => fireAndLog('window/showMessage', connection.window.showWarningMessage(message)),
        },
        {
          lang: langOf(params.locale ?? (typeof init.locale === 'string' ? init.locale : undefined)),
          clientCommands: init.clientCommands === true,
          resolveSupport: Array.isArray(resolveProps) && resolveProps.includes('edit'),
          trusted: init.trusted !== false,
          pause: lspHost.pause ? () => lspHost.pause!() : undefined,
        },
      );
      made.setPushedSettings(init.settings, canPull);
      made.setFolders(folders);
      return made;
    };
    const announced = Array.isArray(params.workspaceFolders)
      ? params.workspaceFolders.map((f) => f?.uri).filter((u): u is string => typeof u === 'string')
      : // `rootUri` alone (older clients) is a workspace folder too; a document outside it reads no workspace file.
        typeof params.rootUri === 'string'
        ? [params.rootUri]
        : [];
    folders = announced;
    lspHost.setFolders?.(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Report' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { resolveProvider: false, triggerCharacters: ['（'] },
        documentHighlightProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: true },
        semanticTokensProvider: { legend: LEGEND, full: true },
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'report-language-server', version: lspHost.version },
    };
  });

  connection.onInitialized(() => {
    // The service (and the analysis with it) is loaded now, before the first document arrives.
    current();
    if (canRegisterConfigChange) fireAndLog('client/registerCapability', connection.client.register(DidChangeConfigurationNotification.type, { section: 'report' }));
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        lspHost.setFolders?.(folders);
        svc().setFolders(folders);
        refreshDiagnostics();
      });
    } catch {
      // The client did not announce workspace folder support: nothing to follow.
    }
    log('info', `report language server ready (${pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
  });

  connection.onDidChangeConfiguration((change) => {
    const service = current();
    if (!service) return;
    const settings = isRecord(change?.settings) ? change.settings.report : undefined;
    if (settings !== undefined) service.setPushedSettings(settings, canPull);
    service.configurationChanged();
    refreshDiagnostics();
  });

  connection.onDidChangeWatchedFiles(() => {
    const service = current();
    if (!service) return;
    service.filesChanged();
    refreshDiagnostics();
  });

  connection.onNotification(TrustNotification, (params) => {
    const service = current();
    if (!service || !isRecord(params) || typeof params.trusted !== 'boolean') return;
    service.setTrusted(params.trusted);
    refreshDiagnostics();
  });

  documents.onDidOpen((e) => {
    contentSeq.set(e.document.uri, (contentSeq.get(e.document.uri) ?? 0) + 1);
    current()?.opened(e.document.uri);
    schedulePush(e.document);
  });
  documents.onDidChangeContent((e) => {
    contentSeq.set(e.document.uri, (contentSeq.get(e.document.uri) ?? 0) + 1);
    schedulePush(e.document);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    contentSeq.delete(uri);
    results.forget(uri);
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.delete(uri);
    const running = pushing.get(uri);
    if (running) running.cancel = true;
    current()?.closed(uri);
    if (!pullDiagnostics) fireAndLog('publishDiagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
  });

  // ---- features --------------------------------------------------------------------------------------

  connection.languages.diagnostics.on(async (params, token: CancellationToken) => {
    const doc = docOf(params);
    const service = current();
    if (!doc || !service) return { kind: 'full', items: [] };
    const state = `${contentSeq.get(doc.uri) ?? 0}:${service.configGeneration}`;
    const known = results.known(doc.uri, state, params.previousResultId);
    if (known) return known;
    const items = await safe('diagnostics', undefined, () => svc().diagnostics(doc, token));
    if (items instanceof ResponseError) throw items;
    // A failure is answered with an empty list that is not kept as a result.
    if (!items) return { kind: 'full', resultId: '', items: [] as Diagnostic[] };
    // The document may have changed while the lint gave way: the result is that of the state it started in.
    return results.settle(doc.uri, state, items, params.previousResultId);
  });

  /** Registers a handler on an open document; it answers `fallback` for a closed one or a bad parameter. */
  function onDocument<R, F>(what: string, fallback: F, fn: (doc: TextDocument, params: never, token: CancellationToken) => Promise<R>) {
    return async (params: unknown, token: CancellationToken): Promise<R | F> => {
      const doc = docOf(params);
      if (!doc || !current()) return fallback;
      const r = await safe<R | F>(what, fallback, () => fn(doc, params as never, token));
      if (r instanceof ResponseError) throw r;
      return r;
    };
  }

  connection.onDocumentSymbol(onDocument('documentSymbol', [], (doc) => svc().documentSymbols(doc)));
  connection.onFoldingRanges(onDocument('foldingRange', [], (doc) => svc().foldingRanges(doc)));
  connection.onHover(onDocument('hover', null, (doc, p: { position: never }) => svc().hover(doc, p.position)));
  connection.onDocumentHighlight(onDocument('documentHighlight', [], (doc, p: { position: never }) => svc().documentHighlights(doc, p.position)));
  connection.languages.semanticTokens.on(onDocument('semanticTokens', { data: [] }, (doc) => svc().semanticTokens(doc)));
  connection.onCodeAction(onDocument('codeAction', [], (doc, p: never, token) => svc().codeActions(doc, p, token)));
  connection.onCodeActionResolve(async (action, token) => {
    if (!current() || !isRecord(action)) return action;
    const r = await safe('codeAction/resolve', action, () => svc().resolveCodeAction(action, (uri) => documents.get(uri), token));
    if (r instanceof ResponseError) throw r;
    return r;
  });
  connection.onDocumentFormatting(onDocument('formatting', null, (doc) => svc().formatting(doc)));
  connection.onCompletion(onDocument('completion', null, (doc, p: { position: never; context?: never }) => svc().completion(doc, p.position, p.context)));

  // ---- the extension's requests ----------------------------------------------------------------------

  connection.onRequest(StatisticsRequest, onDocument('report/statistics', null, (doc, p: never) => svc().statistics(doc, p)));
  connection.onRequest(PaidRegionsRequest, onDocument('report/paidRegions', null, (doc, p: DocumentParams) => svc().paidRegions(doc, p)));
  connection.onRequest(FixAllRequest, onDocument('report/fixAll', null, (doc, p: never, token) => svc().fixAll(doc, p, token)));
  connection.onRequest(RenumberRequest, onDocument('report/renumber', null, (doc, p: never) => svc().renumber(doc, p)));
  connection.onRequest(NextHeadingRequest, onDocument('report/nextHeading', null, (doc, p: never) => svc().nextHeading(doc, p)));
  connection.onRequest(WrapPaidRequest, onDocument('report/wrapPaid', null, (doc, p: never) => svc().wrapPaid(doc, p)));
  connection.onRequest(UnwrapPaidRequest, onDocument('report/unwrapPaid', null, (doc, p: never) => svc().unwrapPaid(doc, p)));
  connection.onRequest(TextWithoutPaidMarkersRequest, onDocument('report/textWithoutPaidMarkers', null, (doc) => svc().textWithoutPaidMarkers(doc)));
  connection.onRequest(NextBlankRequest, onDocument('report/nextBlank', null, (doc, p: never) => svc().nextBlank(doc, p)));
  connection.onRequest(PrintRequest, onDocument('report/print', null, async (doc) => lspHost.loadService().print(doc, await svc().analyze(doc))));

  documents.listen(connection);
  connection.listen();
}
