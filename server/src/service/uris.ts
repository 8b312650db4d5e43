// Workspace containment on URIs, without a file system: which workspace folder holds a document, and the
// folders from the document up to that folder. Dot segments and encoded slashes never lead outside.

interface Parsed {
  /** `scheme://authority`, lower-cased. */
  base: string;
  /** Raw path segments (still percent-encoded), without the empty first one. */
  raw: string[];
  /** Decoded segments, for comparison. */
  decoded: string[];
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function parse(uri: string): Parsed | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/[^/?#]*)?([^?#]*)/.exec(uri);
  if (!m) return undefined;
  const base = `${m[1]}:${m[2] ?? ''}`.toLowerCase();
  const raw = m[3].split('/').filter((s, i) => !(i === 0 && s === ''));
  while (raw.length && raw[raw.length - 1] === '') raw.pop();
  const decoded: string[] = [];
  for (const s of raw) {
    const d = decode(s);
    // A segment that decodes to a dot segment, or that hides a slash, could climb out of a folder.
    if (d === undefined || d === '.' || d === '..' || d.includes('/') || d.includes('\\') || d === '') return undefined;
    decoded.push(d);
  }
  return { base, raw, decoded };
}

/** The folder URI without trailing slashes; undefined when it is not a URI or holds dot segments. */
export function normalizeFolder(uri: string): string | undefined {
  const p = parse(uri);
  if (!p) return undefined;
  return `${uri.slice(0, uri.indexOf(':') + 1)}${/^[^:]*:(\/\/[^/?#]*)?/.exec(uri)?.[1] ?? ''}${p.raw.length ? '/' + p.raw.join('/') : ''}`;
}

function isPrefix(folder: Parsed, doc: Parsed): boolean {
  if (folder.base !== doc.base || folder.decoded.length >= doc.decoded.length) return false;
  // Drive letters compare without case (file:///c%3A/… and file:///C:/…); the rest exactly.
  return folder.decoded.every((s, i) => s === doc.decoded[i] || (i === 0 && /^[a-z]:$/i.test(s) && s.toLowerCase() === doc.decoded[i].toLowerCase()));
}

/** The innermost workspace folder that holds the document, or undefined (then no workspace file applies). */
export function containingFolder(docUri: string, folders: readonly string[]): string | undefined {
  const doc = parse(docUri);
  if (!doc) return undefined;
  let best: { uri: string; depth: number } | undefined;
  for (const f of folders) {
    const folder = parse(f);
    if (!folder || !isPrefix(folder, doc)) continue;
    if (!best || folder.decoded.length > best.depth) best = { uri: f, depth: folder.decoded.length };
  }
  return best?.uri;
}

/**
 * The folders from the document's own folder up to `folder` (inclusive), nearest first, as URIs spelled
 * like the document's. Empty when the document is not inside the folder.
 */
export function ancestorsWithin(docUri: string, folder: string): string[] {
  const doc = parse(docUri);
  const f = parse(folder);
  if (!doc || !f || !isPrefix(f, doc)) return [];
  const head = /^[^:]*:(\/\/[^/?#]*)?/.exec(docUri)![0];
  const out: string[] = [];
  for (let k = doc.raw.length - 1; k >= f.raw.length; k--) out.push(`${head}${k ? '/' + doc.raw.slice(0, k).join('/') : ''}`);
  return out;
}
