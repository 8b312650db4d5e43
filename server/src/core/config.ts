// Configuration as the analysis core sees it, resolved from editor settings and the workspace file.
//
// Everything here comes from outside and is treated as hostile: each value of the wrong type or out of
// bounds is rejected with one clear message (`configErrors`), never silently reinterpreted; user patterns
// run on a linear-time engine; what an untrusted workspace supplies is limited (see `resolveConfig`).

import { RULES_BY_ID } from './rules';
import { DEFAULT_PAID_MARKERS, type PaidMarkerSpellings } from './paid';
import { LinearPattern, type TextPattern } from './pattern';
import { validateOptions, type RuleOptions } from './options';
import { msg, type Msg, type SeveritySetting } from './rules/types';

/** The raw settings (`report.*` in the editor, or `.reportrc.json`). Everything is checked on resolution. */
export interface ReportSettings {
  rules?: Record<string, unknown>;
  placeholders?: { patterns?: unknown };
  paidMarkers?: { begin?: unknown; end?: unknown; pagebreak?: unknown };
  dictionary?: Record<string, unknown>;
}

/**
 * Where a layer of settings comes from. `user`: the user's own settings (user-level editor settings, or
 * settings the client already filtered for trust, as VS Code does for `restrictedConfigurations`).
 * `workspace`: anything the opened folder supplies — `.reportrc.json`, workspace or folder settings.
 */
export type LayerOrigin = 'user' | 'workspace';

export interface SettingsLayer {
  settings: unknown;
  /** `user` when absent. */
  origin?: LayerOrigin;
  /** Named in messages: `.reportrc.json`, a path, `settings` … */
  label?: string;
}

export interface ResolveOptions {
  /**
   * Whether the workspace is trusted (true when absent). When false, the layers whose origin is
   * `workspace` may not supply placeholder patterns or a dictionary: those are dropped, with one message
   * in `configErrors` naming the layer. Rule severities, rule options and paid-marker spellings still apply.
   */
  trusted?: boolean;
}

