// The usage headers read into a UsageReport (reference §1.6): percentages as sent, several accounts in one
// header, and "unknown" for a header that is absent or unreadable — usage is advisory, never a failed call.
import { describe, expect, it } from 'vitest';
import { readUsage, regainMinutes } from '../../../src/providers/graph/usage.js';

describe('readUsage', () => {
  it('reads every account entry of X-Business-Use-Case-Usage and X-App-Usage', () => {
    const report = readUsage(
      new Headers({
        'X-Business-Use-Case-Usage': JSON.stringify({
          '1': [
            { type: 'instagram', call_count: 28, total_cputime: 9, total_time: 12, estimated_time_to_regain_access: 0 },
          ],
          '2': [
            {
              type: 'instagram',
              call_count: '100',
              total_cputime: 40,
              total_time: 70,
              estimated_time_to_regain_access: 7,
            },
          ],
        }),
        'X-App-Usage': '{"call_count":3,"total_time":1,"total_cputime":2}',
      }),
    );
    expect(report.buc).toEqual([
      { accountId: '1', type: 'instagram', callCount: 28, totalCputime: 9, totalTime: 12, regainMinutes: 0 },
      { accountId: '2', type: 'instagram', callCount: 100, totalCputime: 40, totalTime: 70, regainMinutes: 7 },
    ]);
    expect(report.app).toEqual({ callCount: 3, totalCputime: 2, totalTime: 1 });
    expect(regainMinutes(report)).toBe(7);
    expect(regainMinutes(report, '1')).toBe(0);
  });

  it('says unknown for absent or unreadable headers', () => {
    expect(readUsage(new Headers())).toEqual({ buc: undefined, app: undefined });
    expect(readUsage(new Headers({ 'x-business-use-case-usage': 'not json', 'x-app-usage': '[1,2]' }))).toEqual({
      buc: undefined,
      app: undefined,
    });
    expect(regainMinutes(readUsage(new Headers()))).toBe(0);
  });
});
