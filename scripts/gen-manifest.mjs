// Generates everything that lists the rules from the rules' own metadata: the `report.rules.<id>`
// settings in package.json, their localized descriptions (package.nls*.json), the JSON schema of
// .reportrc.json, and the rule table in README.md. With --check, fails when any of them is stale.

import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const require = createRequire(import.meta.url);
mkdirSync('out/scripts', { recursive: true });
await esbuild.build({
  stdin: { contents: "export { RULES } from './rules'; export { optionsSchema } from './options';", resolveDir: 'server/src/core', loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile: 'out/scripts/rules.cjs', logLevel: 'warning',
});
const { RULES, optionsSchema } = require('../out/scripts/rules.cjs');
const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const CATEGORY = {
  encoding: ['文件编码', 'Encoding'],
  headings: ['标题编号', 'Headings'], paid: ['付费标记', 'Paid markers'], blanks: ['待填空白', 'Blanks'],
  punctuation: ['标点符号', 'Punctuation'], numbers: ['数字与空格', 'Numbers and spacing'], words: ['词语', 'Words'],
};

const stale = [];
function update(path, next) {
  const prev = (() => { try { return readFileSync(path, 'utf8'); } catch { return ''; } })();
  if (prev === next) return;
  if (check) stale.push(path);
  else writeFileSync(path, next);
}
const json = (o) => JSON.stringify(o, null, 2) + '\n';

// package.json: one setting per rule, after the hand-written ones.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties;
for (const k of Object.keys(props)) if (k.startsWith('report.rules.')) delete props[k];
// A rule with options accepts a severity or [severity, {options}] (as ESLint); option descriptions are localized.
const hasOptions = (r) => r.meta.options && Object.keys(r.meta.options).length > 0;
const localizedOptions = (r) => {
  const schema = optionsSchema(r.meta.options, 'en');
  for (const name of Object.keys(schema.properties)) schema.properties[name].description = `%rule.${r.meta.id}.option.${name}%`;
  return schema;
};
for (const r of RULES) {
  const severity = { type: 'string', enum: SEVERITIES, enumDescriptions: SEVERITIES.map((s) => `%severity.${s}%`) };
  props[`report.rules.${r.meta.id}`] = {
    ...(hasOptions(r)
      ? { anyOf: [severity, { type: 'array', items: [{ type: 'string', enum: SEVERITIES }, localizedOptions(r)], minItems: 1, maxItems: 2 }] }
      : severity),
    default: r.meta.defaultSeverity,
    scope: 'resource',
    markdownDescription: `%rule.${r.meta.id}%`,
  };
}
update('package.json', json(pkg));

// Localized descriptions.
for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']]) {
  const nls = JSON.parse(readFileSync(file, 'utf8'));
  for (const k of Object.keys(nls)) if (k.startsWith('rule.')) delete nls[k];
  for (const r of RULES) {
    const fixable = r.meta.fixable ? (lang === 'zh' ? '（可自动修复）' : ' (auto-fixable)') : '';
    const docs = lang === 'zh' ? `说明：docs/rules/${r.meta.id}.md` : `Documentation: docs/rules/${r.meta.id}.md`;
    const opts = hasOptions(r)
      ? (lang === 'zh' ? `选项（写作 ["warning", {…}]）：` : `Options (write ["warning", {…}]): `) + Object.keys(r.meta.options).map((n) => `\`${n}\``).join(lang === 'zh' ? '、' : ', ') + (lang === 'zh' ? '。' : '. ')
      : '';
    nls[`rule.${r.meta.id}`] = `**${r.meta.title[lang]}**${fixable} — ${r.meta.description[lang]} ${opts}(${docs})`;
    for (const [name, spec] of Object.entries(r.meta.options ?? {})) nls[`rule.${r.meta.id}.option.${name}`] = spec.description[lang];
  }
  update(file, json(nls));
}

