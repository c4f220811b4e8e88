// Copies the patched algebrite (patches/algebrite@1.4.0.patch, applied by pnpm to the
// workspace's node_modules) into packages/symbolic/vendor/, where the packed tarball's
// `#algebrite` import points (package.json publishConfig.imports). Run by the symbolic
// package's prepack. Refuses to vendor an unpatched file: installed users would get a
// derivation ~20× slower without saying so.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const symbolic = fileURLToPath(new URL('../packages/symbolic/', import.meta.url));
const require = createRequire(join(symbolic, 'package.json'));
const entry = require.resolve('algebrite');
const source = readFileSync(entry, 'utf8');
if (!source.includes('jepa-dynamics patch')) {
  console.error(`vendor-algebrite: ${entry} is not patched (patches/algebrite@1.4.0.patch); run pnpm install in the repository first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
if (manifest.version !== '1.4.0') {
  console.error(`vendor-algebrite: expected algebrite 1.4.0 (the version the patch is for), found ${manifest.version}.`);
  process.exit(1);
}
const vendor = join(symbolic, 'vendor');
mkdirSync(vendor, { recursive: true });
writeFileSync(join(vendor, 'algebrite.cjs'), source);
copyFileSync(join(dirname(entry), '..', 'LICENSE'), join(vendor, 'algebrite.LICENSE'));
writeFileSync(
  join(vendor, 'README.md'),
  'algebrite 1.4.0 (MIT, Davide Della Casa; licence in algebrite.LICENSE), dist/algebrite.js with\n' +
    "jepa-dynamics' patch (terms sorted in place; same results, ~20× faster derivations),\n" +
    'vendored by scripts/vendor-algebrite.mjs of the jepa-dynamics repository. Its dependency\n' +
    'big-integer is a regular dependency of @jepa-dynamics/symbolic.\n',
);
console.log(`vendor-algebrite: ${entry} -> ${join(vendor, 'algebrite.cjs')}`);
