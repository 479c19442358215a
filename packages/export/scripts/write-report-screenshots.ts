import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '@procmap/analysis';
import { EXPORT_FONTS, outpatientReferral } from '@procmap/test-kit';
import { buildReport } from '../src/index';

/*
 * Writes docs/screenshots/report-simulation-N.png: the pages of the improvement report's
 * Simulation section for the outpatient referral template, at 60 dpi like the other report
 * screenshots. The report is drawn from the map, so the pictures change only when the report
 * or the simulation does. Needs poppler's pdftotext and pdftoppm.
 * Run: `npx tsx packages/export/scripts/write-report-screenshots.ts`.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const out = join(root, 'docs', 'screenshots');
const map = outpatientReferral();
const pdf = await buildReport(map, analyze(map), EXPORT_FONTS, { date: '7 December 2026' });

const dir = mkdtempSync(join(tmpdir(), 'procmap-report-shots-'));
try {
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const pageText = (page: number) =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8',
    });
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  );
  // The section starts on a page of its own, headed "Simulation", and runs to the end.
  let first = pages;
  while (first > 1 && !pageText(first).trimStart().startsWith('Simulation')) first--;
  if (first === 1) throw new Error('the report has no Simulation section');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(first),
    '-l',
    String(pages),
    file,
    join(dir, 'page'),
  ]);
  // A section that got shorter leaves no page of an older one behind.
  for (const old of readdirSync(out).filter((f) => /^report-simulation-\d+\.png$/.test(f)))
    rmSync(join(out, old));
  const shots = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  for (const [i, shot] of shots.entries()) {
    const name = `report-simulation-${i + 1}.png`;
    renameSync(join(dir, shot), join(out, name));
    console.log(`docs/screenshots/${name}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
