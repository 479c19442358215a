import { MAX_IMPORT_BYTES } from '@procmap/interop';
import { SIMULATION_DEFAULTS } from '@procmap/simulation';
import { EXIT, type ExitCode } from './exit-codes';
import { type Io, printable } from './output';
import { mebibytes } from './read-import-file';

/*
 * Help texts. List only commands that exist: help is the contract users read first.
 */

/** `procmap --help`: what the tool is, its commands and examples. */
export function mainHelp(version: string): string {
  return `procmap ${version} — check and analyse process-map files (*.procmap.json)

Usage:
  procmap <command> [options]

Commands:
  validate <file>   Check a map file against the procmap format and list every problem
  analyze <file>    Waste analysis: lead time, efficiency, bottleneck and findings
                    ("analyse" works too)
  simulate <file>   Run cases through the map: lead times and their spread, queues, who is
                    overloaded
  compare <file>    The as-is and its scenarios (to-be designs) side by side: each metric
                    with its change, better or worse, and what each scenario changes
  export <file>     The map as SVG, PDF, PNG, CSV or BPMN 2.0, or the improvement report (PDF)
  import <file>     A BPMN 2.0 file, a spreadsheet of steps (CSV) or a draw.io diagram as a
                    map file; what could not be carried over exactly is listed on stderr

analyze, simulate and export take --scenario ID to read one of the map's scenarios instead of
the as-is.

Options:
  -h, --help        Show this help; "procmap <command> --help" shows a command's help
  --version         Print the version

Examples:
  procmap validate referral.procmap.json
  procmap validate referral.procmap.json --json
  procmap analyze referral.procmap.json
  procmap analyze referral.procmap.json --json
  procmap simulate referral.procmap.json --cases 5000 --seed 7
  procmap compare referral.procmap.json --simulate
  procmap analyze referral.procmap.json --scenario to-be-online
  procmap export referral.procmap.json --format pdf --page A3 --landscape
  procmap export referral.procmap.json --format report -o referral-report.pdf
  procmap import referral.bpmn -o referral.procmap.json
`;
}

/** `procmap export --help`: formats, options and exit codes. */
export function exportHelp(): string {
  return `Export a map for people who do not use the editor: a picture of the swimlanes (SVG, PDF,
PNG), the steps or findings as a spreadsheet (CSV), the improvement report (PDF: title page,
the map, the metrics and what they mean, findings most time at stake first, the team's pain
points and ideas with their votes, and the workload of each role), or the process as BPMN 2.0
with its diagram, for other modelling tools. Details: docs/export.md and
docs/interop/bpmn-export.md.

Usage:
  procmap export <file> [--format svg|pdf|png|csv|report|bpmn] [-o out] [options]

Options:
  -f, --format F    svg (default), pdf, png, csv, report or bpmn
  -o, --output F    Where to write ("-" for stdout); default: the current directory, named
                    after the map file, e.g. referral.svg, referral.pdf, referral-report.pdf
  --page P          Page size for pdf and report: A4 (default), A3 or Letter
  --landscape       Landscape pages (the report's map pages; its text stays portrait)
                    Without --fit or --tile (default): one page if every name prints at 8 pt
                    or more there, else tiles at that size, each labelled "Page 2 of 6 — row
                    1, column 2", lane names repeated on each
  --fit             The whole map on one page, however small
  --tile            Compact tiles: fewer pages, smaller text
  --table T         For csv: steps (default; each step with its time per case) or findings
  --no-findings     No finding badges on the map
  --no-comments     No comment markers on the map
  --date D          The date printed in the title block (default: today)
  --steps IDS       Only these steps (comma-separated ids), their lanes and the flows
                    between them (svg, pdf, png; an id the map lacks exits 2)
  --scenario ID     Draw that scenario's process (svg, pdf, png, csv, bpmn; the default name gets
                    its id: referral-ID.svg); for report, the case study of that scenario
                    against the as-is. "as-is" is the map's own process
  -h, --help        Show this help

PNG is drawn by a headless Chromium (Debian's "chromium", or $PROCMAP_CHROMIUM); without one,
the command exits 2 and says so.

Exit codes:
  0   written
  1   not a valid map: every problem is listed, as by "procmap validate"
  2   the file is missing, empty, unreadable or not JSON; the output cannot be written; PNG
      without Chromium; or the command was misused (an unknown --scenario too)

Examples:
  procmap export referral.procmap.json
  procmap export referral.procmap.json --scenario to-be-online --format pdf
  procmap export referral.procmap.json --format pdf --page A3 --landscape --tile
  procmap export referral.procmap.json --format csv --table findings -o findings.csv
  procmap export referral.procmap.json --format report
  procmap export referral.procmap.json --format bpmn -o referral.bpmn
`;
}

