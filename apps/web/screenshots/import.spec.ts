import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// Writes the Import screenshots under docs/screenshots: `npm run screenshots`.
const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, 'docs', 'screenshots');

const SHEET = [
  'Step,Owner,Minutes,Wait (h),Remarks',
  'Receive referral,Referral clerk,5,1,by post or e-mail',
  'Key referral into PAS,Referral clerk,10,4,',
  'Triage referral,Triage nurse,15,x,urgent ones first',
  ',Triage nurse,5,,',
  'Book clinic,Referral clerk,3,24,',
].join('\n');

test('screenshots of Import: a BPMN file reviewed, a spreadsheet previewed, a file dragged over', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await (await chooser).setFiles(
    join(root, 'packages', 'interop', 'fixtures', 'bpmn', 'miwg-C.1.0.bpmn'),
  );
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-notes')).toBeVisible();
  await page.screenshot({ path: join(dir, 'import-bpmn-review.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('import-input').setInputFiles({
    name: 'referrals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET),
  });
  await dialog.getByLabel('Read “Minutes” as').selectOption({ label: 'Process time' });
  await expect(dialog.getByTestId('import-column-status')).toContainText('Process time');
  await page.screenshot({ path: join(dir, 'import-csv-preview.png') });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: join(dir, 'import-csv-preview-320.png') });
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1440, height: 900 });
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Step\nOne'], 'steps.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.screenshot({ path: join(dir, 'import-drop.png') });
});
