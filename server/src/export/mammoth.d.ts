// mammoth's reader of the document model (the part of mammoth the import uses; the HTML writer is not bundled).
declare module 'mammoth/lib/docx/docx-reader' {
  /** The package as mammoth reads it. */
  export interface DocxFile {
    exists(name: string): boolean;
    read(name: string, encoding?: string): Promise<string | Uint8Array>;
  }
  export interface MammothResult<T> {
    value: T;
    messages: { type: 'warning' | 'error'; message: string }[];
  }
  export function read(docxFile: DocxFile, input?: object, options?: object): Promise<MammothResult<unknown>>;
}