// The schema of .reportrc.json.
const ruleProps = Object.fromEntries(
  RULES.map((r) => {
    const description = `${r.meta.title.zh} / ${r.meta.title.en}`;
    if (!hasOptions(r)) return [r.meta.id, { enum: SEVERITIES, default: r.meta.defaultSeverity, description }];
    const options = optionsSchema(r.meta.options, 'both');
    const object = { type: 'object', additionalProperties: false, required: ['severity'], properties: { severity: { enum: SEVERITIES }, ...options.properties } };
    return [r.meta.id, { anyOf: [{ enum: SEVERITIES }, { type: 'array', items: [{ enum: SEVERITIES }, options], minItems: 1, maxItems: 2 }, object], default: r.meta.defaultSeverity, description }];
  }),
);
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: '.reportrc.json',
  description: '报告检查配置 / Work report checker configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object', description: '规则严重级别，或 [严重级别, {选项}] / Rule severities, or [severity, {options}]', properties: ruleProps, additionalProperties: false },
    placeholders: {
      type: 'object', additionalProperties: false,
      properties: { patterns: { type: 'array', maxItems: 32, items: { type: 'string', minLength: 1, maxLength: 500 }, description: '额外的待填空白正则表达式（RE2 语法，线性时间执行；不受信任的工作区中忽略）/ Extra patterns for blanks to fill (RE2 syntax, run in linear time; ignored in an untrusted workspace)' } },
    },
    paidMarkers: {
      type: 'object', additionalProperties: false,
      properties: Object.fromEntries(['begin', 'end', 'pagebreak'].map((k) => [k, { type: 'array', maxItems: 16, items: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\r\\n\\u2028\\u2029]*\\S[^\\r\\n\\u2028\\u2029]*$' }, description: `${k} marker spellings (one line, not blank)` }])),
    },
    dictionary: { type: 'object', propertyNames: { minLength: 1, maxLength: 100 }, additionalProperties: { type: 'string', maxLength: 200 }, description: '用户词典：错误写法 → 正确写法（不受信任的工作区中忽略）/ User dictionary: wrong → right (ignored in an untrusted workspace)' },
  },
};
mkdirSync('schemas', { recursive: true });
update('schemas/reportrc.schema.json', json(schema));

// README rule table.
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a >= 0 && b > a) {
  const rows = ['| Rule | 规则 | Category | Default | Fix |', '| --- | --- | --- | --- | --- |'];
  for (const r of RULES) {
    rows.push(`| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.title.zh} | ${CATEGORY[r.meta.category]?.[1] ?? r.meta.category} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? '✔' : ''} |`);
  }
  update('README.md', readme.slice(0, a + start.length) + '\n' + rows.join('\n') + '\n' + readme.slice(b));
}

// The options section of each rule page, between markers (a rule with options must have them).
for (const r of RULES) {
  if (!hasOptions(r)) continue;
  const path = `docs/rules/${r.meta.id}.md`;
  const page = readFileSync(path, 'utf8');
  const os = '<!-- options:start -->';
  const oe = '<!-- options:end -->';
  const i = page.indexOf(os);
  const j = page.indexOf(oe);
  if (i < 0 || j < i) {
    console.error(`${path} lacks the ${os} … ${oe} markers for its options`);
    stale.push(path);
    continue;
  }
  const rows = ['| 选项 Option | 类型 Type | 默认 Default | 说明 | Description |', '| --- | --- | --- | --- | --- |'];
  for (const [name, spec] of Object.entries(r.meta.options)) {
    const bounds = [spec.minimum !== undefined ? `≥ ${spec.minimum}` : '', spec.maximum !== undefined ? `≤ ${spec.maximum}` : ''].filter(Boolean).join(', ');
    rows.push(`| \`${name}\` | ${spec.type}${bounds ? ` (${bounds})` : ''} | \`${JSON.stringify(spec.default)}\` | ${spec.description.zh} | ${spec.description.en} |`);
  }
  const [first] = Object.entries(r.meta.options);
  const example = { [first[0]]: first[1].default };
  const body = [
    '',
    rows.join('\n'),
    '',
    '写法（同 ESLint）/ How to set them (as in ESLint):',
    '',
    '```json',
    `"report.rules.${r.meta.id}": ["${r.meta.defaultSeverity === 'off' ? 'info' : r.meta.defaultSeverity}", ${JSON.stringify(example)}]`,
    '```',
    '',
  ].join('\n');
  update(path, page.slice(0, i + os.length) + body + page.slice(j));
}

if (stale.length) {
  console.error(`Generated files are out of date: ${stale.join(', ')}. Run: node scripts/gen-manifest.mjs`);
  process.exit(1);
}
