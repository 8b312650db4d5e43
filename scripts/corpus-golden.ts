// Compares every corpus document's outline with its reviewed golden outline (test/corpus/golden) and prints
// the differences: a development aid beside the unit test that checks the same.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeReport } from '../server/src/core/decode';
import { parse } from '../server/src/core/parser';
import { corpusDir, corpusFiles, outlineLines } from '../test/corpus/corpus';
import { outlineDiff, type Golden } from '../test/corpus/compare';

const root = resolve(__dirname, '..', '..');
const dir = corpusDir(root);
let bad = 0;
for (const f of corpusFiles(dir)) {
  const g = join(root, 'test', 'corpus', 'golden', f.replace(/\.[^.]+$/u, '') + '.json');
  if (!existsSync(g)) {
    console.log(`${f}: no golden outline`);
    bad++;
    continue;
  }
  const golden = JSON.parse(readFileSync(g, 'utf8')) as Golden;
  const diff = outlineDiff(golden.outline, outlineLines(parse(decodeReport(readFileSync(join(dir, f))))), 50);
  if (diff.length) {
    bad++;
    console.log(`${f}:\n  ${diff.join('\n  ')}`);
  } else console.log(`${f}: ok (${golden.outline.length})`);
}
process.exit(bad ? 1 : 0);
