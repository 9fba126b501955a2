// Renders every model in processes/ to SVG for docs/processes/, with bpmn-js (BPMN) and dmn-js
// (the DMN's decision requirements diagram) in Debian's headless Chromium, the way the browser
// tests run, and writes docs/processes.md: each process's own documentation, the decisions along
// its paths (named gateways and their named flows), its picture; each decision's rules as a table.
// Each SVG and each section starts with the model's SHA-256, so a test (ProcessPicturesTest) can
// tell when a committed picture or page no longer matches its model.
//   node scripts/render-models.mjs        (run from the project root after npm ci)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const out = join(root, 'docs', 'processes');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'ear-render-'));
const chromium = process.env.CHROMIUM || 'chromium';
const sections = [];

for (const file of readdirSync('processes').filter((f) => /\.(bpmn|dmn)$/.test(f)).sort()) {
  const xml = readFileSync(join('processes', file), 'utf8');
  const isBpmn = file.endsWith('.bpmn');
  const lib = isBpmn
    ? `${root}/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js`
    : `${root}/node_modules/dmn-js/dist/dmn-viewer.production.min.js`;
  const render = isBpmn
    ? `const viewer = new BpmnJS({ container: '#canvas' });
       await viewer.importXML(xml);
       const { svg } = await viewer.saveSVG();`
    : `const viewer = new DmnJS({ container: '#canvas' });
       await viewer.importXML(xml);
       const drd = viewer.getViews().find((v) => v.type === 'drd');
       await viewer.open(drd);
       const { svg } = await viewer.getActiveViewer().saveSVG();`;
  const page = join(work, `${file}.html`);
  writeFileSync(page, `<!doctype html><html><body><div id="canvas" style="width:3000px;height:2000px"></div>
<textarea id="svg"></textarea><textarea id="md"></textarea>
<script src="file://${lib}"></script>
<script>
const xml = ${JSON.stringify(xml)};
${describe.toString()}
(async () => {
  try { ${render} document.getElementById('svg').textContent = svg;
        document.getElementById('md').textContent = describe(new DOMParser().parseFromString(xml, 'application/xml')); }
  catch (e) { document.getElementById('svg').textContent = 'ERROR ' + e.message; }
})();
</script></body></html>`);
  const dom = execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
    '--virtual-time-budget=15000', '--dump-dom', `file://${page}`,
  ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const match = dom.match(/<textarea id="svg">([\s\S]*?)<\/textarea>/);
  const svg = match && decode(match[1]);
  if (!svg || !svg.startsWith('<?xml') && !svg.startsWith('<svg')) {
    throw new Error(`${file}: no SVG rendered: ${svg ? svg.slice(0, 200) : 'nothing'}`);
  }
  const sha = createHash('sha256').update(readFileSync(join('processes', file))).digest('hex');
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!--[\s\S]*?-->\s*/, '');
  const name = file.replace(/\.(bpmn|dmn)$/, '.svg');
  writeFileSync(join(out, name), `<!-- rendered from processes/${file} sha256:${sha} -->\n${body}\n`);
  const md = dom.match(/<textarea id="md">([\s\S]*?)<\/textarea>/);
  sections.push(`<!-- processes/${file} sha256:${sha} -->\n${decode(md ? md[1] : '')}\n\n![${file}](processes/${name})\n`);
  console.log(`docs/processes/${name}`);
}
writeFileSync(join(root, 'docs', 'processes.md'), `# The processes and decisions

Rendered from the models in \`processes/\` by \`node scripts/render-models.mjs\` (bpmn-js and
dmn-js in headless Chromium). Do not edit by hand: change the model in Camunda Modeler, run the
script, commit both; \`ProcessPicturesTest\` fails while a picture is older than its model.

${sections.join('\n')}`);
console.log('docs/processes.md');

/** Runs in the page: a model's documentation, its decisions along the way, or a decision's rules. */
function describe(doc) {
  const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : '');
  const child = (el, name) => Array.from(el.children).find((c) => c.localName === name);
  const lines = [];
  for (const process of Array.from(doc.getElementsByTagNameNS('*', 'process'))) {
    lines.push(`## ${process.getAttribute('name')} (\`${process.getAttribute('id')}\`)`, '', text(child(process, 'documentation')), '');
    const byId = {};
    for (const el of Array.from(process.getElementsByTagNameNS('*', '*'))) {
      if (el.getAttribute('id')) byId[el.getAttribute('id')] = el;
    }
    const flowsFrom = (id) => Array.from(process.getElementsByTagNameNS('*', 'sequenceFlow')).filter((f) => f.getAttribute('sourceRef') === id);
    // an unnamed joining gateway or link leads on: name where the path goes next
    const nameOf = (id, depth = 0) => {
      const el = byId[id];
      if (!el) return id;
      if (el.getAttribute('name') || depth > 4) return el.getAttribute('name') || id;
      const next = flowsFrom(id);
      return next.length === 1 ? nameOf(next[0].getAttribute('targetRef'), depth + 1) : id;
    };
    const gateways = Array.from(process.getElementsByTagNameNS('*', 'exclusiveGateway')).filter((g) => g.getAttribute('name'));
    if (gateways.length) {
      lines.push('Decisions along the way:', '');
      for (const g of gateways) {
        const flows = Array.from(process.getElementsByTagNameNS('*', 'sequenceFlow'))
          .filter((f) => f.getAttribute('sourceRef') === g.getAttribute('id') && f.getAttribute('name'))
          .map((f) => `${f.getAttribute('name')} → ${nameOf(f.getAttribute('targetRef'))}`);
        lines.push(`- **${g.getAttribute('name')}** ${flows.join('; ')}`);
      }
      lines.push('');
    }
  }
  for (const decision of Array.from(doc.getElementsByTagNameNS('*', 'decision'))) {
    const table = child(decision, 'decisionTable');
    lines.push(`## ${decision.getAttribute('name')} (\`${decision.getAttribute('id')}\`)`, '');
    if (!table) continue;
    lines.push(`Hit policy: ${table.getAttribute('hitPolicy') || 'UNIQUE'}.`, '');
    const inputs = Array.from(table.children).filter((c) => c.localName === 'input');
    const outputs = Array.from(table.children).filter((c) => c.localName === 'output');
    const head = [...inputs.map((i) => i.getAttribute('label') || text(i)), ...outputs.map((o) => o.getAttribute('label') || o.getAttribute('name'))];
    lines.push(`| ${head.join(' | ')} | notes |`, `|${head.map(() => '---').join('|')}|---|`);
    for (const rule of Array.from(table.children).filter((c) => c.localName === 'rule')) {
      const cells = Array.from(rule.children).filter((c) => c.localName === 'inputEntry' || c.localName === 'outputEntry')
        .map((c) => text(c).replace(/\|/g, '\\|') || '-');
      lines.push(`| ${cells.join(' | ')} | ${text(child(rule, 'description'))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function decode(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
