// Builds the session-replay assets with esbuild (run by Maven through src/build/java/Frontend.java; docs/replay.md):
//   node build.mjs OUT_DIR NOTICES_FILE
// OUT_DIR gets zm-recorder.js, zm-player.js, zm-player.css and THIRD-PARTY-NOTICES.txt (the npm packages inside
// the bundles, read from esbuild's metafile, with their licence texts). NOTICES_FILE (committed, beside the
// project's THIRD-PARTY-NOTICES.txt) gets the same list and is rewritten only when it changes. A bundled package
// whose licence is not on the allow-list below fails the build, as license-maven-plugin does for the jar's libraries.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [outArg, noticesArg] = process.argv.slice(2);
if (!outArg || !noticesArg) {
  console.error('usage: node build.mjs OUT_DIR NOTICES_FILE');
  process.exit(2);
}
const out = resolve(outArg);
mkdirSync(out, { recursive: true });

// The same allow-list as pom.xml's license-maven-plugin (permissive licences a company product can ship).
const ALLOWED = new Set(['Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'ISC', 'MPL-2.0', 'CC0-1.0']);
const BANNER = (name) => `/*! ${name} - zeromission session replay (docs/replay.md). Bundles rrweb and other npm packages `
  + `under their own licences (MIT and others): see THIRD-PARTY-NOTICES.txt beside this file. */`;

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  metafile: true,
  legalComments: 'none', // the licences are in THIRD-PARTY-NOTICES.txt, with their full texts
  target: ['chrome90', 'firefox90', 'safari15', 'edge90'],
  logLevel: 'warning',
};

const recorder = await build({
  ...common,
  entryPoints: ['src/recorder.js'],
  outfile: join(out, 'zm-recorder.js'),
  format: 'iife',
  banner: { js: BANNER('zm-recorder.js') },
});
const player = await build({
  ...common,
  entryPoints: ['src/player.js'],
  outfile: join(out, 'zm-player.js'), // with zm-player.css beside it (the CSS the entry imports)
  format: 'iife',
  globalName: 'zmPlayer',
  banner: { js: BANNER('zm-player.js'), css: BANNER('zm-player.css') },
});

// ---- which npm packages went into which bundle ----------------------------------------------------------------
function packageOf(input) {
  const parts = input.split(/[\\/]/);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return null;
  const n = parts[i + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, i + 1 + n).join(sep);
}
const packages = new Map(); // dir -> {name, version, license, bundles:Set}
for (const [bundle, result] of [['zm-recorder.js', recorder], ['zm-player.js/.css', player]]) {
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      if (info.bytesInOutput === 0) continue; // tree-shaken away entirely
      const dir = packageOf(input);
      if (!dir) continue;
      if (!packages.has(dir)) {
        const pkg = JSON.parse(readFileSync(join(here, dir, 'package.json'), 'utf8'));
        const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license && pkg.license.type) || '';
        packages.set(dir, { name: pkg.name, version: pkg.version, license, homepage: pkg.homepage || '', bundles: new Set(), dir });
      }
      packages.get(dir).bundles.add(bundle);
    }
    void path;
  }
}
// @rrweb/record and rrweb-player publish pre-bundled files: their own build inlined these packages (seen in their dist
// files: rrweb's recorder and snapshot code, rrweb-player's Svelte runtime, PostCSS, rrdom, ...). They are listed
// with the licence their installed copy declares; Svelte is not installed (a build-time dependency of rrweb-player).
const INLINED = {
  '@rrweb/record': ['rrweb', 'rrweb-snapshot', '@rrweb/types', '@rrweb/utils', 'base64-arraybuffer'],
  'rrweb-player': ['@rrweb/replay', 'rrweb', 'rrweb-snapshot', 'rrdom', '@rrweb/types', '@rrweb/utils', '@rrweb/packer',
    'fflate', 'mitt', 'base64-arraybuffer', 'postcss', 'nanoid', 'picocolors', 'source-map-js', '@xstate/fsm', 'svelte'],
};
const mit = (copyright) => `MIT License

${copyright}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
const SVELTE_LICENSE = mit('Copyright (c) 2016-present Svelte Contributors (https://github.com/sveltejs/svelte)');
// The rrweb packages publish no licence file; this is the repository's LICENSE (MIT).
const RRWEB_LICENSE = mit('Copyright (c) 2018 Contributors (https://github.com/rrweb-io/rrweb/graphs/contributors) and SmartX Inc.');
for (const host of [...packages.values()]) {
  for (const name of INLINED[host.name] || []) {
    const dir = join('node_modules', name);
    const key = 'inlined:' + name;
    if (!packages.has(key)) {
      let entry = { name, version: '', license: 'MIT', homepage: '', bundles: new Set(), dir: null, text: SVELTE_LICENSE };
      if (existsSync(join(here, dir, 'package.json'))) {
        const pkg = JSON.parse(readFileSync(join(here, dir, 'package.json'), 'utf8'));
        entry = { name, version: '', license: typeof pkg.license === 'string' ? pkg.license : '', homepage: pkg.homepage || '',
          bundles: new Set(), dir };
      } else if (name !== 'svelte') {
        console.error(`FATAL: ${host.name} is listed as inlining ${name}, which is not installed (build.mjs INLINED)`);
        process.exit(1);
      }
      packages.set(key, entry);
    }
    for (const b of host.bundles) packages.get(key).bundles.add(b + ' (inside ' + host.name + ')');
  }
}
const list = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
const refused = list.filter((p) => !p.license.split(/\s+OR\s+|[()]/).some((l) => ALLOWED.has(l.trim())));
if (refused.length) {
  console.error('FATAL: npm packages bundled into the replay assets without an allowed licence: '
    + refused.map((p) => `${p.name}${p.version ? '@' + p.version : ''} (${p.license || 'none declared'})`).join(', ')
    + '. Allowed: ' + [...ALLOWED].join(', ') + ' (src/main/frontend/build.mjs).');
  process.exit(1);
}

function licenceText(dir) {
  if (!dir) return null;
  const files = readdirSync(join(here, dir)).filter((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return files.length ? readFileSync(join(here, dir, files[0]), 'utf8').trim() : null;
}

const header = `zeromission: third-party notices of the session-replay assets
=============================================================

