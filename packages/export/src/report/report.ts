import type { PDFPage } from 'pdf-lib';
import {
  type AnalysisResult,
  describeBottleneck,
  type Finding,
  type FormatSettings,
  formatMetric,
  formatMinutes,
  formatNumber,
  formatShare,
  METRIC_DESCRIPTORS,
  type Metrics,
} from '@procmap/analysis';
import { type Comment, indexMap, type ProcessMap, resolveSettings } from '@procmap/model';
import { buildScene } from '../build-scene';
import { type PageOptions, paginate } from '../paginate';
import { drawMapPage } from '../pdf';
import { type ExportFonts, drawItems, openPdf } from '../pdf-writer';
import { DANGER, IDEA, INK_MUTED, LINE, OK, PAIN, SEVERITY_COLOR } from '../theme';
import { cleanText } from '../text';
import { PageFlow } from './page-flow';
import { executiveSummary } from './summary';
import { commentVotes } from './votes';

/*
 * The improvement report: for a stakeholder who was not in the workshop. Plain-English
 * headings, every number with a line saying what it means, findings most time at stake first.
 */

export interface ReportOptions extends PageOptions {
  /** Printed on the title page as given (e.g. "29 November 2026"). */
  readonly date?: string;
  /** Findings listed in full (the rest are counted); default 40. */
  readonly maxFindings?: number;
  /**
   * Most pages of map tiles the report holds when the one-page map is too small to read;
   * default 30. A bigger map is left to the tiled map PDF, and the report says so.
   */
  readonly maxTilePages?: number;
}

/** Step labels are 14 units high on the map; under 5 pt in print they cannot be read. */
const MAP_LABEL_SIZE = 14;
const MIN_READABLE_PT = 5;
const MAX_TILE_PAGES = 30;

const pct = (x: number | null) => (x === null ? 'n/a' : formatShare(x));

