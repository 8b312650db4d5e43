// Runs every rule over report files (any encoding) and prints, per file: the outline's size, warnings and
// errors per 10,000 characters, and the problems per rule. Without file arguments it reads the corpus
// beside the repository (../shared/corpus). A development aid to keep clean, published reports quiet.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { resolveConfig } from '../server/src/core/config';
import { decodeReport } from '../server/src/core/decode';
import { lint } from '../server/src/core/lint';
import { parse } from '../server/src/core/parser';
import { RULES } from '../server/src/core/rules';
import { corpusDir, corpusFiles, DRAFTS, outlineLines } from '../test/corpus/corpus';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const showOutline = args.includes('--outline');
const only = args.find((a) => a.startsWith('--rule='))?.slice(7);
let files = args.filter((a) => !a.startsWith('-'));
if (!files.length) {
  const dir = corpusDir(resolve(__dirname, '..', '..'));
  files = corpusFiles(dir).map((f) => join(dir, f));
  if (!files.length) {
    console.error(`No corpus at ${dir}: pass report files as arguments.`);
    process.exit(1);
  }
}
// Every rule on, at its default severity (rules off by default count as hints).
const config = resolveConfig({ rules: Object.fromEntries(RULES.filter((r) => r.meta.defaultSeverity === 'off').map((r) => [r.meta.id, 'hint'])) });
const total = new Map<string, number>();
let publishedChars = 0;
let publishedSerious = 0;
for (const file of files) {
  const text = decodeReport(readFileSync(file));
  const model = parse(text, config.parse);
  const problems = lint(model, config).filter((p) => !only || p.rule === only);
  const per = new Map<string, number>();
  for (const p of problems) per.set(`${p.rule}(${p.severity})`, (per.get(`${p.rule}(${p.severity})`) ?? 0) + 1);
  const serious = problems.filter((p) => p.severity === 'warning' || p.severity === 'error').length;
  const outline = outlineLines(model);
  const name = basename(file);
  if (!DRAFTS.has(name)) {
    publishedChars += model.chars;
    publishedSerious += serious;
  }
  console.log(
    `${name}: ${model.chars}字, outline ${outline.length}, ${serious} warnings+errors (${((serious * 10000) / Math.max(1, model.chars)).toFixed(2)} per 10k)` +
      (per.size ? '\n    ' + [...per].map(([k, n]) => `${k}=${n}`).join(' ') : ''),
  );
  for (const [k, n] of per) total.set(k, (total.get(k) ?? 0) + n);
  if (showOutline) for (const l of outline) console.log('    | ' + l);
  if (verbose) {
    for (const p of problems) {
      const line = model.lines.lineAt(p.start);
      const ctx = text.slice(Math.max(0, p.start - 12), Math.min(text.length, p.end + 12)).replace(/\s+/g, ' ');
      console.log(`  L${line + 1} ${p.rule}(${p.severity}): ${p.message.zh}  «${ctx}»`);
    }
  }
}
console.log('TOTAL ' + [...total].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}=${n}`).join(' '));
console.log(`PUBLISHED (all but drafts): ${publishedChars}字, ${publishedSerious} warnings+errors, ${((publishedSerious * 10000) / Math.max(1, publishedChars)).toFixed(2)} per 10k`);
