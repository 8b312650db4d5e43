// The export's options (`report.export.*` settings) and their defaults: the fonts and sizes of GB/T 9704.

export interface ExportOptions {
  fonts: {
    /** The title: 小标宋 (方正小标宋简体). */
    title: string;
    /** Body text, 1. and （1） headings: 仿宋. */
    body: string;
    /** 一、 headings: 黑体. */
    heading1: string;
    /** （一） headings, subtitle and speaker lines: 楷体. */
    heading2: string;
    heading3: string;
    heading4: string;
    /** Latin letters and digits. */
    latin: string;
    /** Page numbers: 宋体. */
    pageNumber: string;
  };
  /** Sizes in points: 2号 = 22, 3号 = 16, 4号 = 14. */
  sizes: { title: number; body: number; pageNumber: number };
  /** Bold heading sentences (local practice; the standard does not bold them). */
  boldHeadings: boolean;
  /** Page numbers `— 1 —` in the footer, odd pages right and even pages left. */
  pageNumbers: boolean;
  /** The document's author property. */
  creator?: string;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    heading3: '仿宋_GB2312',
    heading4: '仿宋_GB2312',
    latin: 'Times New Roman',
    pageNumber: '宋体',
  },
  sizes: { title: 22, body: 16, pageNumber: 14 },
  boldHeadings: false,
  pageNumbers: true,
};

const FONT_KEYS = Object.keys(DEFAULT_EXPORT_OPTIONS.fonts) as (keyof ExportOptions['fonts'])[];
const SIZE_KEYS = Object.keys(DEFAULT_EXPORT_OPTIONS.sizes) as (keyof ExportOptions['sizes'])[];

function fontName(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  // Font names go into XML attributes: keep them short and free of control characters.
  return t && t.length <= 64 && !/[\u0000-\u001f<>&"]/u.test(t) ? t : undefined;
}

/** Options from settings (`report.export` as an object); missing or invalid values take the defaults. */
export function resolveExportOptions(settings: unknown): ExportOptions {
  const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
  const fonts = (s.fonts && typeof s.fonts === 'object' ? s.fonts : {}) as Record<string, unknown>;
  const sizes = (s.sizes && typeof s.sizes === 'object' ? s.sizes : {}) as Record<string, unknown>;
  const out: ExportOptions = {
    fonts: { ...DEFAULT_EXPORT_OPTIONS.fonts },
    sizes: { ...DEFAULT_EXPORT_OPTIONS.sizes },
    boldHeadings: typeof s.boldHeadings === 'boolean' ? s.boldHeadings : DEFAULT_EXPORT_OPTIONS.boldHeadings,
    pageNumbers: typeof s.pageNumbers === 'boolean' ? s.pageNumbers : DEFAULT_EXPORT_OPTIONS.pageNumbers,
  };
  for (const k of FONT_KEYS) out.fonts[k] = fontName(fonts[k]) ?? out.fonts[k];
  for (const k of SIZE_KEYS) {
    const v = sizes[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 5 && v <= 72) out.sizes[k] = Math.round(v * 2) / 2;
  }
  return out;
}