/** `procmap import --help`: formats, output, the report of what was approximated, exit codes. */
export function importHelp(): string {
  return `Import another tool's process as a procmap map file: a BPMN 2.0 file with its diagram
(.bpmn), a spreadsheet with one step a row (.csv) or a draw.io diagram (.drawio, .xml). Pools
and lanes become roles, tasks and events become steps; what cannot be carried over exactly is
counted on stderr ("procmap import: 3 message flows between pools kept as notes"), never mixed
into the map. Details: docs/interop/bpmn-import.md, docs/interop/csv.md, docs/interop/drawio.md.

Usage:
  procmap import <file> [-o out] [--format bpmn|csv|drawio] [--json]

Options:
  -o, --output F    Where to write the map file ("-" for stdout, the default)
  -f, --format F    bpmn, csv or drawio; default: by the file's extension, or its content
                    (a .xml file is BPMN or draw.io by what it holds)
  --json            Print { "map": …, "notes": [ { code, count, message } ] } on stdout
                    instead of the map (with -o, the file gets the map and stdout the notes);
                    a refusal is { "file", "imported": false, "error": { code, message, line,
                    column } }
  -h, --help        Show this help

Files over ${mebibytes(MAX_IMPORT_BYTES)}, and XML with a document type or entity declarations, are refused
before they are read. A refusal is one line on stderr, "procmap import: FILE:LINE:COLUMN: why",
and nothing is written.

Exit codes:
  0   imported (what was approximated does not change the exit code)
  1   refused: not a file procmap can import (malformed, unsafe, not recognised, too large,
      or nothing to make a map of)
  2   the file is missing or unreadable; the output cannot be written; or
      the command was misused

Examples:
  procmap import referral.bpmn -o referral.procmap.json
  procmap import steps.csv > steps.procmap.json
  procmap import diagram.xml --format drawio --json
`;
}

/** `procmap analyze --help`: usage, output and exit codes. */
export function analyzeHelp(): string {
  return `Analyse a map for waste: the metrics of one case (lead time, process and wait time,
efficiency, handoffs, cost, takt time, utilisation, bottleneck) and the findings (long waits,
bottlenecks, handoffs, rework loops, duplicate data entry...), most time at stake first.
The method is in docs/analysis.md; thresholds can be set in the map's settings.analysis.

Usage:
  procmap analyze <file> [--json] [--scenario ID]
  procmap analyse <file> [--json] [--scenario ID]   (the same command)

Options:
  --json          Print { metrics, findings, annotations } as JSON on stdout (for scripts and CI)
  --scenario ID   Analyse that scenario of the map instead of the as-is ("as-is" is the map's
                  own process)
  -h, --help      Show this help

Exit codes:
  0   analysed (findings do not change the exit code)
  1   not a valid map: every problem is listed, as by "procmap validate"
  2   the file is missing, empty, unreadable or not JSON, or the command was misused (an
      unknown scenario too: the message names those the map has)

Examples:
  procmap analyze referral.procmap.json
  procmap analyze referral.procmap.json --json
  procmap analyze referral.procmap.json --scenario to-be-online
`;
}

