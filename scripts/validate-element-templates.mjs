// Checks every element template in element-templates/ against Camunda's element template JSON
// schema (@camunda/element-templates-json-schema, through @bpmn-io/element-templates-validator),
// as Camunda Modeler does when it loads them. Exits 1 naming each broken template.
import { readdirSync, readFileSync } from 'node:fs';
import { validate } from '@bpmn-io/element-templates-validator';

const dir = process.argv[2] || 'element-templates';
let failed = false;
let count = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const templates = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const { errors } = validate(templates);
  count += templates.length;
  for (const error of errors || []) {
    failed = true;
    console.error(`${dir}/${file}: ${error.message}${error.path ? " at " + JSON.stringify(error.path) : ""}`);
  }
}
if (failed) {
  process.exit(1);
}
console.log(`element templates: ${count} valid`);
