// A small LSP client for protocol tests: starts dist/server.js over stdio and lets each test decide how
// the client behaves (capabilities, folders, answers to the server's requests, including errors).

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = join(process.cwd(), 'dist', 'server.js');

export interface Diag {
  code: string;
  message: string;
  severity: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface StartOptions {
  locale?: string;
  pull?: boolean;
  settings?: unknown;
  /** Answer workspace/configuration with this (called per request); default: `settings`. */
  configuration?: (items: { scopeUri?: string }[]) => unknown;
  workspaceFolders?: { uri: string; name: string }[] | null;
  rootUri?: string | null;
  initializationOptions?: Record<string, unknown>;
  /** Whether the client resolves code actions' edits lazily. */
  resolveSupport?: boolean;
  /** Answer these server requests with a JSON-RPC error. */
  failRequests?: string[];
  dynamicConfigRegistration?: boolean;
  /** More environment variables for the server process. */
  env?: Record<string, string>;
  /** Another build of the server to start (default: dist/server.js). */
  server?: string;
}

export interface Server {
  proc: ChildProcess;
  conn: MessageConnection;
  pushed: Map<string, Diag[]>;
  messages: { type: number; message: string }[];
  logs: string[];
  stderr: () => string;
  exited: () => boolean;
  open(text: string, opts?: { uri?: string; version?: number }): Promise<string>;
  change(uri: string, version: number, text: string): Promise<void>;
  diagnostics(uri: string): Promise<Diag[]>;
  close(): Promise<void>;
}

let n = 0;
export function tempUri(ext = 'report'): string {
  return pathToFileURL(`/tmp/report-protocol-${process.pid}-${n++}.${ext}`).toString();
}

export async function start(opts: StartOptions = {}): Promise<Server> {
  const proc = spawn(process.execPath, [opts.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ? { ...process.env, ...opts.env } : undefined });
  let err = '';
  let exited = false;
  proc.on('exit', () => (exited = true));
  proc.stderr!.on('data', (d) => (err += d));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const pushed = new Map<string, Diag[]>();
  const messages: { type: number; message: string }[] = [];
  const logs: string[] = [];
  const fail = new Set(opts.failRequests ?? []);
  const reply = (method: string, value: () => unknown) => () => {
    if (fail.has(method)) return new ResponseError(-32603, `the client refuses ${method}`);
    return value();
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    pushed.set(p.uri, p.diagnostics);
  });
  conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) => {
    if (fail.has('workspace/configuration')) return new ResponseError(-32603, 'the client refuses workspace/configuration');
    if (opts.configuration) return opts.configuration(p.items);
    return p.items.map(() => opts.settings ?? {});
  });
  conn.onRequest('client/registerCapability', reply('client/registerCapability', () => null));
  conn.onRequest('window/workDoneProgress/create', reply('window/workDoneProgress/create', () => null));
  conn.onRequest('workspace/diagnostic/refresh', reply('workspace/diagnostic/refresh', () => null));
  conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    messages.push(p);
    return fail.has('window/showMessageRequest') ? new ResponseError(-32603, 'refused') : null;
  });
  conn.onNotification('window/showMessage', (p: { type: number; message: string }) => void messages.push(p));
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  conn.listen();
  const textDocument: Record<string, unknown> = opts.pull === false ? {} : { diagnostic: { dynamicRegistration: false } };
  textDocument.codeAction = {
    codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    ...(opts.resolveSupport === false ? {} : { resolveSupport: { properties: ['edit'] } }),
  };
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    workspaceFolders: opts.workspaceFolders ?? null,
    locale: opts.locale ?? 'en',
    initializationOptions: opts.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: opts.dynamicConfigRegistration ?? true }, workspaceFolders: true },
      textDocument,
    },
  });
  await conn.sendNotification('initialized', {});
  const server: Server = {
    proc,
    conn,
    pushed,
    messages,
    logs,
    stderr: () => err,
    exited: () => exited,
    async open(text, o = {}) {
      const uri = o.uri ?? tempUri();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: o.version ?? 1, text } });
      return uri;
    },
    async change(uri, version, text) {
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async diagnostics(uri) {
      const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
      return r.items;
    },
    async close() {
      if (exited) return;
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        // already gone
      }
      conn.dispose();
      if (!exited) await new Promise((r) => proc.once('exit', r));
    },
  };
  return server;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Applies LSP text edits (ranges on `text`) to `text`. */
export function applyTextEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  const lineEnd = (line: number) => {
    if (line + 1 >= starts.length) return text.length;
    let e = starts[line + 1] - 1;
    if (text.charCodeAt(e) === 10 && text.charCodeAt(e - 1) === 13) e--;
    return e;
  };
  const off = (p: { line: number; character: number }) => {
    if (p.line >= starts.length) return text.length;
    return Math.min(starts[p.line] + p.character, lineEnd(p.line));
  };
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
