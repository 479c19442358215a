import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkArchitecture, type SourceFile, type WorkspacePackage } from './architecture/rules';

/** Reads every workspace package's sources and prints each layering violation (exit 1). */
const root = join(import.meta.dirname, '..');

function sources(dir: string, base: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full, base));
    else if (/\.(ts|tsx|mts)$/.test(name)) {
      out.push({ path: relative(base, full), text: readFileSync(full, 'utf8') });
    }
  }
  return out;
}

const packages: WorkspacePackage[] = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name);
    let manifest: { name: string; dependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const files = ['src', 'bench', 'e2e'].flatMap((sub) => {
      try {
        return sources(join(dir, sub), dir);
      } catch {
        return [];
      }
    });
    packages.push({
      name: manifest.name,
      dir: `${group}/${name}`,
      dependencies: Object.keys(manifest.dependencies ?? {}),
      files,
    });
  }
}

const violations = checkArchitecture(packages);
for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}  ${v.message}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} architecture violation(s); see docs/architecture.md`);
  process.exit(1);
}
console.log(
  `architecture: ${packages.length} packages, ${packages.reduce((n, p) => n + p.files.length, 0)} files, no violations`,
);
