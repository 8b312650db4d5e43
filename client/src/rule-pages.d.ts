// Made by esbuild.mjs from docs/rules/*.md: the text of each rule page, by rule id.
declare module 'report-rule-pages' {
  export function rulePages(): Readonly<Record<string, string>>;
}
