// The user's own corrections (`report.dictionary` in the settings, `dictionary` in .reportrc.json).

import { findWords, WordMatcher } from './misused-word';
import { msg, type Rule } from './types';

// The matcher is built once per configuration (resolveConfig memoises equal settings to one object, whose
// dictionary map keys this cache), not once per document: a 100k-entry dictionary takes a while to build.
const matchers = new WeakMap<ReadonlyMap<string, string>, WordMatcher>();
let builds = 0;

export function matcherFor(dictionary: ReadonlyMap<string, string>): WordMatcher {
  let m = matchers.get(dictionary);
  if (!m) {
    m = new WordMatcher(dictionary);
    matchers.set(dictionary, m);
    builds++;
  }
  return m;
}

/** How many dictionary matchers have been built (for tests and the benchmark). */
export function dictionaryMatcherBuilds(): number {
  return builds;
}

export const userDictionary: Rule = {
  meta: {
    id: 'user-dictionary',
    category: 'words',
    title: msg('用户词典', 'User dictionary'),
    description: msg(
      '按用户配置的“错误写法 → 正确写法”检查全文，例如单位名称、人名、术语的固定写法。在设置 `report.dictionary` 或 `.reportrc.json` 的 `dictionary` 中配置：`{"帐号": "账号"}`。没有配置时不检查。',
      'Checks the text against the user\'s own "wrong → right" pairs, such as the exact names of organisations, people and terms. Configure them in the `report.dictionary` setting or under `dictionary` in `.reportrc.json`: `{"帐号": "账号"}`. Does nothing when none are configured.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const dictionary = ctx.config.dictionary;
    if (dictionary.size === 0) return;
    findWords(ctx.model, matcherFor(dictionary), (m) => {
      const remove = m.right === '';
      ctx.report({
        start: m.start,
        end: m.end,
        message: remove
          ? msg(`用户词典要求删除“${m.wrong}”。`, `The dictionary says to remove "${m.wrong}".`)
          : msg(`用户词典：“${m.wrong}”应为“${m.right}”。`, `Dictionary: "${m.wrong}" should be "${m.right}".`),
        fixes: [
          {
            title: remove ? msg(`删除“${m.wrong}”`, `Remove "${m.wrong}"`) : msg(`改为“${m.right}”`, `Change to "${m.right}"`),
            edits: [{ start: m.start, end: m.end, text: m.right }],
          },
        ],
      });
    });
  },
};
