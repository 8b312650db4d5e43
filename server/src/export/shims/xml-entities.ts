// Stands in for @xmldom/xmldom's entity tables in the export bundle: mammoth parses the XML of a .docx,
// where only the five XML entities exist; the 2,000 HTML entities (36 KB) are never used.
export const XML_ENTITIES: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };
export const HTML_ENTITIES = XML_ENTITIES;
export const entityMap = XML_ENTITIES;
