// Stands in for xmlbuilder in the export bundle: mammoth writes XML only to embed style maps, which the
// import never does.
export function create(): never {
  throw new Error('xmlbuilder is not bundled: the import only reads documents.');
}
export default { create };
