// Validates docs/asyncapi.yaml with the AsyncAPI CLI (`asyncapi validate`, pinned in
// package-lock.json), resolving its payload references into contracts/, failing on errors and
// warnings. Then shows that deliberately broken copies fail, each for what was broken. Exit 1 if
// the document is invalid or a broken copy is not caught.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(here, 'node_modules', '.bin', 'asyncapi');
const document = path.join('docs', 'asyncapi.yaml');
// CI=true: the CLI sends no usage metrics; its analytics file goes to a temporary directory, not ~
const scratch = mkdtempSync(path.join(tmpdir(), 'asyncapi-cli-'));
const env = { ...process.env, CI: 'true', ASYNCAPI_METRICS_CONFIG_PATH: path.join(scratch, 'analytics.json'),
  SUPPRESS_NO_CONFIG_WARNING: 'true' };

/** The CLI's findings on a file (relative to the repository), and whether it refused the file. */
function validate(file) {
  const run = spawnSync(cli, ['validate', file, '--fail-severity=warn', '--diagnostics-format', 'json'],
    { cwd: root, encoding: 'utf8', env });
  if (run.error) throw run.error;
  const json = run.stdout.slice(run.stdout.indexOf('['), run.stdout.lastIndexOf(']') + 1);
  const findings = json ? JSON.parse(json) : [];
  return { refused: run.status !== 0, findings, output: run.stdout + run.stderr };
}

const severities = ['error', 'warning', 'information', 'hint'];
const real = validate(document);
real.findings.forEach((f) => console.log(`  ${document}: ${severities[f.severity]} ${f.code} ${f.message} at ${f.path.join('.')}`));
if (real.refused && real.findings.length === 0) console.log(real.output);
console.log(`${document}: ${real.refused ? 'INVALID' : 'valid (asyncapi validate --fail-severity=warn)'}`);

// The broken copies lie beside docs/ (in the ignored target/), so that their references into
// contracts/ resolve as the real document's do: each fails only for what was broken.
const text = readFileSync(path.join(root, document), 'utf8');
const broken = [
  { what: 'a required field removed (info.title)', code: 'asyncapi-document-resolved', says: 'required property "title"',
    text: text.replace(/^ {2}title: .*\n/m, '') },
  { what: 'an AsyncAPI 2 action (publish instead of send)', code: 'asyncapi-document-resolved', says: 'action',
    text: text.replace('action: send', 'action: publish') },
  { what: 'a payload schema that does not exist (rated.v0)', code: 'invalid-ref', says: 'vn.portal.article.rated.v0',
    text: text.replace('vn.portal.article.rated.v1.schema.json', 'vn.portal.article.rated.v0.schema.json') },
];
mkdirSync(path.join(root, 'target'), { recursive: true });
let caught = 0;
broken.forEach((copy, i) => {
  const file = path.join('target', `asyncapi-broken-${i + 1}.yaml`);
  if (copy.text === text) throw new Error(`broken copy ${i + 1} changed nothing: ${copy.what}`);
  writeFileSync(path.join(root, file), copy.text);
  try {
    const result = validate(file);
    const errors = result.findings.filter((f) => f.severity === 0);
    errors.forEach((f) => console.log(`  broken copy ${i + 1}: ${f.code} ${f.message} at ${f.path.join('.')}`));
    const asExpected = result.refused && errors.length > 0
      && errors.every((f) => f.code === copy.code && `${f.message} ${f.path.join('.')}`.includes(copy.says));
    if (asExpected) caught++;
    console.log(`broken copy ${i + 1}, ${copy.what}: ${asExpected ? 'refused, as it should be' : 'NOT CAUGHT as expected'}`);
  } finally {
    rmSync(path.join(root, file));
  }
});
rmSync(scratch, { recursive: true, force: true });
process.exit(!real.refused && caught === broken.length ? 0 : 1);
