// The workspace configuration file `.reportrc.json`, looked up from a document's folder upwards.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportSettings } from '../core/config';

export const RC_NAME = '.reportrc.json';

export class ReportRcFiles {
  private cache = new Map<string, { path: string; settings: ReportSettings } | null>();
  /** Files that failed to parse, with the reason, for the user to see. */
  readonly errors = new Map<string, string>();

  clear(): void {
    this.cache.clear();
    this.errors.clear();
  }

  /** The settings of the nearest `.reportrc.json` above the document (within `roots` when given). */
  forDocument(uri: string, roots: string[]): ReportSettings | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    for (let depth = 0; depth < 32; depth++) {
      const found = this.inDir(dir);
      if (found) return found.settings;
      if (roots.includes(dir)) break;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  }

  private inDir(dir: string): { path: string; settings: ReportSettings } | null {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    const path = join(dir, RC_NAME);
    let result: { path: string; settings: ReportSettings } | null = null;
    try {
      if (statSync(path).isFile()) {
        const raw = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
        try {
          const json = JSON.parse(raw);
          result = { path, settings: json && typeof json === 'object' ? (json as ReportSettings) : {} };
        } catch (e) {
          this.errors.set(path, e instanceof Error ? e.message : String(e));
          result = { path, settings: {} };
        }
      }
    } catch {
      result = null;
    }
    this.cache.set(dir, result);
    return result;
  }
}
