// How Discord's answers are classified once for the engine: lost access, missing permissions, a deleted channel or
// webhook disable the feed; 429, 5xx and network failures are retried later; a refused body is skipped. The
// failure is data whose detail never carries the request URL (a webhook execution's holds its token).
import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { classifyPostFailure } from '../../../../src/discord/feed-posting/post-failure.js';

const apiError = (code: number, status: number) =>
  new DiscordAPIError(
    { code, message: `error ${code}` },
    code,
    status,
    'POST',
    'https://discord.test/api/v10/channels/1/messages',
    { body: {} },
  );

describe('classifyPostFailure', () => {
  it.each([
    [50013, 403],
    [50001, 403],
    [10003, 404],
    [10015, 404],
    [50027, 401],
  ])('disables the feed on Discord error %i with a reason naming the code', (code, status) => {
    const failure = classifyPostFailure(apiError(code, status));
    expect(failure.kind).toBe('disable');
    expect(failure.reason).toContain(String(code));
  });

  it('retries 429s, 5xx answers and network failures later', () => {
    expect(classifyPostFailure(apiError(0, 429)).kind).toBe('retry');
    expect(classifyPostFailure(apiError(0, 502)).kind).toBe('retry');
    expect(
      classifyPostFailure(new HTTPError(500, 'Internal Server Error', 'POST', 'https://discord.test/api', { body: {} }))
        .kind,
    ).toBe('retry');
    expect(classifyPostFailure(new TypeError('fetch failed')).kind).toBe('retry');
  });

  it('skips a message Discord refused as invalid (repeating it cannot succeed)', () => {
    expect(classifyPostFailure(apiError(50035, 400)).kind).toBe('skip');
  });

  it('keeps the status and code for logs, never the URL the request went to', () => {
    const failure = classifyPostFailure(apiError(10015, 404));
    expect(failure.detail).toEqual({ type: 'DiscordAPIError', status: 404, code: 10015 });
    expect(JSON.stringify(failure)).not.toContain('discord.test');
  });
});
