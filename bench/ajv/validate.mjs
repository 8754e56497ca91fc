// validate.mjs validates an NDJSON corpus with ajv 8 (draft 2020-12) and
// ajv-formats, parse included, one core, and prints its figures as JSON.
// Usage: node validate.mjs SCHEMA CORPUS MIN_SECONDS VERDICTS_FILE ALL_ERRORS
import { readFileSync, writeFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaPath, corpusPath, minSeconds, verdictsPath, allErrors] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// strict: false lets the x-enum-titres annotations through.
const ajv = new Ajv2020({ allErrors: allErrors === 'true', strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const lines = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim().length > 0);
let size = 0;
for (const l of lines) size += Buffer.byteLength(l);

const check = (l) => {
  try {
    return validate(JSON.parse(l));
  } catch {
    return false;
  }
};
// Warm-up pass (lets V8 optimise), which gives the verdicts.
const verdicts = lines.map((l) => (check(l) ? '1' : '0'));
writeFileSync(verdictsPath, verdicts.join('\n') + '\n');

const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
let docs = 0;
let passes = 0;
let seconds = 0;
for (;;) {
  for (const l of lines) check(l);
  docs += lines.length;
  passes++;
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (seconds >= Number(minSeconds)) break;
}
const version = (p) => JSON.parse(readFileSync(new URL(`./node_modules/${p}/package.json`, import.meta.url), 'utf8')).version;
console.log(JSON.stringify({
  mode: allErrors === 'true' ? 'ajv' : 'ajv-first-error',
  docs,
  seconds,
  cpu_seconds: (() => { const u = process.cpuUsage(cpu); return (u.user + u.system) / 1e6; })(),
  bytes: size * passes,
  peak_rss_kb: process.resourceUsage().maxRSS,
  procs: 1,
  runtime: `node ${process.version}, ajv ${version('ajv')}, ajv-formats ${version('ajv-formats')}`,
  valid: verdicts.filter((v) => v === '1').length,
}));
