// Every document of the real-report corpus (../shared/corpus beside the repository) against its reviewed
// golden outline (test/corpus/golden), and the corpus's published reports against the warning budget.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { decodeReport } from '../../server/src/core/decode';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { outlineDiff, type Golden } from '../corpus/compare';
import { corpusDir, corpusFiles, DRAFTS, outlineLines } from '../corpus/corpus';

const repoRoot = resolve(__dirname, '..', '..', '..');
const dir = corpusDir(repoRoot);
const files = corpusFiles(dir);
const goldenDir = join(repoRoot, 'test', 'corpus', 'golden');

describe('real-report corpus', () => {
  if (!files.length) {
    it(`is skipped: no corpus at ${dir} (the shared folder beside the repository)`, { skip: true }, () => {});
    return;
  }
  for (const f of files) {
    it(`${f}: outline matches its golden outline`, () => {
      const g = join(goldenDir, f.replace(/\.[^.]+$/u, '') + '.json');
      assert.ok(existsSync(g), `no golden outline for ${f}: write test/corpus/golden/${f.replace(/\.[^.]+$/u, '')}.json by reading the document`);
      const golden = JSON.parse(readFileSync(g, 'utf8')) as Golden;
      const diff = outlineDiff(golden.outline, outlineLines(parse(decodeReport(readFileSync(join(dir, f))))));
      assert.deepEqual(diff, [], diff.join('\n'));
    });
  }
  it('published reports stay at or below 1 warning or error per 10,000 characters', () => {
    const config = resolveConfig({});
    let chars = 0;
    let serious = 0;
    for (const f of files) {
      if (DRAFTS.has(f)) continue;
      const model = parse(decodeReport(readFileSync(join(dir, f))), config.parse);
      chars += model.chars;
      serious += lint(model, config).filter((p) => p.severity === 'warning' || p.severity === 'error').length;
    }
    assert.ok(serious * 10000 <= chars, `${serious} warnings and errors in ${chars} characters (${((serious * 10000) / chars).toFixed(2)} per 10k)`);
  });
});

describe('golden outline comparison', () => {
  it('finds a wrong depth, a wrong name and a missing heading', () => {
    assert.deepEqual(outlineDiff(['一、甲', '  （一）乙'], ['一、甲', '  （一）乙']), []);
    assert.equal(outlineDiff(['一、甲', '  （一）乙'], ['一、甲', '（一）乙']).length, 1);
    assert.equal(outlineDiff(['一、甲'], ['一、丙']).length, 1);
    assert.equal(outlineDiff(['一、甲', '二、乙'], ['一、甲']).length, 2);
  });
});
