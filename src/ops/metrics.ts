// A small metrics registry that renders the Prometheus text exposition format (version 0.0.4): counters and
// gauges with labels, histograms with cumulative buckets, and collectors that read other components' own
// counters at scrape time (the limiter, the webhook receiver, storage), so those components stay free of any
// metrics code. Written here rather than taken from a package: igcord needs a few dozen series and nothing else.
// Format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format

export type Labels = Readonly<Record<string, string>>;

/** `text/plain; version=0.0.4` is what Prometheus expects from a text-format scrape. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Latency buckets in seconds, from 5 ms to a minute: interactions, Instagram calls and deliveries all fit. */
export const DEFAULT_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type MetricType = 'counter' | 'gauge' | 'histogram';

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  lines(): string[];
}

/** Label values escaped as the format requires: backslash, double quote and newline. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/** Series are keyed by their label values in the declared order, so `{a,b}` and `{b,a}` are one series. */
class LabelledValues<V> {
  private readonly series = new Map<string, { labels: Labels; value: V }>();

  constructor(
    private readonly metric: string,
    private readonly labelNames: readonly string[],
  ) {}

  private key(labels: Labels): { key: string; labels: Labels } {
    const given = Object.keys(labels);
    if (given.length !== this.labelNames.length || given.some((name) => !this.labelNames.includes(name))) {
      throw new TypeError(`${this.metric} takes the labels [${this.labelNames.join(', ')}], got [${given.join(', ')}]`);
    }
    const ordered: Record<string, string> = {};
    for (const name of this.labelNames) ordered[name] = String(labels[name]);
    return { key: JSON.stringify(this.labelNames.map((name) => ordered[name])), labels: ordered };
  }

  get(labels: Labels, create: () => V): V {
    const { key, labels: ordered } = this.key(labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels: ordered, value: create() };
      this.series.set(key, entry);
    }
    return entry.value;
  }

  set(labels: Labels, value: V): void {
    const { key, labels: ordered } = this.key(labels);
    this.series.set(key, { labels: ordered, value });
  }

  clear(): void {
    this.series.clear();
  }

  entries(): Array<{ labels: Labels; value: V }> {
    return [...this.series.values()];
  }
}

export class Counter implements Metric {
  readonly type = 'counter';
  private readonly values: LabelledValues<{ n: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly string[] = [],
  ) {
    this.values = new LabelledValues(name, labelNames);
  }

  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new RangeError(`${this.name}: a counter only goes up (got ${by})`);
    this.values.get(labels, () => ({ n: 0 })).n += by;
  }

  /**
   * Sets the total from a count kept elsewhere (a component's own cumulative counter read at scrape time).
   * The source only ever grows, so the exposed series stays a counter.
   */
  setTotal(labels: Labels, total: number): void {
    this.values.set(labels, { n: total });
  }

  value(labels: Labels = {}): number {
    return this.values.get(labels, () => ({ n: 0 })).n;
  }

  lines(): string[] {
    return this.values
      .entries()
      .map(({ labels, value }) => `${this.name}${formatLabels(labels)} ${formatValue(value.n)}`);
  }
}

export class Gauge implements Metric {
  readonly type = 'gauge';
  private readonly values: LabelledValues<{ n: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly string[] = [],
  ) {
    this.values = new LabelledValues(name, labelNames);
  }

  set(labels: Labels, value: number): void {
    this.values.set(labels, { n: value });
  }

  inc(labels: Labels = {}, by = 1): void {
    this.values.get(labels, () => ({ n: 0 })).n += by;
  }

  dec(labels: Labels = {}, by = 1): void {
    this.inc(labels, -by);
  }

  /** Forgets every series: a collector that rebuilds the gauge per scrape drops values that no longer exist. */
  reset(): void {
    this.values.clear();
  }

  value(labels: Labels = {}): number {
    return this.values.get(labels, () => ({ n: 0 })).n;
  }

