// underscore's ES modules, as the shim beside this file uses them (the package has no types of its own).
declare module 'underscore/modules/index.js' {
  type Fn = (...args: never[]) => unknown;
  export const any: Fn, clone: Fn, foldl: Fn, extend: Fn, filter: Fn, find: Fn, findIndex: Fn, flatten: Fn, forEach: Fn, indexBy: Fn, invert: Fn;
  export const isArray: Fn, isEqual: Fn, isFunction: Fn, isString: Fn, last: Fn, map: Fn, pluck: Fn, some: Fn, values: Fn;
}