/** Builds the improvement report PDF: title page, map, metrics, findings, comments, workload. */
export async function buildReport(
  map: ProcessMap,
  analysis: AnalysisResult,
  fonts: ExportFonts,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const title = cleanText(map.title) || 'Untitled map';
  const writer = await openPdf(fonts, `Improvement report: ${title}`);
  const settings = resolveSettings(map);
  const time = (m: number) => formatMinutes(m, settings.hoursPerDay);
  const formats: FormatSettings =
    typeof settings.currency === 'string'
      ? { hoursPerDay: settings.hoursPerDay, currency: settings.currency }
      : { hoursPerDay: settings.hoursPerDay };
  const index = indexMap(map);
  const stepName = (id: string) => {
    const step = index.step(id as never);
    if (!step) return id;
    const role = index.role(step.roleId)?.name;
    return `“${cleanText(step.label) || '(no label)'}”${role ? ` (${cleanText(role)})` : ''}`;
  };
  const m = analysis.metrics;
  const flow = new PageFlow(writer, options);

  // Title page.
  flow.newPage();
  flow.y = 150;
  flow.text('Improvement report', { size: 14, color: INK_MUTED, after: 6 });
  flow.text(title, { size: 28, weight: 'bold', after: 10 });
  if (map.description) flow.text(map.description, { size: 12, color: INK_MUTED, after: 8 });
  if (options.date) flow.text(options.date, { size: 11, color: INK_MUTED, after: 18 });
  flow.text(
    `${map.steps.length} steps in ${map.roles.length} roles, ${map.flows.length} flows, ${(map.comments ?? []).length} comments.`,
    { size: 11, after: 20 },
  );
  // The executive summary: the largest gains, what the room voted for, what is still open.
  const summary = executiveSummary(map, analysis);
  flow.heading('Executive summary', 2, 40);
  flow.text(summary.headline, { after: 8 });
  if (summary.gains.length > 0) {
    flow.text('The largest gains', { weight: 'bold', after: 3 });
    summary.gains.forEach((g, i) => {
      flow.text(`${i + 1}. ${g}`, { indent: 10, after: 4 });
    });
    flow.y += 4;
  }
  flow.text('What the room voted for', { weight: 'bold', after: 3 });
  if (summary.voted.length === 0) {
    flow.text('No votes were placed on pain points or ideas.', { indent: 10, color: INK_MUTED });
  }
  for (const v of summary.voted) flow.text(`• ${v}`, { indent: 10, after: 3 });
  flow.y += 4;
  flow.text('Questions still open', { weight: 'bold', after: 3 });
  if (summary.questions.length === 0) {
    flow.text('None: every question raised on the map was resolved.', {
      indent: 10,
      color: INK_MUTED,
    });
  }
  for (const q of summary.questions) flow.text(`• ${q}`, { indent: 10, after: 3 });
  if (summary.moreQuestions > 0) {
    flow.text(`…and ${summary.moreQuestions} more on the map.`, { indent: 10, color: INK_MUTED });
  }
  flow.y += 16;
  // The map: first the whole of it on one page; then, when asked or when that is too small to
  // read (labels under 5 pt), the map again in tiles at a readable size — unless that takes
  // more pages than a report should hold, when the reader is pointed to the tiled map PDF.
  const scene = buildScene(map, { analysis, ...(options.date ? { date: options.date } : {}) });
  // A map is nearly always wider than tall: its pages turn to landscape whatever the text does.
  const landscape = options.landscape === true || scene.width > scene.height;
  const [overview] = paginate(scene, { ...options, landscape, mode: 'fit' });
  const unreadable = (overview?.scale ?? 1) * MAP_LABEL_SIZE < MIN_READABLE_PT;
  const tiles =
    options.mode === 'tile' || unreadable
      ? paginate(scene, { ...options, landscape, mode: 'tile' })
      : [];
  const tooMany =
    options.mode !== 'tile' && tiles.length > (options.maxTilePages ?? MAX_TILE_PAGES);
  const mapPages =
    tiles.length === 0
      ? 'The map page shows the whole process.'
      : tooMany
        ? `The map page shows the whole process, too small to read every label: at a readable size the map takes ${tiles.length} pages, too many for this report. The map PDF (Export, then PDF at “Readable size”) prints it in full.`
        : 'The first map page shows the whole process; as it is too small to read, the pages after it show the map in pieces, each labelled with its row and column.';

  flow.heading('How to read this report', 2);
  flow.text(
    'The map shows each role as a lane and each step of the work as a box, in the order a case goes through them. ' +
      'Dashed blue lines are handoffs between roles. Numbered badges mark steps that findings concern; red and green dots are the team’s pain points and ideas. ' +
      `${mapPages} ` +
      'The sections after the map give the numbers, what each one means, and where time is lost, largest first.',
    { color: INK_MUTED },
  );

  if (overview) drawMapPage(writer, scene, overview);
  // A tile names the pages it joins where a text page has its footer title: a map page's
  // footer carries only the page number (the map's title heads the page).
  const tilePages = new Set<PDFPage>();
  if (!tooMany) for (const page of tiles) tilePages.add(drawMapPage(writer, scene, page));

  // The numbers.
  flow.newPage();
  flow.heading('How the process performs');
  flow.text(
    'Figures are per case (one patient, one request), from the times the team gave on the map.',
    { color: INK_MUTED, after: 10 },
  );
  for (const [name, value, meaning] of metricRows(m, time, formats)) {
    flow.ensure(44);
    flow.items(
      [
        {
          type: 'text',
          x: 0,
          y: 11,
          text: name,
          size: 11,
          weight: 'bold',
          fill: '#1d2733',
          anchor: 'start',
        },
        {
          type: 'text',
          x: flow.column,
          y: 11,
          text: value,
          size: 11,
          weight: 'bold',
          fill: '#1d2733',
          anchor: 'end',
        },
      ],
      16,
    );
    flow.text(meaning, { size: 9.5, color: INK_MUTED, after: 8 });
  }

  // Findings.
  flow.heading('Where time is lost');
  flow.text(
    'Improvement points found on the map, largest gain first: the time one case would save if that waste were removed. Where two points name the same time (a long wait that is also a bottleneck’s queue), the later one says how much of its gain is new. Each names the kind of waste and the steps concerned.',
    {
      color: INK_MUTED,
      after: 10,
    },
  );
  const max = options.maxFindings ?? 40;
  analysis.findings.slice(0, max).forEach((f, i) => {
    findingBlock(flow, f, i + 1, time, stepName);
  });
  if (analysis.findings.length > max) {
    flow.text(`…and ${analysis.findings.length - max} more (all of them are in the CSV export).`, {
      color: INK_MUTED,
    });
  }
  if (analysis.findings.length === 0)
    flow.text('No findings: the map shows no waste the rules look for.');

  // Comments.
  flow.heading('What the team said');
  const said = (map.comments ?? [])
    .map((c, order) => ({ c, order, votes: commentVotes(c) }))
    .filter(({ c }) => c.kind === 'pain-point' || c.kind === 'idea')
    .sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.order - b.order);
  if (said.length === 0)
    flow.text('No pain points or ideas were recorded on this map.', { color: INK_MUTED });
  for (const kind of ['pain-point', 'idea'] as const) {
    const list = said.filter((s) => s.c.kind === kind);
    if (list.length === 0) continue;
    flow.heading(kind === 'pain-point' ? 'Pain points' : 'Ideas', 2);
    for (const { c, votes } of list) commentBlock(flow, c, votes, stepName, index);
  }

  // Workload.
  flow.heading('Workload by role');
  flow.text(
    'Work per case is the hands-on time each role spends on one case. Utilisation compares the work that demand brings with the time the role’s people have: at 100% or more the role cannot keep up and its queue grows.',
    { color: INK_MUTED, after: 10 },
  );
  const c = flow.column;
  flow.table(
    [
      { title: 'Role', x: 0, w: c * 0.3 },
      { title: 'People', x: c * 0.3, w: c * 0.1, align: 'end' },
      { title: 'Work per case', x: c * 0.42, w: c * 0.16, align: 'end' },
      { title: 'Utilisation', x: c * 0.6, w: c * 0.13, align: 'end' },
      { title: 'What it means', x: c * 0.76, w: c * 0.24 },
    ],
    m.roles.map((r) => {
      const role = index.role(r.roleId);
      return [
        cleanText(r.name),
        role?.headcount !== undefined ? String(role.headcount) : '—',
        time(r.workPerCase),
        pct(r.utilisation),
        workloadMeaning(r.utilisation, r.queueGrowthPerPeriod, settings.demand?.per),
      ];
    }),
  );
  if (m.roles.every((r) => r.utilisation === null)) {
    flow.text(
      'Utilisation needs the demand (cases per period) in the map settings and each role’s headcount.',
      { color: INK_MUTED },
    );
  }

  // Footers, now that the page count is known.
  const pages = writer.doc.getPages();
  pages.forEach((page, i) => {
    if (i === 0) return;
    drawItems(
      writer,
      page,
      [
        { type: 'path', d: `M0 0H${page.getWidth() - 2 * 28}`, stroke: LINE, strokeWidth: 0.5 },
        {
          type: 'text',
          x: 0,
          y: 12,
          text: tilePages.has(page) ? '' : `Improvement report · ${title}`,
          size: 8,
          weight: 'normal',
          fill: INK_MUTED,
          anchor: 'start',
        },
        {
          type: 'text',
          x: page.getWidth() - 2 * 28,
          y: 12,
          text: `${i + 1} / ${pages.length}`,
          size: 8,
          weight: 'normal',
          fill: INK_MUTED,
          anchor: 'end',
        },
      ],
      { left: 28, top: page.getHeight() - 24, scale: 1, offsetX: 0, offsetY: 0 },
    );
  });

  return writer.doc.save({ useObjectStreams: true });
}

