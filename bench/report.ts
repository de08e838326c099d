// Turns the benchmark's raw measurements into the figures it reports: the
// median of the rounds for each cell, ratios to the echo component taken
// round by round, the targets, a table on stdout and a JSON file.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";

import { percentile, type Measurement } from "./load";

export const TARGETS = ["credit", "dashboard"] as const;
export type Target = (typeof TARGETS)[number];

/**
 * Per telco request: its measurements and those of the echo component
 * answering replies of the same size; per round, one per in-flight level.
 */
export type Cells = Record<
  Target,
  { telco: Measurement[][]; echo: Measurement[][] }
>;

export interface ColdResult {
  samples: number;
  delayMs: number;
  p50Ms: number;
  p99Ms: number;
  p50OverDelay: number;
}

export interface Settings {
  rounds: number;
  secondsPerCell: number;
  inFlight: number[];
  backendDelayMs: number;
  resultsDir: string;
}

const GOALS = { credit: 0.7, dashboard: 0.5, coldOverDelay: 1.5 };

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

type Figures = Pick<
  Measurement,
  "perSecond" | "p50Ms" | "p99Ms" | "replyBytes"
>;

function figures(rounds: Measurement[][], level: number): Figures {
  const of = (key: keyof Figures) =>
    median(rounds.map((round) => round[level][key]));
  return {
    perSecond: of("perSecond"),
    p50Ms: of("p50Ms"),
    p99Ms: of("p99Ms"),
    replyBytes: of("replyBytes"),
  };
}

/** Taken round by round: each telco run and its echo run minutes apart at most. */
function ratio(telco: Measurement[][], echo: Measurement[][], level: number) {
  return median(
    telco.map((round, r) => round[level].perSecond / echo[r][level].perSecond),
  );
}

function summarize(cells: Cells, levels: number[]) {
  return levels.map((inFlight, level) => {
    const row = (target: Target) => ({
      telco: figures(cells[target].telco, level),
      echo: figures(cells[target].echo, level),
      ratioToEcho: ratio(cells[target].telco, cells[target].echo, level),
    });
    return {
      inFlight,
      credit: row("credit"),
      dashboard: {
        ...row("dashboard"),
        // The same dashboards against the echo of credit-sized replies.
        ratioToSmallEcho: ratio(
          cells.dashboard.telco,
          cells.credit.echo,
          level,
        ),
      },
    };
  });
}

export function report(
  cells: Cells,
  cold: ColdResult,
  settings: Settings,
): void {
  const rows = summarize(cells, settings.inFlight);
  const last = rows[rows.length - 1];
  const targets = {
    warmCredit: {
      inFlight: last.inFlight,
      ratio: last.credit.ratioToEcho,
      atLeast: GOALS.credit,
    },
    warmDashboard: {
      inFlight: last.inFlight,
      ratio: last.dashboard.ratioToEcho,
      atLeast: GOALS.dashboard,
    },
    coldDashboardP50: {
      overDelay: cold.p50OverDelay,
      atMost: GOALS.coldOverDelay,
    },
  };

  printTable(rows, settings);
  console.log(
    `\ncold dashboard, ${cold.samples} requests one at a time, backend delay ${cold.delayMs} ms per sub-query: ` +
      `p50 ${cold.p50Ms.toFixed(1)} ms = ${cold.p50OverDelay.toFixed(2)} x the delay, p99 ${cold.p99Ms.toFixed(1)} ms`,
  );
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log(
    `\ntargets at ${last.inFlight} in flight: warm credit >= ${GOALS.credit} x echo: ${verdict(targets.warmCredit.ratio >= GOALS.credit)}; ` +
      `warm dashboard >= ${GOALS.dashboard} x echo: ${verdict(targets.warmDashboard.ratio >= GOALS.dashboard)}; ` +
      `cold dashboard p50 <= ${GOALS.coldOverDelay} x delay: ${verdict(cold.p50OverDelay <= GOALS.coldOverDelay)}`,
  );

  const { resultsDir, ...recorded } = settings;
  const result = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
    },
    settings: recorded,
    warm: rows,
    cold,
    targets,
    raw: cells,
  };
  write(result, resultsDir);
}

function printTable(rows: ReturnType<typeof summarize>, settings: Settings) {
  const n = (value: number, digits = 1) => value.toFixed(digits).padStart(7);
  const cell = (f: Figures) => `${n(f.perSecond, 0)}${n(f.p50Ms)}${n(f.p99Ms)}`;

  console.log(
    `\nwarm requests: median of ${settings.rounds} rounds of ${settings.secondsPerCell} s each; ` +
      "req/s, p50 ms, p99 ms; each telco request beside an echo whose replies have the same size",
  );
  for (const target of TARGETS) {
    const bytes = rows[0][target].telco.replyBytes;
    console.log(
      `\n${target} (replies of ${bytes} bytes; echo's ${rows[0][target].echo.replyBytes})`,
    );
    console.log(
      "in flight |   echo req/s    p50    p99 |  telco req/s    p50    p99 | ratio",
    );
    for (const row of rows)
      console.log(
        `${String(row.inFlight).padStart(9)} | ${cell(row[target].echo)} | ${cell(row[target].telco)} | ${n(row[target].ratioToEcho, 2)}`,
      );
  }
  const small = rows.map(
    (row) => `${row.dashboard.ratioToSmallEcho.toFixed(2)} at ${row.inFlight}`,
  );
  console.log(
    `\ndashboard against the echo of credit-sized replies: ${small.join(", ")}`,
  );
}

function write(result: object, dir: string): void {
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = join(dir, `bench-${stamp}.json`);

  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
  writeFileSync(join(dir, "latest.json"), text);
  console.log(`\nwritten to ${file} and ${join(dir, "latest.json")}`);
}