export interface ResolvedConfig {
  /** Severity per rule id; rules not listed use their default. */
  rules: Map<string, SeveritySetting>;
  /** Validated options per rule id (defaults filled in); rules not listed use their defaults. */
  ruleOptions: Map<string, RuleOptions>;
  parse: { paidMarkers: PaidMarkerSpellings; placeholderPatterns: TextPattern[] };
  /** User dictionary: wrong → right. */
  dictionary: Map<string, string>;
  /** Patterns that could not be compiled (also described in `configErrors`). */
  invalidPatterns: string[];
  /** One message per rejected value, for the host to show once. */
  configErrors: Msg[];
}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Limits on what settings may hold. */
export const LIMITS = {
  patterns: 32,
  patternLength: 500,
  markers: 16,
  markerLength: 64,
  dictionaryEntries: 200_000,
  dictionaryKey: 100,
  dictionaryValue: 200,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
const short = (s: string): string => (s.length > 40 ? JSON.stringify(s.slice(0, 40)) + '…' : JSON.stringify(s));

/** Parses one `rules` value: a severity, `[severity, {options}]` or `{severity, ...options}`. */
function ruleValue(v: unknown): { severity?: unknown; options?: unknown; shape: boolean } {
  if (typeof v === 'string') return { severity: v, shape: true };
  if (Array.isArray(v)) {
    if (v.length < 1 || v.length > 2) return { shape: false };
    return { severity: v[0], options: v.length > 1 ? v[1] : undefined, shape: true };
  }
  if (isObject(v)) {
    const { severity, ...options } = v;
    return { severity, options: Object.keys(options).length ? options : undefined, shape: true };
  }
  return { shape: false };
}

function resolve(layers: readonly SettingsLayer[], trusted: boolean): ResolvedConfig {
  const rules = new Map<string, SeveritySetting>();
  const ruleOptions = new Map<string, RuleOptions>();
  const dictionary = new Map<string, string>();
  const patterns: string[] = [];
  const paid: PaidMarkerSpellings = { ...DEFAULT_PAID_MARKERS };
  const errors: Msg[] = [];

  for (const layer of layers) {
    const s = layer.settings;
    if (s === undefined || s === null) continue;
    const at = (path: string) => (layer.label ? `${layer.label}: ${path}` : path);
    const err = (path: string, zh: string, en: string) => errors.push(msg(`${at(path)}：${zh}`, `${at(path)}: ${en}`));
    if (!isObject(s)) {
      err('', `设置应为对象，实为 ${describe(s)}，已忽略。`, `settings must be an object, got ${describe(s)}; ignored.`);
      continue;
    }
    const restricted = !trusted && layer.origin === 'workspace';

    // Rules: severities and options.
    if (s.rules !== undefined && s.rules !== null) {
      if (!isObject(s.rules)) err('rules', `应为对象（规则 → 严重级别），实为 ${describe(s.rules)}，已忽略。`, `must be an object (rule → severity), got ${describe(s.rules)}; ignored.`);
      else
        for (const [id, v] of Object.entries(s.rules)) {
          const rule = RULES_BY_ID.get(id);
          if (!rule) {
            err(`rules.${id}`, '没有这条规则，已忽略。', 'there is no such rule; ignored.');
            continue;
          }
          if (v === null || v === undefined) continue;
          const { severity, options, shape } = ruleValue(v);
          if (!shape || typeof severity !== 'string' || !SEVERITIES.has(severity)) {
            err(
              `rules.${id}`,
              `应为 off、hint、info、warning、error 之一，或 [严重级别, {选项}]，实为 ${JSON.stringify(v)?.slice(0, 60) ?? describe(v)}，已忽略。`,
              `expected one of off, hint, info, warning, error, or [severity, {options}]; got ${JSON.stringify(v)?.slice(0, 60) ?? describe(v)}; ignored.`,
            );
            continue;
          }
          rules.set(id, severity as SeveritySetting);
          if (options !== undefined) {
            if (!isObject(options)) {
              err(`rules.${id}`, `选项应为对象，实为 ${describe(options)}，已忽略。`, `options must be an object, got ${describe(options)}; ignored.`);
              continue;
            }
            ruleOptions.set(id, validateOptions(rule.meta.options, options, at(`rules.${id}`), errors));
          }
        }
    }

    // Placeholder patterns.
    const ph = s.placeholders;
    if (ph !== undefined && ph !== null) {
      if (!isObject(ph)) err('placeholders', `应为对象，实为 ${describe(ph)}，已忽略。`, `must be an object, got ${describe(ph)}; ignored.`);
      else if (ph.patterns !== undefined && ph.patterns !== null) {
        if (!Array.isArray(ph.patterns)) {
          err('placeholders.patterns', `应为字符串数组，实为 ${describe(ph.patterns)}，已忽略。`, `must be an array of strings, got ${describe(ph.patterns)}; ignored.`);
        } else if (restricted) {
          if (ph.patterns.length) err('placeholders.patterns', '工作区不受信任，其中的模式已忽略。', 'the workspace is not trusted; its patterns are ignored.');
        } else {
          ph.patterns.forEach((p, i) => {
            if (typeof p !== 'string' || p.length === 0) err(`placeholders.patterns[${i}]`, '应为非空字符串，已忽略。', 'must be a non-empty string; ignored.');
            else if (p.length > LIMITS.patternLength) err(`placeholders.patterns[${i}]`, `长于 ${LIMITS.patternLength} 个字符，已忽略。`, `is longer than ${LIMITS.patternLength} characters; ignored.`);
            else patterns.push(p);
          });
        }
      }
    }

    // Paid-marker spellings.
    const pm = s.paidMarkers;
    if (pm !== undefined && pm !== null) {
      if (!isObject(pm)) err('paidMarkers', `应为对象，实为 ${describe(pm)}，已忽略。`, `must be an object, got ${describe(pm)}; ignored.`);
      else
        for (const k of ['begin', 'end', 'pagebreak'] as const) {
          const v = pm[k];
          if (v === undefined || v === null) continue;
          if (!Array.isArray(v)) {
            err(`paidMarkers.${k}`, `应为字符串数组，实为 ${describe(v)}，已忽略。`, `must be an array of strings, got ${describe(v)}; ignored.`);
            continue;
          }
          const ok: string[] = [];
          v.slice(0, LIMITS.markers).forEach((m, i) => {
            const path = `paidMarkers.${k}[${i}]`;
            if (typeof m !== 'string') err(path, `应为字符串，实为 ${describe(m)}，已忽略。`, `must be a string, got ${describe(m)}; ignored.`);
            else if (m.trim().length === 0) err(path, '为空或只有空白，已忽略。', 'is empty or only white space; ignored.');
            else if (/[\r\n\u2028\u2029]/u.test(m)) err(path, `${short(m)} 含有换行，已忽略。`, `${short(m)} contains a line break; ignored.`);
            else if (m.length > LIMITS.markerLength) err(path, `长于 ${LIMITS.markerLength} 个字符，已忽略。`, `is longer than ${LIMITS.markerLength} characters; ignored.`);
            else ok.push(m);
          });
          if (v.length > LIMITS.markers) err(`paidMarkers.${k}`, `多于 ${LIMITS.markers} 项，其余已忽略。`, `has more than ${LIMITS.markers} items; the rest are ignored.`);
          if (ok.length) paid[k] = ok;
        }
    }

    // The user dictionary.
    const d = s.dictionary;
    if (d !== undefined && d !== null) {
      if (!isObject(d)) {
        err('dictionary', `应为对象（错误写法 → 正确写法），实为 ${describe(d)}，已忽略。`, `must be an object (wrong → right), got ${describe(d)}; ignored.`);
      } else if (restricted) {
        if (Object.keys(d).length) err('dictionary', '工作区不受信任，其中的词典已忽略。', 'the workspace is not trusted; its dictionary is ignored.');
      } else {
        let bad = 0;
        let first = '';
        let n = 0;
        for (const wrong in d) {
          if (!Object.prototype.hasOwnProperty.call(d, wrong)) continue;
          if (++n > LIMITS.dictionaryEntries) {
            err('dictionary', `多于 ${LIMITS.dictionaryEntries} 条，其余已忽略。`, `has more than ${LIMITS.dictionaryEntries} entries; the rest are ignored.`);
            break;
          }
          const right = d[wrong];
          const valid =
            typeof right === 'string' &&
            wrong.length > 0 &&
            wrong.length <= LIMITS.dictionaryKey &&
            right.length <= LIMITS.dictionaryValue &&
            wrong.trim().length > 0 &&
            !/[\r\n\u2028\u2029]/u.test(wrong + right);
          if (!valid) {
            if (bad++ === 0) first = wrong;
            continue;
          }
          if (wrong !== right) dictionary.set(wrong, right);
        }
        if (bad) {
          errors.push(
            msg(
              `${at('dictionary')}：${bad} 条无效（如 ${short(first)}：写法应为 1—${LIMITS.dictionaryKey} 个字符、正确写法为不长于 ${LIMITS.dictionaryValue} 个字符的字符串，都不含换行），已忽略。`,
              `${at('dictionary')}: ${bad} invalid ${bad === 1 ? 'entry' : 'entries'} (such as ${short(first)}: a form of 1–${LIMITS.dictionaryKey} characters mapped to a string of at most ${LIMITS.dictionaryValue}, without line breaks); ignored.`,
            ),
          );
        }
      }
    }
  }

  const compiled: TextPattern[] = [];
  const invalidPatterns: string[] = [];
  for (const src of patterns.slice(0, LIMITS.patterns)) {
    try {
      compiled.push(new LinearPattern(src));
    } catch (e) {
      invalidPatterns.push(src);
      const why = e instanceof Error ? e.message : String(e);
      errors.push(
        msg(
          `占位符模式 ${short(src)} 无法使用（${why}；支持 RE2 语法，不支持后向引用和环视），已忽略。`,
          `placeholder pattern ${short(src)} cannot be used (${why}; RE2 syntax is supported, back references and look-around are not); ignored.`,
        ),
      );
    }
  }
  if (patterns.length > LIMITS.patterns) {
    errors.push(msg(`占位符模式多于 ${LIMITS.patterns} 个，其余已忽略。`, `more than ${LIMITS.patterns} placeholder patterns; the rest are ignored.`));
  }
  return { rules, ruleOptions, parse: { paidMarkers: paid, placeholderPatterns: compiled }, dictionary, invalidPatterns, configErrors: errors };
}

/** A key equal for equal inputs: resolving them gives the same configuration. */
export function configKey(layers: readonly SettingsLayer[], options: ResolveOptions = {}): string | undefined {
  try {
    const trusted = options.trusted !== false;
    return JSON.stringify([trusted, layers.map((l) => [l.origin ?? 'user', l.label ?? '', l.settings ?? null])]);
  } catch {
    return undefined; // not JSON (a cycle, a BigInt): resolved without the cache
  }
}

const MEMO_SIZE = 16;
const memo = new Map<string, ResolvedConfig>();

/**
 * Each distinct layer content gets a number: the same object is recognised at once (a WeakMap), an equal
 * one by its JSON. A host that keeps the settings it read (the parsed `.reportrc.json`) thus pays nothing
 * per document, even with a 100k-entry dictionary whose JSON takes ~0.1 s. Numbers are never reused.
 * Settings objects are treated as immutable once resolved.
 */
const idOfObject = new WeakMap<object, number>();
const idOfJson = new Map<string, number>();
let nextId = 1;

function layerId(settings: unknown): number | undefined {
  if (settings === undefined || settings === null) return 0;
  const isObj = typeof settings === 'object';
  if (isObj) {
    const known = idOfObject.get(settings);
    if (known !== undefined) return known;
  }
  let json: string;
  try {
    json = JSON.stringify(settings);
  } catch {
    return undefined; // not JSON (a cycle, a BigInt): resolved without the cache
  }
  let id = idOfJson.get(json);
  if (id === undefined) {
    if (idOfJson.size >= 64) idOfJson.clear();
    id = nextId++;
    idOfJson.set(json, id);
  }
  if (isObj) idOfObject.set(settings, id);
  return id;
}

function memoised(layers: readonly SettingsLayer[], options: ResolveOptions): ResolvedConfig {
  const ids: (string | number)[] = [options.trusted !== false ? 1 : 0];
  for (const l of layers) {
    const id = layerId(l.settings);
    if (id === undefined) return resolve(layers, options.trusted !== false);
    ids.push(l.origin ?? 'user', l.label ?? '', id);
  }
  const key = JSON.stringify(ids);
  let config = memo.get(key);
  if (config) {
    memo.delete(key);
  } else {
    config = resolve(layers, options.trusted !== false);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, config);
  return config;
}

/**
 * Merges layers of settings, later ones winning (defaults < editor settings < workspace file), and checks
 * every value. Memoised: the same settings objects, or settings equal as JSON (the last 16 configurations
 * kept), give the very same ResolvedConfig object, so what is derived from it (the dictionary's matcher, parses) is built
 * once per configuration, not per document.
 *
 * Two forms:
 * - `resolveConfig([{ settings, origin: 'user' }, { settings: rc, origin: 'workspace', label: '.reportrc.json' }], { trusted })`
 * - `resolveConfig(settings, rc, …)`: every layer trusted (origin `user`).
 *
 * In an untrusted workspace, give the workspace's layers `origin: 'workspace'` and `{ trusted: false }`:
 * their placeholder patterns and dictionary are dropped (said in `configErrors`).
 */
export function resolveConfig(layers: readonly SettingsLayer[], options?: ResolveOptions): ResolvedConfig;
export function resolveConfig(...settings: (ReportSettings | undefined | null)[]): ResolvedConfig;
export function resolveConfig(...args: unknown[]): ResolvedConfig {
  if (Array.isArray(args[0])) return memoised(args[0] as SettingsLayer[], (args[1] as ResolveOptions | undefined) ?? {});
  return memoised(args.map((settings) => ({ settings })), {});
}

export const DEFAULT_CONFIG = resolveConfig();

/** A key that changes whenever the parse options change, to share parses between equal configurations. */
export function parseKey(config: ResolvedConfig): string {
  return JSON.stringify([config.parse.paidMarkers, config.parse.placeholderPatterns.map((r) => r.source)]);
}
