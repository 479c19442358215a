import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMap } from '@procmap/test-kit';
import { example, expectError, q, send } from '../test-support/api';
import { letTimePass } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * Exports over the REST API of the real server process: the SVG, PDF, CSV and report of a map,
 * downloaded with its edit or view token, refused like GET /api/maps/<id> without one.
 */

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
if (!HAS_PDFTOTEXT)
  console.warn('pdftotext (poppler-utils) is not installed: skipping the PDF text checks');

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'procmap-api-export-'));
  try {
    writeFileSync(join(dir, 'x.pdf'), bytes);
    return execFileSync('pdftotext', ['-raw', join(dir, 'x.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('export API (real server process)', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  let id = '';
  let editToken = '';
  let viewToken = '';
  const title = 'Outpatient referral: "Łódź" / ward 5\r\nX-Evil: 1';

  beforeAll(async () => {
    server = await startServer();
    ({ id, editToken, viewToken } = await createMap(server, { ...example(), title }));
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  const download = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('export.svg with the view token → an SVG attachment named after the title, made safe', async () => {
    const { res, bytes } = await download(`/api/maps/${id}/export.svg${q(viewToken)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="Outpatient referral Lodz ward 5 X-Evil 1\.svg"; filename\*=UTF-8''/,
    );
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(res.headers.get('x-evil')).toBeNull();
    const svg = bytes.toString('utf8');
    expect(svg).toContain('Write referral letter');
    expect(svg).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('steps=… draws only those steps', async () => {
    const { res, bytes } = await download(
      `/api/maps/${id}/export.svg${q(viewToken)}&steps=triage&findings=0`,
    );
    expect(res.status).toBe(200);
    const svg = bytes.toString('utf8');
    expect(svg).not.toContain('Write referral letter');
    expect(svg.match(/<text /g)?.length).toBeLessThan(40);
  });

  it('export.pdf with the edit token → a PDF whose labels are text', async () => {
    const { res, bytes } = await download(
      `/api/maps/${id}/export.pdf${q(editToken)}&page=A3&landscape=1`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('.pdf"');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (HAS_PDFTOTEXT) expect(pdfText(bytes)).toContain('Write referral letter');
  });

  it('export.csv → the steps as CSV; table=findings → the findings', async () => {
    const steps = await download(`/api/maps/${id}/export.csv${q(viewToken)}`);
    expect(steps.res.status).toBe(200);
    expect(steps.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // A file for Excel: the UTF-8 byte-order mark, then the header.
    expect([...steps.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(steps.bytes.subarray(3).toString().split('\r\n')[0]).toMatch(/^id,role,kind,label,/);
    const findings = await download(`/api/maps/${id}/export.csv${q(viewToken)}&table=findings`);
    expect(findings.bytes.subarray(3).toString()).toMatch(/^rank,rule,waste,severity/);
    expect(findings.res.headers.get('content-disposition')).toContain('-findings.csv"');
  });

  it('report.pdf → the improvement report', async () => {
    const { res, bytes } = await download(`/api/maps/${id}/report.pdf${q(viewToken)}&tile=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('improvement report.pdf"');
    if (HAS_PDFTOTEXT) {
      const text = pdfText(bytes);
      expect(text).toContain('How the process performs');
      expect(text).toContain('Where time is lost');
    }
  });

  it.each(['export.svg', 'export.pdf', 'export.csv', 'report.pdf'])(
    '%s refuses like GET /api/maps/<id>',
    async (name) => {
      expectError(await send(server, 'GET', `/api/maps/${id}/${name}`), 401, 'token-required');
      expectError(
        await send(server, 'GET', `/api/maps/${id}/${name}?token=wrong`),
        403,
        'token-invalid',
      );
      expectError(
        await send(server, 'GET', `/api/maps/${'a'.repeat(16)}/${name}${q(viewToken)}`),
        404,
        'not-found',
      );
      const post = await send(server, 'POST', `/api/maps/${id}/${name}${q(editToken)}`);
      expectError(post, 405, 'method-not-allowed');
      expect(post.headers.allow).toBe('GET');
    },
  );

  it('export.pdf is readable by default (tiled if needed); fit=1 gives one page', async () => {
    if (!HAS_PDFTOTEXT) return;
    const pages = (bytes: Buffer) => {
      const dir = mkdtempSync(join(tmpdir(), 'procmap-api-pages-'));
      try {
        writeFileSync(join(dir, 'x.pdf'), bytes);
        const info = execFileSync('pdfinfo', [join(dir, 'x.pdf')], { encoding: 'utf8' });
        return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const readable = await download(`/api/maps/${id}/export.pdf${q(viewToken)}`);
    const fitted = await download(`/api/maps/${id}/export.pdf${q(viewToken)}&fit=1`);
    expect(readable.res.status).toBe(200);
    expect(pages(readable.bytes)).toBeGreaterThan(1);
    expect(pages(fitted.bytes)).toBe(1);
    expectError(
      await send(server, 'GET', `/api/maps/${id}/export.pdf${q(viewToken)}&fit=1&tile=1`),
      400,
      'bad-page',
    );
  });

  it('bad options → 400 naming them; unknown export names → 404', async () => {
    expectError(
      await send(server, 'GET', `/api/maps/${id}/export.pdf${q(viewToken)}&page=A9`),
      400,
      'bad-page',
    );
    expectError(
      await send(server, 'GET', `/api/maps/${id}/export.csv${q(viewToken)}&table=x`),
      400,
      'bad-table',
    );
    expectError(
      await send(server, 'GET', `/api/maps/${id}/export.png${q(viewToken)}`),
      404,
      'not-found',
    );
  });
  it('a big report renders off the main thread: the server keeps answering while it is drawn', async () => {
    const big = await createMap(server, generateMap({ steps: 300, seed: 7 }));
    const started = performance.now();
    let drawn = false;
    const report = fetch(`${server.url}/api/maps/${big.id}/report.pdf${q(big.viewToken)}`).then(
      async (res) => {
        drawn = true;
        return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
      },
    );
    // Health checks one after another while the report is drawn: their longest wait.
    let longest = 0;
    let checks = 0;
    while (!drawn) {
      const sent = performance.now();
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      longest = Math.max(longest, performance.now() - sent);
      checks++;
      await letTimePass(5, 'health checks at a steady pace while the report is drawn');
    }
    const drawMs = performance.now() - started;
    const done = await report;
    expect(done.status).toBe(200);
    expect(done.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    console.log(
      `report drawn in ${drawMs.toFixed(0)} ms; ${checks} health checks, longest ${longest.toFixed(0)} ms`,
    );
    // Drawn on the main thread, some check would wait for a large share of the drawing.
    expect(checks).toBeGreaterThan(5);
    expect(longest).toBeLessThan(drawMs / 4);
  });
});
