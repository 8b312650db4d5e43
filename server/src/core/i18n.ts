// Picking the language of messages from the editor's locale.

import type { Msg } from './rules/types';

export type Lang = 'zh' | 'en';

/** Chinese for any zh locale (zh-cn, zh-tw, zh-hans …), English otherwise. */
export function langOf(locale: string | undefined | null): Lang {
  return locale && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function t(m: Msg, lang: Lang): string {
  return lang === 'zh' ? m.zh : m.en;
}
