// The real-report corpus beside the repository (../shared/corpus): where it is, which files it holds,
// and the outline of a parsed report as the golden files write it.

import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportModel, Section } from '../../server/src/core/model';

/** The corpus folder: a sibling of the repository's folder (absent outside the development machines and CI). */
export function corpusDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'corpus');
}

/** The corpus documents (every file but the README and the sources table), sorted. */
export function corpusFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !/^README|^SOURCES/u.test(f) && /\.(?:txt|md)$/u.test(f))
    .sort();
}

/** The outline, one line per heading: two spaces per level of nesting, then the heading's name. */
export function outlineLines(model: ReportModel): string[] {
  const out: string[] = [];
  const walk = (s: Section, depth: number) => {
    out.push('  '.repeat(depth) + s.heading.name.replace(/\s+/gu, ' '));
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of model.sections) walk(s, 0);
  return out;
}

/** The documents the figures for published reports are taken over: everything but drafts and notes. */
export const DRAFTS = new Set(['00-seed-2023-yibashou-shuzhi.txt', '31-shuzhi-notes-draft-2024.md']);
