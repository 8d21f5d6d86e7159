// After `trunk build`: writes
//   dist/plan-compare.bundle.js  the wasm-bindgen glue (no-modules) and assets/boot.js, as one
//                                classic script (what index.html loads); on the web it fetches
//   dist/plan-compare_bg.wasm    the wasm, compiled by the browser while it streams in;
//   dist/plan-compare.wasm.js    the same wasm as a classic script that sets a string of one
//                                character per byte (see below), for a copy of the page opened
//                                from disk ("Save page as"), where fetch is blocked: index.html
//                                names it in an inert <script type="text/plain">, which the browser
//                                does not load but "Save page as" saves;
//   dist/plan-compare.html       one self-contained file: the page with the glue, the wasm string,
//                                boot.js and the CSS inline, no reference to any other file or host.
// Why: module scripts and fetch are blocked from file://, so a saved page or a file on disk can only
// run a classic script that carries its wasm.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const read = (name) => fs.readFileSync(path.join(dist, name));
const fail = (message) => {
  console.error(`bundle: ${message}`);
  process.exit(1);
};

for (const name of ['index.html', 'plan-compare.js', 'plan-compare_bg.wasm', 'style.css']) {
  if (!fs.existsSync(path.join(dist, name))) fail(`dist/${name} is missing; run trunk build first`);
}
const glue = read('plan-compare.js').toString('utf8');
if (!glue.includes('wasm_bindgen')) fail('plan-compare.js is not no-modules glue (data-bindgen-target="no-modules")');
const wasm = read('plan-compare_bg.wasm');
const boot = fs.readFileSync(path.join(root, 'assets/boot.js'), 'utf8');
// The wasm as a "binary string": one character per byte (U+0000–U+00FF). Unlike base64 it keeps the
// byte structure that brotli and gzip compress (measured: 275 KB brotli against 332 KB for base64,
// 258 KB for the bare wasm). Escaped: quote, backslash, line breaks, NUL (HTML turns it into
// U+FFFD in inline scripts) and `<` (so that no `</script` or `<!--` can appear).
function binaryString(bytes) {
  const escapes = { 0x00: '\\x00', 0x0a: '\\n', 0x0d: '\\r', 0x22: '\\"', 0x3c: '\\x3c', 0x5c: '\\\\' };
  let out = '';
  for (const byte of bytes) out += escapes[byte] ?? String.fromCharCode(byte);
  return out;
}
const wasmString = `window.planCompareWasm = "${binaryString(wasm)}";\n`;
const bundle = `${glue}\n;${boot}`;
fs.writeFileSync(path.join(dist, 'plan-compare.bundle.js'), bundle);
fs.writeFileSync(path.join(dist, 'plan-compare.wasm.js'), wasmString);

// The single file: CSS and script inline. `</script` cannot appear inside an inline script (the
// wasm string has no `<` at all; the glue and boot code are checked here).
const css = read('style.css').toString('utf8');
const inlineScript = `${glue}\n;${wasmString}${boot}`.replace(/<\/script/gi, '<\\/script');
let html = read('index.html').toString('utf8');
const styleLink = /<link rel="stylesheet" href="\.\/style\.css"[^>]*>/;
const scriptTag = /<script src="\.\/plan-compare\.bundle\.js" defer><\/script>/;
const wasmScriptTag = /\s*<!-- The wasm for a copy[^>]*-->\s*<script type="text\/plain" src="\.\/plan-compare\.wasm\.js" data-plan-compare-wasm><\/script>/;
if (!styleLink.test(html) || !scriptTag.test(html) || !wasmScriptTag.test(html) || !html.includes('<script src="./first-view.js"></script>')) {
  fail('index.html does not have the expected stylesheet and script tags');
}
html = html
  .replace('<html lang="zh-CN">', '<html lang="zh-CN" data-single-file="1">')
  .replace(styleLink, () => `<style>\n${css}\n</style>`)
  .replace(scriptTag, '')
  .replace(wasmScriptTag, '')
  // The pre-rendered overview is for the hosted page only (scripts/prerender.mjs); the single file
  // shows "Loading…" until the app mounts, and references no other file.
  .replace(/\s*<!-- Before the first paint[^>]*-->\s*<script src="\.\/first-view\.js"><\/script>/, '')
  // Trunk's leftover marker of the rust link carries no URL but is noise in a standalone file.
  .replace(/\s*<link data-trunk[^>]*>/g, '')
  .replace('</body>', () => `<script>\n${inlineScript}\n</script>\n</body>`);
fs.writeFileSync(path.join(dist, 'plan-compare.html'), html);

// The hosted page drops Trunk's leftover marker too.
const hosted = read('index.html').toString('utf8').replace(/\s*<link data-trunk[^>]*>/g, '');
fs.writeFileSync(path.join(dist, 'index.html'), hosted);
// The glue is inside the bundle now; nothing loads it on its own.
fs.rmSync(path.join(dist, 'plan-compare.js'));
console.log(`bundle: plan-compare.bundle.js ${bundle.length} B, plan-compare_bg.wasm ${wasm.length} B, plan-compare.wasm.js ${wasmString.length} B, plan-compare.html ${html.length} B`);
