import { generateArchitecture } from './generate.mjs';
const core = await import('/tmp/core-browser.mjs');
const text = generateArchitecture(5000);
const a = new core.Analyzer(); a.analyze(text);
let cur = text;
const t0 = performance.now();
for (let i=0;i<20;i++){ cur = cur.replace(/memory: 1GB/, i%2? 'memory: 1GB':'memory: 2GB'); a.analyze(cur); }
console.log('avg', (performance.now()-t0)/20);