The browser scripts served under /replay/ (zm-recorder.js, zm-player.js, zm-player.css; built from src/main/frontend
by esbuild, docs/replay.md) bundle the npm packages below; each keeps its own licence. This file is generated by the
build (src/main/frontend/build.mjs, from esbuild's metafile: every package with at least one byte in a bundle) and
committed beside THIRD-PARTY-NOTICES.txt; the jar serves the same list with the licence texts as
/replay/THIRD-PARTY-NOTICES.txt. The build fails when a bundled package's licence is not on its allow-list.
esbuild itself (MIT) only builds them and is not bundled. Packages without a version were inlined by the named
package's own build (its published files already contain them, in the version it was built with).

`;
const summary = list.map((p) => `  ${p.name}${p.version ? '@' + p.version : ''} - ${p.license}${p.homepage ? ' - ' + p.homepage : ''}\n`
  + `      in ${[...p.bundles].join(', ')}`).join('\n') + '\n';
const committed = header + `Packages (${list.length})\n-------------\n\n` + summary;
const notices = resolve(noticesArg);
if (!existsSync(notices) || readFileSync(notices, 'utf8') !== committed) writeFileSync(notices, committed);

const texts = list.map((p) => {
  const text = p.text || licenceText(p.dir) || (/rrweb-io\/rrweb/.test(p.homepage) ? RRWEB_LICENSE : null);
  return `---- ${p.name}${p.version ? '@' + p.version : ''} (${p.license}) ----\n\n`
    + (text || `(the package ships no licence file; its package.json declares ${p.license})`) + '\n';
}).join('\n');
writeFileSync(join(out, 'THIRD-PARTY-NOTICES.txt'), committed + '\nLicence texts\n-------------\n\n' + texts);

// Served compressed to browsers that accept gzip (web.StaticResources: EncodedResourceResolver picks FILE.gz).
for (const f of ['zm-recorder.js', 'zm-player.js', 'zm-player.css']) {
  const bytes = readFileSync(join(out, f));
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(join(out, f + '.gz'), gz);
  console.log(`${relative(process.cwd(), join(out, f))}: ${bytes.length} bytes, ${gz.length} gzipped`);
}
