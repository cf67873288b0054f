// -r this file: the CommonJS counterpart: require() of any Node built-in fails.
const Module = require('node:module');
const original = Module._load;
Module._load = function load(request, parent, isMain) {
  if (Module.isBuiltin(request)) throw new Error(`blocked require of Node built-in "${request}"`);
  return original.call(this, request, parent, isMain);
};
