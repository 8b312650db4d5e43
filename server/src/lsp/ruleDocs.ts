// Where diagnostics link their rule's page: the client may say (`ruleDocsUri` in the initialization options,
// a base URI: the pages are `<base>/<rule id>.md`); the VS Code client serves the pages itself.

/** The base URI of the rule pages given by the client, without trailing slashes; undefined when unusable. */
export function ruleDocsBase(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/?[^\s]*$/i.test(value) ? value.replace(/\/+$/, '') : undefined;
}

/** The page of a rule under `base`; undefined for what is not a rule id. */
export function ruleDocUnder(base: string, ruleId: string): string | undefined {
  return /^[a-z0-9-]+$/.test(ruleId) ? `${base}/${ruleId}.md` : undefined;
}
