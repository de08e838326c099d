// Turns the benchmark's raw measurements into the figures it reports: the
// median of the rounds for each cell, ratios to the echo component taken
// round by round, the targets, a table on stdout and a JSON file.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";

import { percentile, type Measurement } from "./load";

export type Target = "echo" | "credit" | "dashboard";
/** Per target, per round, one measurement per in-flight level. */
export type Cells = Record<Target, Measurement[][]>;

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

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

function summarize(cells: Cells, levels: number[]) {
  return levels.map((inFlight, level) => {
    const of = (target: Target, key: keyof Measurement) =>
      median(cells[target].map((round) => round[level][key]));
    // Ratios are taken round by round, echo and telco measured minutes apart at most.
    const ratio = (target: Target) =>
      median(
        cells[target].map(
          (round, r) => round[level].perSecond / cells.echo[r][level].perSecond,
        ),
      );

    return {
      inFlight,
      echo: {
        perSecond: of("echo", "perSecond"),
        p50Ms: of("echo", "p50Ms"),
        p99Ms: of("echo", "p99Ms"),
      },
      credit: {
        perSecond: of("credit", "perSecond"),
        p50Ms: of("credit", "p50Ms"),
        p99Ms: of("credit", "p99Ms"),
        ratioToEcho: ratio("credit"),
      },
      dashboard: {
        perSecond: of("dashboard", "perSecond"),
        p50Ms: of("dashboard", "p50Ms"),
        p99Ms: of("dashboard", "p99Ms"),
        ratioToEcho: ratio("dashboard"),
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
  const at128 = rows[rows.length - 1];
  const targets = {
    warmCreditAt128: { ratio: at128.credit.ratioToEcho, atLeast: 0.7 },
    warmDashboardAt128: { ratio: at128.dashboard.ratioToEcho, atLeast: 0.5 },
    coldDashboardP50: { overDelay: cold.p50OverDelay, atMost: 1.5 },
  };

  const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);
  console.log(
    `\nwarm requests, median of ${settings.rounds} rounds of ${settings.secondsPerCell} s each (req/s, p50 ms, p99 ms, ratio to echo)`,
  );
  console.log(
    "in flight |     echo req/s  p50   p99 |   credit req/s  p50   p99  ratio | dashboard req/s  p50   p99  ratio",
  );
  for (const row of rows)
    console.log(
      `${String(row.inFlight).padStart(9)} |` +
        `${fmt(row.echo.perSecond, 0)}${fmt(row.echo.p50Ms)}${fmt(row.echo.p99Ms)} |` +
        `${fmt(row.credit.perSecond, 0)}${fmt(row.credit.p50Ms)}${fmt(row.credit.p99Ms)}${fmt(row.credit.ratioToEcho, 2)} |` +
        `${fmt(row.dashboard.perSecond, 0)}${fmt(row.dashboard.p50Ms)}${fmt(row.dashboard.p99Ms)}${fmt(row.dashboard.ratioToEcho, 2)}`,
    );
  console.log(
    `\ncold dashboard, ${cold.samples} requests one at a time, backend delay ${cold.delayMs} ms per sub-query: ` +
      `p50 ${cold.p50Ms.toFixed(1)} ms = ${cold.p50OverDelay.toFixed(2)} x the delay, p99 ${cold.p99Ms.toFixed(1)} ms`,
  );
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log(
    `\ntargets: warm credit >= 0.7 x echo at 128: ${verdict(targets.warmCreditAt128.ratio >= 0.7)}; ` +
      `warm dashboard >= 0.5 x echo at 128: ${verdict(targets.warmDashboardAt128.ratio >= 0.5)}; ` +
      `cold dashboard p50 <= 1.5 x delay: ${verdict(cold.p50OverDelay <= 1.5)}`,
  );

  const result = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
    },
    settings: {
      rounds: settings.rounds,
      secondsPerCell: settings.secondsPerCell,
      inFlight: settings.inFlight,
      backendDelayMs: settings.backendDelayMs,
    },
    warm: rows,
    cold,
    targets,
    raw: cells,
  };
  mkdirSync(settings.resultsDir, { recursive: true });
  const file = join(
    settings.resultsDir,
    `bench-${result.measuredAt.replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(settings.resultsDir, "latest.json"),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(`\nwritten to ${file} and bench/results/latest.json`);
}
