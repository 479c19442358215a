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

Options:
  -h, --help        Show this help; "procmap <command> --help" shows a command's help
  --version         Print the version

Examples:
  procmap validate referral.procmap.json
  procmap validate referral.procmap.json --json
  procmap analyze referral.procmap.json
  procmap analyze referral.procmap.json --json
`;
}

/** `procmap analyze --help`: usage, output and exit codes. */
export function analyzeHelp(): string {
  return `Analyse a map for waste: the metrics of one case (lead time, process and wait time,
efficiency, handoffs, cost, takt time, utilisation, bottleneck) and the findings (long waits,
bottlenecks, handoffs, rework loops, duplicate data entry...), most time at stake first.
The method is in docs/analysis.md; thresholds can be set in the map's settings.analysis.

Usage:
  procmap analyze <file> [--json]

Options:
  --json        Print { metrics, findings } as JSON on stdout (for scripts and CI)
  -h, --help    Show this help

Exit codes:
  0   analysed (findings do not change the exit code)
  1   not a valid map: every problem is listed, as by "procmap validate"
  2   the file is missing, empty, unreadable or not JSON, or the command was misused

Examples:
  procmap analyze referral.procmap.json
  procmap analyze referral.procmap.json --json
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
