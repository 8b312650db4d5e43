// Rule options: what a rule declares it accepts (a small subset of JSON Schema, enough for lengths,
// ratios, switches and word lists) and the validation of what the user wrote against it.

import { msg, type Msg } from './rules/types';

export interface OptionSpec {
  type: 'integer' | 'number' | 'boolean' | 'string' | 'string[]';
  default: number | boolean | string | readonly string[];
  description: Msg;
  minimum?: number;
  maximum?: number;
  /** For strings: the values allowed. */
  enum?: readonly string[];
  /** For string lists: the longest list and the longest item. */
  maxItems?: number;
  maxLength?: number;
}

/** A rule's options, by name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type RuleOptions = Readonly<Record<string, unknown>>;

const defaultsCache = new WeakMap<OptionSpecs, RuleOptions>();

/** The options a rule runs with when the user sets none. */
export function defaultOptions(specs: OptionSpecs | undefined): RuleOptions {
  if (!specs) return EMPTY;
  let d = defaultsCache.get(specs);
  if (!d) {
    d = Object.freeze(Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.default])));
    defaultsCache.set(specs, d);
  }
  return d;
}
const EMPTY: RuleOptions = Object.freeze({});

const describe = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

function checkOne(spec: OptionSpec, v: unknown): Msg | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' ? undefined : msg(`应为 true 或 false，实为 ${describe(v)}`, `expected true or false, got ${describe(v)}`);
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v) || (spec.type === 'integer' && !Number.isInteger(v))) {
        const what = spec.type === 'integer' ? msg('整数', 'an integer') : msg('数字', 'a number');
        return msg(`应为${what.zh}，实为 ${JSON.stringify(v) ?? describe(v)}`, `expected ${what.en}, got ${JSON.stringify(v) ?? describe(v)}`);
      }
      if (spec.minimum !== undefined && v < spec.minimum) return msg(`不能小于 ${spec.minimum}`, `must be at least ${spec.minimum}`);
      if (spec.maximum !== undefined && v > spec.maximum) return msg(`不能大于 ${spec.maximum}`, `must be at most ${spec.maximum}`);
      return undefined;
    }
    case 'string':
      if (typeof v !== 'string') return msg(`应为字符串，实为 ${describe(v)}`, `expected a string, got ${describe(v)}`);
      if (spec.enum && !spec.enum.includes(v)) return msg(`应为 ${spec.enum.join('、')} 之一`, `must be one of ${spec.enum.join(', ')}`);
      if (spec.maxLength !== undefined && v.length > spec.maxLength) return msg(`不能长于 ${spec.maxLength} 个字符`, `must be at most ${spec.maxLength} characters`);
      return undefined;
    case 'string[]':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return msg(`应为字符串数组`, `expected an array of strings`);
      if (spec.maxItems !== undefined && v.length > spec.maxItems) return msg(`不能多于 ${spec.maxItems} 项`, `must have at most ${spec.maxItems} items`);
      if (spec.maxLength !== undefined && v.some((x: string) => x.length > spec.maxLength! || x.length === 0)) {
        return msg(`每项应为 1—${spec.maxLength} 个字符`, `each item must have 1–${spec.maxLength} characters`);
      }
      return undefined;
  }
}

/**
 * The options of a rule: the defaults overridden by the valid values of `given`. Each unknown name or
 * invalid value gives one message (prefixed with `where`, e.g. `rules.punct-halfwidth`) and is ignored.
 */
export function validateOptions(specs: OptionSpecs | undefined, given: Record<string, unknown>, where: string, errors: Msg[]): RuleOptions {
  const out: Record<string, unknown> = { ...defaultOptions(specs) };
  for (const [name, v] of Object.entries(given)) {
    const spec = specs && Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const known = specs ? Object.keys(specs) : [];
      errors.push(
        known.length
          ? msg(`${where}：没有选项“${name}”（可用：${known.join('、')}），已忽略。`, `${where}: there is no option "${name}" (known: ${known.join(', ')}); ignored.`)
          : msg(`${where}：此规则没有选项，“${name}”已忽略。`, `${where}: this rule takes no options; "${name}" is ignored.`),
      );
      continue;
    }
    const bad = checkOne(spec, v);
    if (bad) {
      errors.push(msg(`${where}.${name}：${bad.zh}，已忽略，使用默认值 ${JSON.stringify(spec.default)}。`, `${where}.${name}: ${bad.en}; ignored, the default ${JSON.stringify(spec.default)} is used.`));
      continue;
    }
    out[name] = Array.isArray(v) ? Object.freeze([...v]) : v;
  }
  return Object.freeze(out);
}

/** The JSON schema of a rule's options object (for package.json and the .reportrc.json schema). */
export function optionsSchema(specs: OptionSpecs, lang: 'zh' | 'en' | 'both' = 'both'): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(specs)) {
    const description = lang === 'both' ? `${s.description.zh} / ${s.description.en}` : s.description[lang];
    const p: Record<string, unknown> =
      s.type === 'string[]' ? { type: 'array', items: { type: 'string', minLength: 1, ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}) } } : { type: s.type };
    if (s.minimum !== undefined) p.minimum = s.minimum;
    if (s.maximum !== undefined) p.maximum = s.maximum;
    if (s.enum) p.enum = [...s.enum];
    if (s.maxItems !== undefined) p.maxItems = s.maxItems;
    if (s.type === 'string' && s.maxLength !== undefined) p.maxLength = s.maxLength;
    p.default = Array.isArray(s.default) ? [...s.default] : s.default;
    p.description = description;
    properties[name] = p;
  }
  return { type: 'object', additionalProperties: false, properties };
}