/** `procmap simulate --help`: usage, what a run reports, and exit codes. */
export function simulateHelp(): string {
  const d = SIMULATION_DEFAULTS;
  return `Simulate cases flowing through a map: arrivals from its demand, a queue for the people of
each role (its headcount), step times that vary as the map says, decisions by probability,
rework and parallel branches. It reports what averages hide: the spread of lead times (mean
with its 95% confidence interval, p50, p90, p95, longest), throughput, work in progress, how
busy each role is and how long cases wait for it, the steps where cases queue longest, and
warnings such as a role that cannot keep up. The same seed gives the same numbers.
The model and how to read it are in docs/simulation.md.

Usage:
  procmap simulate <file> [--json] [--scenario ID] [--cases N] [--replications R] [--seed S]
                   [--warmup W]

Options:
  --cases N          Cases measured in each replication (1 to 10,000,000)
  --replications R   Independent runs, for the confidence interval (1 to 1,000)
  --warmup W         Cases before them in each replication, while the queues fill, left out
                     of the figures (0 to 10,000,000)
  --seed S           The random seed, any whole number: the same seed, the same numbers
  --json             Print the run's result as JSON on stdout (for scripts and CI)
  --scenario ID      Simulate that scenario of the map instead of the as-is, with its own
                     settings ("as-is" is the map's own process)
  -h, --help         Show this help

Each flag overrides the same field of the map's settings.simulation; where neither gives a
value, a run is ${d.cases} cases, ${d.replications} replications and seed ${d.seed}, with a warm-up chosen
for the map: at least ${d.warmup} cases, and enough for a case to get through twice.

Exit codes:
  0   simulated (warnings such as an overloaded role do not change the exit code)
  1   not a valid map (every problem is listed, as by "procmap validate"), or a map that
      cannot be simulated: each problem says what to add or fix (a start, demand...)
  2   the file is missing, empty, unreadable or not JSON, or the command was misused
      (an unknown option or scenario, or a flag that is not a whole number in range)

Examples:
  procmap simulate referral.procmap.json
  procmap simulate referral.procmap.json --scenario to-be-online --seed 7
  procmap simulate referral.procmap.json --cases 5000 --replications 5 --seed 7
  procmap simulate referral.procmap.json --json
`;
}

/** `procmap compare --help`: usage, what it prints, and exit codes. */
export function compareHelp(): string {
  return `Compare the as-is with its scenarios (the to-be designs in the map's "scenarios"): every
metric of each process with its change from the as-is and whether that is better or worse,
each role's utilisation, the staff cost per case, what each scenario changes (steps added,
removed, moved to another lane, changed and how) and the room's ideas it puts into practice.
With --simulate, every process is also simulated under the same seed, so a difference between
them is the process's, not chance's. Details: docs/scenarios.md.

Usage:
  procmap compare <file> [--json] [--scenarios a,b] [--simulate] [--cases N]
                  [--replications R] [--seed S] [--warmup W]

Options:
  --scenarios IDS    Only these scenarios (comma-separated ids), in this order; the as-is always
                     comes first. Default: every scenario of the map
  --simulate         Simulate each process as "procmap simulate" does, under the as-is's seed
                     (or --seed); each keeps its own cases and replications unless a flag sets
                     them
  --cases N, --replications R, --warmup W, --seed S
                     As for "procmap simulate", for every process (only with --simulate)
  --json             Print { scenarios: [...] } as JSON on stdout: for each process its id,
                     name, the "procmap analyze --json" answer as "metrics", its "changes" from
                     the as-is by id and, with --simulate, its "simulation"
  -h, --help         Show this help

Exit codes:
  0   compared (a process that cannot be simulated says why in its place)
  1   not a valid map: every problem is listed, as by "procmap validate"
  2   the file is missing, empty, unreadable or not JSON, or the command was misused (an
      unknown option or scenario: the message names the scenarios the map has)

Examples:
  procmap compare referral.procmap.json
  procmap compare referral.procmap.json --scenarios to-be-online --json
  procmap compare referral.procmap.json --simulate --seed 7
`;
}

/** `procmap validate --help`: usage, output and exit codes. */
export function validateHelp(): string {
  return `Check a map file against the procmap format and list every problem with its JSON path.

Usage:
  procmap validate <file> [--json]

Options:
  --json        Print the result as JSON on stdout (for scripts and CI)
  -h, --help    Show this help

Exit codes:
  0   valid (warnings may be listed)
  1   not a valid map: every problem is listed
  2   the file is missing, empty, unreadable or not JSON, or the command was misused

Examples:
  procmap validate referral.procmap.json
  procmap validate referral.procmap.json --json
`;
}

/** The hint printed after a usage error. */
export function helpHint(command?: string): string {
  return `Run "procmap ${command ? `${command} ` : ''}--help" for usage.`;
}

/** A misused command: what was wrong, and where its usage is; exit code 2. */
export function usageError(io: Io, command: string, message: string): ExitCode {
  io.stderr(`procmap ${command}: ${printable(message)}\n${helpHint(command)}\n`);
  return EXIT.usage;
}
