// Stands in for underscore in the export bundle: mammoth and lop call only these of its functions (checked by
// test/unit/export-shims.test.ts), so the rest of the library stays out of the bundle. Named exports:
// mammoth's `require("underscore")` gets this module's namespace.
export {
  any,
  clone,
  extend,
  filter,
  find,
  findIndex,
  flatten,
  foldl,
  forEach,
  indexBy,
  invert,
  isArray,
  isEqual,
  isFunction,
  isString,
  last,
  map,
  pluck,
  some,
  values,
} from 'underscore/modules/index.js';
