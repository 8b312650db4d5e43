// Pull diagnostics that send less: each document's last result is kept with an id, and a pull whose result
// would be identical to the one the client holds is answered `unchanged` — typing in one paragraph of a long
// report moves no diagnostic on the other lines, so most keystrokes send a few bytes instead of every
// diagnostic again. Diagnostics that did not change keep their objects from the last result.

import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';

interface LastResult {
  id: string;
  /** The document content and configuration the result was computed for. */
  state: string;
  items: Diagnostic[];
}

function samePosition(a: Diagnostic['range']['start'], b: Diagnostic['range']['start']): boolean {
  return a.line === b.line && a.character === b.character;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

/** Whether two diagnostics would look the same to the client. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true;
  if (!sameRange(a.range, b.range) || a.severity !== b.severity || a.code !== b.code || a.source !== b.source || a.message !== b.message) return false;
  if (a.codeDescription?.href !== b.codeDescription?.href) return false;
  const at = a.tags ?? [];
  const bt = b.tags ?? [];
  if (at.length !== bt.length || at.some((t, i) => t !== bt[i])) return false;
  const ar = a.relatedInformation ?? [];
  const br = b.relatedInformation ?? [];
  if (ar.length !== br.length) return false;
  for (let i = 0; i < ar.length; i++) {
    const x = ar[i];
    const y = br[i];
    if (x.message !== y.message || x.location.uri !== y.location.uri || !sameRange(x.location.range, y.location.range)) return false;
  }
  return a.data === b.data;
}

const keyOf = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.code}`;

export class DiagnosticResults {
  private readonly last = new Map<string, LastResult>();
  private seq = 0;

  /**
   * `unchanged` without computing anything when the client holds the last result and the document and
   * configuration (`state`) are those it was computed for; otherwise undefined.
   */
  known(uri: string, state: string, previousResultId: string | undefined): DocumentDiagnosticReport | undefined {
    const last = this.last.get(uri);
    if (last && previousResultId === last.id && last.state === state) return { kind: 'unchanged', resultId: last.id };
    return undefined;
  }

  /**
   * The report for freshly computed diagnostics: `unchanged` when they equal the last result and the client
   * holds it; else the full list under a new id (or the last id when only the client's copy was missing).
   */
  settle(uri: string, state: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && last.items.length === items.length && items.every((d, i) => sameDiagnostic(d, last.items[i]))) {
      last.state = state;
      if (previousResultId === last.id) return { kind: 'unchanged', resultId: last.id };
      return { kind: 'full', resultId: last.id, items: last.items };
    }
    if (last) items = reuse(last.items, items);
    const id = `r${++this.seq}`;
    this.last.set(uri, { id, state, items });
    return { kind: 'full', resultId: id, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** `next` with each diagnostic that equals one of `prev` replaced by that object. */
function reuse(prev: Diagnostic[], next: Diagnostic[]): Diagnostic[] {
  const byKey = new Map<string, Diagnostic[]>();
  for (const d of prev) {
    const k = keyOf(d);
    const list = byKey.get(k);
    if (list) list.push(d);
    else byKey.set(k, [d]);
  }
  return next.map((d) => byKey.get(keyOf(d))?.find((p) => sameDiagnostic(p, d)) ?? d);
}