  lines(): string[] {
    return this.values
      .entries()
      .map(({ labels, value }) => `${this.name}${formatLabels(labels)} ${formatValue(value.n)}`);
  }
}

interface HistogramSeries {
  /** Per bucket (not cumulative); the last slot is +Inf. */
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram implements Metric {
  readonly type = 'histogram';
  readonly buckets: readonly number[];
  private readonly values: LabelledValues<HistogramSeries>;

  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly string[] = [],
    buckets: readonly number[] = DEFAULT_SECONDS_BUCKETS,
  ) {
    if (labelNames.includes('le')) throw new TypeError(`${name}: "le" is reserved for histogram buckets`);
    const sorted = [...new Set(buckets)].filter((b) => Number.isFinite(b)).sort((a, b) => a - b);
    if (sorted.length === 0) throw new TypeError(`${name}: a histogram needs at least one finite bucket`);
    this.buckets = sorted;
    this.values = new LabelledValues(name, labelNames);
  }

  observe(labels: Labels, value: number): void {
    if (Number.isNaN(value)) return;
    const series = this.values.get(labels, () => ({
      counts: new Array<number>(this.buckets.length + 1).fill(0),
      sum: 0,
      count: 0,
    }));
    let index = this.buckets.findIndex((upper) => value <= upper);
    if (index === -1) index = this.buckets.length;
    series.counts[index] = (series.counts[index] ?? 0) + 1;
    series.sum += value;
    series.count += 1;
  }

  /** Observations so far for these labels (tests and the console read it). */
  count(labels: Labels = {}): number {
    return this.values.get(labels, () => ({
      counts: new Array<number>(this.buckets.length + 1).fill(0),
      sum: 0,
      count: 0,
    })).count;
  }

  lines(): string[] {
    const out: string[] = [];
    for (const { labels, value } of this.values.entries()) {
      let cumulative = 0;
      const bounds = [...this.buckets, Infinity];
      bounds.forEach((upper, i) => {
        cumulative += value.counts[i] ?? 0;
        out.push(`${this.name}_bucket${formatLabels({ ...labels, le: formatValue(upper) })} ${cumulative}`);
      });
      out.push(`${this.name}_sum${formatLabels(labels)} ${formatValue(value.sum)}`);
      out.push(`${this.name}_count${formatLabels(labels)} ${value.count}`);
    }
    return out;
  }
}

/** Reads another component's state into metrics just before a scrape is rendered. */
export type Collector = () => void | Promise<void>;

export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();
  private readonly collectors: Collector[] = [];

  constructor(private readonly onCollectorError: (error: unknown) => void = () => {}) {}

  private add<M extends Metric>(metric: M, labelNames: readonly string[]): M {
    if (!METRIC_NAME.test(metric.name)) throw new TypeError(`invalid metric name "${metric.name}"`);
    for (const label of labelNames) {
      if (!LABEL_NAME.test(label) || label.startsWith('__'))
        throw new TypeError(`${metric.name}: invalid label name "${label}"`);
    }
    if (this.metrics.has(metric.name)) throw new TypeError(`metric "${metric.name}" is registered twice`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames), labelNames);
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.add(new Gauge(name, help, labelNames), labelNames);
  }

  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets?: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, labelNames, buckets), labelNames);
  }

  collect(collector: Collector): void {
    this.collectors.push(collector);
  }

  /**
   * Runs the collectors, then renders every metric. A failing collector is reported and skipped: one broken
   * source (storage down) must not hide all the other metrics, which are what an operator needs right then.
   */
  async render(): Promise<string> {
    for (const collector of this.collectors) {
      try {
        await collector();
      } catch (error) {
        this.onCollectorError(error);
      }
    }
    const out: string[] = [];
    for (const metric of this.metrics.values()) {
      out.push(`# HELP ${metric.name} ${escapeHelp(metric.help)}`);
      out.push(`# TYPE ${metric.name} ${metric.type}`);
      out.push(...metric.lines());
    }
    return `${out.join('\n')}\n`;
  }
}
