import type { Metafile } from 'esbuild';

export function browserProblems(metafile: Metafile, options?: { allowExternal?: string[]; texts?: Record<string, string> }): string[];
export function kib(bytes: number): string;