/** The headline figures, named and written as in the editor and the command line. */
function metricRows(
  m: Metrics,
  time: (n: number) => string,
  formats: FormatSettings,
): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const d of METRIC_DESCRIPTORS) {
    const value = formatMetric(m, d.key, formats);
    // A map without costs has no cost line at all: nothing to say about it to this reader.
    if (d.key === 'costPerCase' && value === null) continue;
    if (d.key === 'casesInProgress' && value === null) continue;
    rows.push([d.label, value ?? `n/a (${d.missing})`, d.meaning]);
  }
  if (m.bottleneck) {
    rows.push([
      'Bottleneck',
      cleanText(describeBottleneck(m.bottleneck)),
      m.bottleneck.basis === 'utilisation'
        ? 'The role whose people are busiest relative to demand, and the step that takes most of their time: it sets the pace of the whole process.'
        : 'The step with the longest work and wait: without demand figures, the likeliest place cases pile up.',
    ]);
  }
  if (m.longestWait) {
    rows.push([
      'Longest wait',
      `${cleanText(m.longestWait.label)}, ${time(m.longestWait.waitTime)}`,
      'The single wait that costs each case the most time.',
    ]);
  }
  return rows;
}

const WASTE_NAMES: Readonly<Record<string, string>> = {
  transport: 'Transport (moving work between people)',
  inventory: 'Inventory (work piling up)',
  motion: 'Motion',
  waiting: 'Waiting',
  overproduction: 'Overproduction',
  overprocessing: 'Over-processing (doing more than needed)',
  defects: 'Defects (rework and errors)',
  skills: 'Unused skills',
};

