import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '@procmap/analysis';
import { EXPORT_FONTS, outpatientReferral } from '@procmap/test-kit';
import { buildReport } from '../src/index';
import { CASE_STUDY_ID, caseStudyExample } from '../src/test-support/case-study-example';

/*
 * Writes docs/screenshots/report-simulation-N.png, the pages of the improvement report's
 * Simulation section for the outpatient referral template, report-case-study-N.png, the first
 * three pages of the case study of "Discharge before noon" (the hospital discharge template
 * with a to-be, src/test-support/case-study-example.ts), and report-case-study-title.png, that
 * report's title page with the decision on it, at 60 dpi like the other
 * report screenshots. The report is drawn from the map, so the pictures change only when the
 * report or the simulation does. Needs poppler's pdfinfo, pdftotext and pdftoppm.
 * Run: `npx tsx packages/export/scripts/write-report-screenshots.ts`.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const out = join(root, 'docs', 'screenshots');
const date = '7 December 2026';
const map = outpatientReferral();
await writeSection(
  await buildReport(map, analyze(map), EXPORT_FONTS, { date }),
  'Simulation',
  'report-simulation',
);
const study = caseStudyExample();
const studyPdf = await buildReport(study, analyze(study), EXPORT_FONTS, {
  date,
  scenario: CASE_STUDY_ID,
});
await writeSection(studyPdf, 'Case study', 'report-case-study', 3);
await writeTitlePage(studyPdf, 'report-case-study-title.png');

/** Writes the report's first page, its title page (with a case study, the decision), as `png`. */
async function writeTitlePage(pdf: Uint8Array, png: string) {
  const dir = mkdtempSync(join(tmpdir(), 'procmap-report-shots-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(dir, 'title'),
    ]);
    renameSync(join(dir, 'title.png'), join(out, png));
    console.log(`docs/screenshots/${png}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the pages of the section whose first page starts with `heading` (at most `most`
 * pages, else to the end) as `<name>-N.png`, removing older pages of that name.
 */
async function writeSection(pdf: Uint8Array, heading: string, name: string, most?: number) {
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
    // The section starts on a page of its own, headed `heading`, and runs to the end.
    let first = pages;
    while (first > 1 && !pageText(first).trimStart().startsWith(heading)) first--;
    if (first === 1) throw new Error(`the report has no ${heading} section`);
    const last = most === undefined ? pages : Math.min(pages, first + most - 1);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(first),
      '-l',
      String(last),
      file,
      join(dir, 'page'),
    ]);
    // A section that got shorter leaves no page of an older one behind.
    const older = new RegExp(`^${name}-\\d+\\.png$`);
    for (const old of readdirSync(out).filter((f) => older.test(f))) rmSync(join(out, old));
    const shots = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    for (const [i, shot] of shots.entries()) {
      const png = `${name}-${i + 1}.png`;
      renameSync(join(dir, shot), join(out, png));
      console.log(`docs/screenshots/${png}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
