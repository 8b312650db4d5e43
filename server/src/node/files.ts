// Reading workspace files for the Node host: only regular files, of a bounded size, whose real path
// (links resolved) lies inside one of the workspace folders' real paths.

import { open, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The largest `.reportrc.json` read; a larger one is ignored. */
export const MAX_WORKSPACE_FILE = 256 * 1024;

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

async function real(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

function inside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

export class WorkspaceFiles {
  private folders: Promise<string[]> = Promise.resolve([]);

  setFolders(uris: readonly string[]): void {
    this.folders = Promise.all(uris.map((u) => pathOf(u)).map((p) => (p ? real(p) : undefined))).then((ps) => ps.filter((p): p is string => !!p));
  }

  /** The file's text (UTF-8, BOM kept for the caller), or undefined when it must not or cannot be read. */
  async read(uri: string): Promise<string | undefined> {
    const path = pathOf(uri);
    if (!path) return undefined;
    const [file, folders] = await Promise.all([real(path), this.folders]);
    if (!file || !folders.some((f) => inside(file, f))) return undefined;
    let handle;
    try {
      handle = await open(file, 'r');
    } catch {
      return undefined;
    }
    try {
      const st = await handle.stat();
      if (!st.isFile() || st.size > MAX_WORKSPACE_FILE) return undefined;
      const buf = Buffer.alloc(Math.min(st.size, MAX_WORKSPACE_FILE));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } catch {
      return undefined;
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
}
