// Bundles the manager tools (browser modeler, SLA dashboard) with esbuild. Run by the Maven build
// (exec-maven-plugin, after `npm ci`); the output directory is its one argument.
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output directory>');
  process.exit(2);
}

await build({
  entryPoints: {
    modeler: 'src/modeler.js',
    dashboard: 'src/dashboard.js',
    login: 'src/login.js'
  },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  outdir,
  // fonts and images of bpmn-js, dmn-js and form-js are inlined, so the pages need nothing but the bundles
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  legalComments: 'linked',
  logLevel: 'warning'
});
console.log('manager tools bundled into ' + outdir);
