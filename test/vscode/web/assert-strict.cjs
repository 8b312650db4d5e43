// `node:assert/strict` for the suites in the web extension host: the strict mode of the `assert` package.
module.exports = require('assert').strict;
