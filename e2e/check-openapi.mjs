// Lints the published contracts with Spectral and the repository's ruleset (.spectral.yaml:
// spectral:oas and spectral:asyncapi, every operation summarized, every error answer problem
// details): docs/openapi/*.json and docs/asyncapi.yaml, failing on warnings. Then shows that a
// deliberately broken copy of an OpenAPI document fails. Exit 1 if a document has a finding or
// the broken copy is not caught.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const spectral = path.join(here, 'node_modules', '.bin', 'spectral');
const ruleset = path.join(root, '.spectral.yaml');

function lint(files) {
  const run = spawnSync(spectral, ['lint', '--ruleset', ruleset, '--fail-severity=warn', ...files],
    { cwd: root, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  return run.status === 0;
}

const openapi = readdirSync(path.join(root, 'docs', 'openapi'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => path.join('docs', 'openapi', name));
const clean = lint([...openapi, path.join('docs', 'asyncapi.yaml')]);
console.log(`${openapi.join(', ')} and docs/asyncapi.yaml: ${clean ? 'no findings' : 'FINDINGS'}`);

// the broken copy: an operation without its summary, and a 404 answered as plain JSON
const document = JSON.parse(readFileSync(path.join(root, 'docs', 'openapi', 'article-service.json'), 'utf8'));
const read = document.paths['/api/articles/{slugOrId}'].get;
delete read.summary;
read.responses['404'].content = { 'application/json': { schema: { type: 'object' } } };
const broken = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'article-service-broken.json');
writeFileSync(broken, JSON.stringify(document, null, 2));
// the copy must fail for exactly what was broken, not for anything else
const run = spawnSync(spectral, ['lint', '--ruleset', ruleset, '--fail-severity=warn', '--format', 'json', broken],
  { cwd: root, encoding: 'utf8' });
const findings = JSON.parse(run.stdout || '[]');
findings.forEach((f) => console.log(`  broken copy: ${f.code} at ${f.path.join('.')}`));
const codes = new Set(findings.map((f) => f.code));
const caught = run.status !== 0 && codes.has('operation-summary') && codes.has('problem-responses')
  && findings.length === 2;
console.log(`a broken copy (no summary, a 404 that is not problem details): ${caught ? 'refused, as it should be' : 'NOT CAUGHT as expected'}`);
process.exit(clean && caught ? 0 : 1);
