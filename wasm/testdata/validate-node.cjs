// validate-node.cjs loads the validation-only module in Node and validates
// documents with it, printing {file: result} as JSON. Used by the Go test
// TestValidateModuleInNode; also a working example for partners' back ends:
//   node validate-node.cjs <dist dir> <kind> <file.json>...
"use strict";
const fs = require("fs");
const path = require("path");

const [dist, kind, ...files] = process.argv.slice(2);
require(path.resolve(dist, "wasm_exec.js")); // defines globalThis.Go

const go = new Go();
WebAssembly.instantiate(fs.readFileSync(path.join(dist, "validate.wasm")), go.importObject).then(({ instance }) => {
  go.run(instance); // returns once main waits: validate() is then defined
  const out = { kinds: spieKinds(), results: {} };
  for (const f of files) {
    out.results[path.basename(f)] = validate(kind, fs.readFileSync(f, "utf8"));
  }
  out.results["objet-vide"] = validate(kind, {});
  out.results["type-inconnu"] = validate("inconnu", "{}");
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
