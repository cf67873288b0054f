// A vitest reporter that keeps what the built-in JSON report drops: the
// quartiles of each benchmark's samples, so the summary can state a median
// with its spread. Writes JSON to $BENCH_SAMPLES_OUT (scripts/bench.mjs reads it).
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

interface TaskLike {
  name: string;
  type: string;
  tasks?: TaskLike[];
  meta?: { benchmark?: boolean };
  result?: { benchmark?: { samples?: number[]; sampleCount?: number; rme?: number } };
}

export interface BenchSampleStats {
  group: string;
  name: string;
  file: string;
  samples: number;
  /** Milliseconds per iteration. */
  p25: number;
  median: number;
  p75: number;
  rme: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

function collect(task: TaskLike, file: string, group: string, out: BenchSampleStats[]): void {
  for (const child of task.tasks ?? []) {
    if (child.type === 'suite') collect(child, file, child.name, out);
    const result = child.result?.benchmark;
    if (child.meta?.benchmark !== true || result === undefined) continue;
    const sorted = [...(result.samples ?? [])].sort((a, b) => a - b);
    out.push({
      group,
      name: child.name,
      file,
      samples: sorted.length,
      p25: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      p75: quantile(sorted, 0.75),
      rme: result.rme ?? NaN,
    });
  }
}

export class SamplesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const target = process.env.BENCH_SAMPLES_OUT;
    if (target === undefined || target === '') return;
    const out: BenchSampleStats[] = [];
    // The runner's task tree carries the samples; the public TestModule API does not expose them.
    for (const module of testModules) collect((module as unknown as { task: TaskLike }).task, module.moduleId, '', out);
    writeFileSync(target, JSON.stringify(out, null, 1));
  }
}
