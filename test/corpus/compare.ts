// Compares an outline with its golden file: the same headings at the same depths, names compared on their
// heading text (whitespace, Markdown emphasis and the elision mark left out, the first 40 characters).

export interface Golden {
  file: string;
  outline: string[];
}

/** The depth (two spaces a level) and the comparable part of a golden or actual outline line. */
export function key(line: string): { depth: number; name: string } {
  const m = /^( *)(.*)$/u.exec(line)!;
  const name = m[2]
    .replace(/[\s*…]/gu, '')
    .replace(/[；，、;,.:!?。：]+$/u, '')
    .slice(0, 40);
  return { depth: m[1].length >> 1, name };
}

/** The first differences between a golden outline and an actual one (empty when they agree). */
export function outlineDiff(golden: string[], actual: string[], max = 8): string[] {
  const out: string[] = [];
  const n = Math.max(golden.length, actual.length);
  for (let i = 0; i < n && out.length < max; i++) {
    const g = golden[i] === undefined ? undefined : key(golden[i]);
    const a = actual[i] === undefined ? undefined : key(actual[i]);
    if (g && a && g.depth === a.depth && g.name === a.name) continue;
    out.push(`#${i + 1}: expected ${golden[i] === undefined ? '(nothing)' : JSON.stringify(golden[i])}, found ${actual[i] === undefined ? '(nothing)' : JSON.stringify(actual[i])}`);
  }
  if (golden.length !== actual.length) out.push(`expected ${golden.length} headings, found ${actual.length}`);
  return out;
}
