// The Prometheus text format as igcord renders it: HELP/TYPE lines, labels escaped and ordered, counters that only
// go up, cumulative histogram buckets with +Inf, _sum and _count, and collectors that run per scrape.
import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../../../src/ops/metrics.js';

describe('metrics registry', () => {
  it('renders a labelled counter with HELP and TYPE, one line per label set', async () => {
    const registry = new MetricsRegistry();
    const calls = registry.counter('igcord_test_calls_total', 'Calls made.', ['priority', 'outcome']);
    calls.inc({ priority: 'interactive', outcome: 'ok' });
    calls.inc({ outcome: 'ok', priority: 'interactive' }, 2);
    calls.inc({ priority: 'delivery', outcome: 'InstagramServerError' });
    expect(await registry.render()).toBe(
      [
        '# HELP igcord_test_calls_total Calls made.',
        '# TYPE igcord_test_calls_total counter',
        'igcord_test_calls_total{priority="interactive",outcome="ok"} 3',
        'igcord_test_calls_total{priority="delivery",outcome="InstagramServerError"} 1',
        '',
      ].join('\n'),
    );
  });

  it('escapes backslashes, quotes and newlines in label values and help text', async () => {
    const registry = new MetricsRegistry();
    registry.gauge('igcord_test_gauge', 'A "gauge"\\ with\nnewline', ['name']).set({ name: 'a"b\\c\nd' }, 1.5);
    const text = await registry.render();
    expect(text).toContain('# HELP igcord_test_gauge A "gauge"\\\\ with\\nnewline');
    expect(text).toContain('igcord_test_gauge{name="a\\"b\\\\c\\nd"} 1.5');
  });

  it('refuses a counter decrement, wrong labels, a bad name and a duplicate name', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter('igcord_test_total', 'x', ['a']);
    expect(() => counter.inc({ a: '1' }, -1)).toThrow(RangeError);
    expect(() => counter.inc({ b: '1' })).toThrow(/takes the labels \[a\]/);
    expect(() => counter.inc({})).toThrow(TypeError);
    expect(() => registry.gauge('igcord-bad', 'x')).toThrow(/invalid metric name/);
    expect(() => registry.gauge('igcord_test_total', 'x')).toThrow(/registered twice/);
    expect(() => registry.histogram('igcord_h', 'x', ['le'])).toThrow(/reserved/);
  });

  it('renders histogram buckets cumulatively, with +Inf, _sum and _count', async () => {
    const registry = new MetricsRegistry();
    const h = registry.histogram('igcord_test_seconds', 'Durations.', ['kind'], [0.1, 1]);
    for (const v of [0.05, 0.1, 0.5, 3]) h.observe({ kind: 'x' }, v);
    const lines = (await registry.render()).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE igcord_test_seconds histogram',
        'igcord_test_seconds_bucket{kind="x",le="0.1"} 2',
        'igcord_test_seconds_bucket{kind="x",le="1"} 3',
        'igcord_test_seconds_bucket{kind="x",le="+Inf"} 4',
        'igcord_test_seconds_sum{kind="x"} 3.65',
        'igcord_test_seconds_count{kind="x"} 4',
      ]),
    );
    expect(h.count({ kind: 'x' })).toBe(4);
  });

  it('runs collectors on every scrape and keeps rendering when one of them fails', async () => {
    const failures: unknown[] = [];
    const registry = new MetricsRegistry((error) => failures.push(error));
    const queued = registry.gauge('igcord_test_queued', 'Queued.');
    let depth = 3;
    registry.collect(() => queued.set({}, depth));
    registry.collect(() => {
      throw new Error('storage is down');
    });
    expect(await registry.render()).toContain('igcord_test_queued 3');
    depth = 7;
    expect(await registry.render()).toContain('igcord_test_queued 7');
    expect(failures).toHaveLength(2);
  });

  it('forgets gauge series on reset, so a state that disappeared is not reported forever', async () => {
    const registry = new MetricsRegistry();
    const feeds = registry.gauge('igcord_test_feeds', 'Feeds.', ['state']);
    feeds.set({ state: 'paused' }, 2);
    feeds.reset();
    feeds.set({ state: 'active' }, 1);
    const text = await registry.render();
    expect(text).toContain('igcord_test_feeds{state="active"} 1');
    expect(text).not.toContain('paused');
  });
});
