import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Typechecks each workspace with its own tsconfig (pure packages have no DOM and no Node types,
 * so a slip fails here), then the root project (tests, scripts, benchmarks).
 */
const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(group, name)))
  .flatMap((dir) => [dir, join(dir, 'e2e')]) // browser tests have a tsconfig of their own
  .filter((dir) => existsSync(join(root, dir, 'tsconfig.json')));
projects.push('.');

let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--pretty'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.error(`typecheck failed: ${project}`);
  }
}
if (failed > 0) process.exit(1);
console.log(`typecheck: ${projects.length} projects clean`);
