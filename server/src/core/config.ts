// Configuration as the analysis core sees it, resolved from editor settings and the workspace file.

import { DEFAULT_PAID_MARKERS, type PaidMarkerSpellings } from './paid';
import type { ParseOptions } from './parser';
import type { SeveritySetting } from './rules/types';

/** The raw settings (`report.*` in the editor, or `.reportrc.json`). Unknown or invalid values are ignored. */
export interface ReportSettings {
  rules?: Record<string, unknown>;
  placeholders?: { patterns?: unknown };
  paidMarkers?: { begin?: unknown; end?: unknown; pagebreak?: unknown };
  dictionary?: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Severity per rule id; rules not listed use their default. */
  rules: Map<string, SeveritySetting>;
  parse: Required<ParseOptions>;
  /** User dictionary: wrong → right. */
  dictionary: Map<string, string>;
  /** Patterns that could not be compiled, reported to the user once. */
  invalidPatterns: string[];
}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200);
  return out.length ? out : undefined;
}

/** Merges settings, later ones winning (defaults < editor settings < workspace file). */
export function resolveConfig(...layers: (ReportSettings | undefined | null)[]): ResolvedConfig {
  const rules = new Map<string, SeveritySetting>();
  const dictionary = new Map<string, string>();
  const patterns: string[] = [];
  const paid: PaidMarkerSpellings = { ...DEFAULT_PAID_MARKERS };
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    if (layer.rules && typeof layer.rules === 'object') {
      for (const [id, v] of Object.entries(layer.rules)) {
        const sev = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { severity?: unknown }).severity : undefined;
        if (typeof sev === 'string' && SEVERITIES.has(sev)) rules.set(id, sev as SeveritySetting);
      }
    }
    const p = strings(layer.placeholders?.patterns);
    if (p) patterns.push(...p);
    for (const k of ['begin', 'end', 'pagebreak'] as const) {
      const s = strings(layer.paidMarkers?.[k]);
      if (s) paid[k] = s;
    }
    if (layer.dictionary && typeof layer.dictionary === 'object') {
      for (const [wrong, right] of Object.entries(layer.dictionary)) {
        if (typeof right === 'string' && wrong.length > 0 && wrong.length <= 100 && wrong !== right) dictionary.set(wrong, right);
      }
    }
  }
  const compiled: RegExp[] = [];
  const invalidPatterns: string[] = [];
  for (const src of patterns) {
    try {
      compiled.push(new RegExp(src, 'gu'));
    } catch {
      invalidPatterns.push(src);
    }
  }
  return { rules, parse: { paidMarkers: paid, placeholderPatterns: compiled }, dictionary, invalidPatterns };
}

export const DEFAULT_CONFIG = resolveConfig();

/** A key that changes whenever the parse options change, to share parses between equal configurations. */
export function parseKey(config: ResolvedConfig): string {
  return JSON.stringify([config.parse.paidMarkers, config.parse.placeholderPatterns.map((r) => r.source)]);
}
