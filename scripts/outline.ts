// Prints the outline and structure the parser finds in report files (any encoding): a development aid.
import { readFileSync } from 'node:fs';
import { parse } from '../server/src/core/parser';
import { decodeReport } from '../server/src/core/decode';
import type { Section } from '../server/src/core/model';

for (const file of process.argv.slice(2)) {
  const text = decodeReport(readFileSync(file));
  const t0 = performance.now();
  const model = parse(text);
  const ms = performance.now() - t0;
  console.log(`=== ${file}  (${text.length} chars, ${model.blocks.length} blocks, ${ms.toFixed(1)} ms${model.oneLine ? ', one-line' : ''})`);
  if (model.title.length) console.log('  title: ' + model.title.map((i) => text.slice(model.blocks[i].start, model.blocks[i].end)).join(' / '));
  const show = (s: Section, d: number) => {
    const l = model.lines.lineAt(s.start) + 1;
    const e = model.lines.lineAt(s.end) + 1;
    console.log(`${'  '.repeat(d + 1)}${s.heading.name}  [L${l}-${e}, ${s.chars}字${s.heading.runIn ? ', run-in' : ''}${s.heading.terminator ? ', ends ' + s.heading.terminator : ''}]`);
    for (const c of s.children) show(c, d + 1);
  };
  for (const s of model.sections) show(s, 0);
  for (const r of model.paidRegions) console.log(`  paid: ${r.begin.raw} L${model.lines.lineAt(r.begin.start) + 1} → ${r.end ? r.end.raw + ' L' + (model.lines.lineAt(r.end.start) + 1) : 'EOF'} (${r.chars}字)`);
  for (const i of model.paidIssues) console.log(`  paid issue: ${i.kind}`);
  if (model.placeholders.length) console.log('  blanks: ' + model.placeholders.map((p) => `${p.raw}(${p.kind})`).join(' '));
  const kinds = new Map<string, number>();
  for (const b of model.blocks) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
  console.log('  blocks: ' + [...kinds].map(([k, n]) => `${k}=${n}`).join(' '));
}
