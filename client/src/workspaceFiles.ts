// Reads workspace files for a language server that has no file system (the browser worker): only the files
// the protocol names (`.reportrc.json`), only inside a workspace folder, never through a link, and only up to
// the size limit. Anything else, and any failure, is answered with null: the server then goes without.

import * as vscode from 'vscode';
import { MAX_WORKSPACE_FILE, READABLE_WORKSPACE_FILES } from '../../server/src/protocol';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The file a request may read, or undefined. */
export function readableUri(params: unknown): vscode.Uri | undefined {
  if (!isRecord(params) || typeof params.uri !== 'string' || params.uri.length > 8192) return undefined;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(params.uri, true);
  } catch {
    return undefined;
  }
  const segments = uri.path.split('/');
  const name = segments[segments.length - 1];
  // Dot segments and hidden separators could lead outside the folder that seemed to hold the file.
  if (segments.some((s) => s === '.' || s === '..' || s.includes('\\')) || !READABLE_WORKSPACE_FILES.includes(name)) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || folder.uri.scheme !== uri.scheme || folder.uri.authority !== uri.authority) return undefined;
  return uri;
}

/** Answers `report/readWorkspaceFile`: the file's text, or null. */
export async function readWorkspaceFile(params: unknown): Promise<string | null> {
  const uri = readableUri(params);
  if (!uri) return null;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File || stat.size > MAX_WORKSPACE_FILE) return null;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > MAX_WORKSPACE_FILE) return null;
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return null;
  }
}