function findingBlock(
  flow: PageFlow,
  f: Finding,
  n: number,
  time: (m: number) => string,
  stepName: (id: string) => string,
) {
  flow.ensure(60);
  const color = SEVERITY_COLOR[f.severity];
  const kind = f.waste
    ? (WASTE_NAMES[f.waste] ?? f.waste)
    : f.rule === 'non-value-adding'
      ? 'Work that adds no value'
      : 'Gap in the map';
  const head = `${n}. ${kind}`;
  const overlap =
    f.uniqueTimeAtStake < f.timeAtStake
      ? f.uniqueTimeAtStake > 0
        ? ` (${time(f.uniqueTimeAtStake)} new)`
        : ' (counted above)'
      : '';
  const stake = f.timeAtStake > 0 ? `${time(f.timeAtStake)} a case at stake${overlap}` : '';
  flow.items(
    [
      { type: 'rect', x: 0, y: 2, w: 4, h: 13, fill: color },
      {
        type: 'text',
        x: 10,
        y: 12,
        text: head,
        size: 11,
        weight: 'bold',
        fill: '#1d2733',
        anchor: 'start',
      },
      {
        type: 'text',
        x: flow.column,
        y: 12,
        text: `${f.severity}${stake ? ` · ${stake}` : ''}`,
        size: 9.5,
        weight: 'bold',
        fill: color,
        anchor: 'end',
      },
    ],
    17,
  );
  flow.text(f.message, { indent: 10, size: 10, after: 2 });
  if (f.stepIds.length > 0) {
    const names = f.stepIds.slice(0, 12).map(stepName).join(', ');
    const more = f.stepIds.length > 12 ? ` and ${f.stepIds.length - 12} more` : '';
    flow.text(`Steps: ${names}${more}`, { indent: 10, size: 9, color: INK_MUTED, after: 10 });
  } else flow.y += 8;
}

function commentBlock(
  flow: PageFlow,
  c: Comment,
  votes: number | undefined,
  stepName: (id: string) => string,
  index: ReturnType<typeof indexMap>,
) {
  flow.ensure(40);
  const color = c.kind === 'pain-point' ? PAIN : IDEA;
  const target =
    typeof c.targetId !== 'string'
      ? 'the whole map'
      : index.step(c.targetId as never)
        ? stepName(c.targetId)
        : index.flow(c.targetId as never)
          ? 'a flow'
          : 'a removed item';
  const voteText =
    votes === undefined ? 'no votes recorded' : votes === 1 ? '1 vote' : `${votes} votes`;
  flow.items(
    [
      { type: 'rect', x: 0, y: 3, w: 10, h: 10, rx: 5, fill: color },
      {
        type: 'text',
        x: 16,
        y: 12,
        text: `${voteText} · on ${target}${c.resolved ? ' · resolved' : ''}`,
        size: 9,
        weight: 'bold',
        fill: votes ? (c.kind === 'pain-point' ? DANGER : OK) : INK_MUTED,
        anchor: 'start',
      },
    ],
    16,
  );
  flow.text(c.text, { indent: 16, size: 10.5, after: 1 });
  flow.text(
    `— ${c.author}${c.waste ? ` · waste: ${c.waste}` : ''}${c.replies?.length ? ` · ${c.replies.length} repl${c.replies.length === 1 ? 'y' : 'ies'}` : ''}`,
    {
      indent: 16,
      size: 9,
      color: INK_MUTED,
      after: 10,
    },
  );
}

function workloadMeaning(
  utilisation: number | null,
  growth: number | null,
  per: string | undefined,
): string {
  if (utilisation === null) return 'Not known (needs demand and headcount)';
  if (utilisation >= 1) {
    const g =
      growth === null
        ? ''
        : `: about ${formatNumber(growth)} more cases waiting each ${per ?? 'period'}`;
    return `Cannot keep up${g}`;
  }
  if (utilisation >= 0.85) return 'Near its limit: queues build at busy times';
  return 'Has room';
}
