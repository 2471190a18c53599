// Validates docs/asyncapi.yaml with the AsyncAPI parser (the engine behind `asyncapi validate`),
// resolving its payload references into contracts/, and shows that a deliberately broken copy
// fails. Exit 1 if the document is invalid or the broken copy is not caught.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(here, '..', 'docs', 'asyncapi.yaml');
const parser = new Parser();
const ERROR = 0;

async function check(label, text) {
  const { document, diagnostics } = await parser.parse(text, { source: file });
  const errors = diagnostics.filter((d) => d.severity === ERROR);
  errors.forEach((d) => console.log(`  ${label}: ${d.code} ${d.message} at ${d.path.join('.')}`));
  return document !== undefined && errors.length === 0;
}

const text = await readFile(file, 'utf8');
const valid = await check('docs/asyncapi.yaml', text);
console.log(`docs/asyncapi.yaml: ${valid ? 'valid' : 'INVALID'}`);
const broken = text.replace('action: send', 'action: publish')
  .replace('vn.portal.article.rated.v1.schema.json', 'vn.portal.article.rated.v0.schema.json');
const brokenValid = await check('broken copy', broken);
console.log(`a broken copy (unknown action, missing payload schema): ${brokenValid ? 'NOT CAUGHT' : 'refused, as it should be'}`);
process.exit(valid && !brokenValid ? 0 : 1);
