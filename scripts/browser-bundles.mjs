// Checks of the bundles that run in a browser (the web extension and its language server worker): they
// must not need anything only Node has. esbuild.mjs runs the check on every build and fails the build when
// it finds something; test/unit/browser-bundles.test.ts shows that it does.
import { builtinModules } from 'node:module';

const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Identifiers that exist only in Node and that a browser bundle must not use unguarded. */
const NODE_GLOBALS = [
  /\b__dirname\b/,
  /\b__filename\b/,
  /(?<![.\w])Buffer\.(?:from|alloc|allocUnsafe|isBuffer|byteLength|concat)\(/,
  /(?<![.\w])process\.(?:cwd|exit|on|argv|execPath|hrtime|nextTick|stdout|stderr|stdin)\b/,
];

/**
 * What in an esbuild metafile (and the bundles' text) a browser cannot run: Node built-in modules bundled
 * or left external, other externals than those allowed, and Node-only globals. An empty list means clean.
 * @param {import('esbuild').Metafile} metafile
 * @param {{ allowExternal?: string[], texts?: Record<string, string> }} [options]
 * @returns {string[]}
 */
export function browserProblems(metafile, { allowExternal = ['vscode'], texts = {} } = {}) {
  const problems = [];
  for (const [input, info] of Object.entries(metafile.inputs)) {
    if (input.startsWith('node:') || NODE_MODULES.has(input)) problems.push(`${input} is a Node module`);
    for (const imp of info.imports ?? []) {
      if (NODE_MODULES.has(imp.path)) problems.push(`${input} imports the Node module "${imp.path}"`);
    }
  }
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (output.endsWith('.map')) continue;
    for (const imp of info.imports ?? []) {
      if (imp.external && !allowExternal.includes(imp.path)) problems.push(`${output} needs "${imp.path}" at run time`);
    }
  }
  for (const [output, text] of Object.entries(texts)) {
    for (const re of NODE_GLOBALS) {
      const m = re.exec(text);
      if (m) problems.push(`${output} uses the Node global "${m[0]}"`);
    }
  }
  return [...new Set(problems)];
}

/** `12.3 KiB`. */
export function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
