import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType } from 'discord.js';
import { NotLinkedError, UserFacingError } from '../../../src/discord/errors.js';
import { describeError } from '../../../commands/_shared/describe-error.js';
import {
  InstagramNetworkError,
  InstagramNotAllowedError,
  InstagramNotFoundError,
  InstagramRateLimitError,
  InstagramScopeError,
  InstagramServerError,
  InstagramTimeoutError,
  InstagramTokenError,
  InstagramInvalidParametersError,
} from '../../../src/providers/v1/errors.js';
import { BudgetExhaustedError } from '../../../src/limiter/errors.js';
import {
  BackfillCountError,
  FeedOwnerLinkBrokenError,
  FeedOwnerNotLinkedError,
  PostRefusedError,
} from '../../../src/core/index.js';

const NOW = 1_700_000_000_000;
const fields = (type: string, status: number) => ({ type, status });
const customIds = (reply: { components: { components: unknown[] }[] }) =>
  reply.components.flatMap((row) => row.components.map((c) => (c as { custom_id?: string }).custom_id));

describe('error replies', () => {
  it("explains each of the delivery engine's domain errors under its stable id", () => {
    const notLinked = describeError(new FeedOwnerNotLinkedError(), NOW);
    expect(notLinked).toMatchObject({
      id: 'instagram.not-linked',
      content: 'The owner of this feed has no linked Instagram account.',
    });
    expect(customIds(notLinked)).toEqual(['instagram:link']);
    expect(describeError(new FeedOwnerLinkBrokenError(), NOW)).toMatchObject({
      id: 'feeds.owner-link-broken',
      components: [],
    });
    expect(describeError(new BackfillCountError(), NOW)).toMatchObject({
      id: 'feeds.backfill-count',
      content: 'A backfill takes 1 to 10 posts.',
    });
    expect(describeError(new PostRefusedError('disable', 'Discord error 50013'), NOW)).toMatchObject({
      id: 'feeds.post-disable',
      content: 'Discord did not take the post: Discord error 50013',
    });
  });

  it('tells an unlinked user to link, with a Link Instagram button', () => {
    const reply = describeError(new NotLinkedError(), NOW);
    expect(reply.id).toBe('instagram.not-linked');
    expect(reply.content).toMatch(/not linked an Instagram account/);
    expect(reply.components[0]?.components[0]).toMatchObject({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Link Instagram',
      custom_id: 'instagram:link',
    });
  });

  it('names the missing scope and offers to relink asking for it', () => {
    const error = new InstagramScopeError(
      'This request requires scope=comments, but this access token is not authorized with this scope.',
      fields('OAuthPermissionsException', 400),
    );
    const reply = describeError(error, NOW);
    expect(reply.id).toBe('instagram.scope-missing');
    expect(reply.content).toContain('"comments" permission');
    expect(customIds(reply)).toEqual(['instagram:link:comments']);
  });

  it('says a revoked token broke the link and offers to relink', () => {
    const reply = describeError(
      new InstagramTokenError('The access_token provided is invalid.', fields('OAuthAccessTokenException', 400)),
      NOW,
    );
    expect(reply.id).toBe('instagram.token-broken');
    expect(reply.content).toMatch(/no longer works/);
    expect(customIds(reply)).toEqual(['instagram:link']);
  });

  it('says when an exhausted budget frees, as a Discord relative timestamp', () => {
    const reply = describeError(new BudgetExhaustedError('12345', NOW + 600_000, NOW), NOW);
    expect(reply.id).toBe('instagram.budget-exhausted');
    expect(reply.content).toContain(`<t:${(NOW + 600_000) / 1000}:R>`);
    expect(reply.content).not.toContain('12345');
  });

  it('says when Instagram rate limiting ends when it is known, and to retry later when not', () => {
    const known = describeError(
      new InstagramRateLimitError('limited', { ...fields('OAuthRateLimitException', 429), resetsAt: NOW + 60_000 }),
      NOW,
    );
    expect(known.content).toContain(`<t:${(NOW + 60_000) / 1000}:R>`);
    const unknown = describeError(new InstagramRateLimitError('limited', fields('OAuthRateLimitException', 429)), NOW);
    expect(unknown.id).toBe('instagram.rate-limited');
    expect(unknown.content).toMatch(/few minutes/);
  });

  it('answers not found, not allowed and invalid input in plain words', () => {
    expect(describeError(new InstagramNotFoundError('invalid media id', fields('APINotFoundError', 400)), NOW).id).toBe(
      'instagram.not-found',
    );
    expect(
      describeError(
        new InstagramNotAllowedError('you cannot view this resource', fields('APINotAllowedError', 400)),
        NOW,
      ).id,
    ).toBe('instagram.not-allowed');
    expect(
      describeError(new InstagramInvalidParametersError('bad', fields('APIInvalidParametersError', 400)), NOW).id,
    ).toBe('instagram.invalid-input');
  });

  it('asks to retry later when Instagram fails, times out or cannot be reached', () => {
    for (const error of [
      new InstagramServerError('Oops', fields('APIError', 500)),
      new InstagramNetworkError('ECONNRESET'),
      new InstagramTimeoutError('timed out'),
    ]) {
      const reply = describeError(error, NOW);
      expect(reply.id).toBe('instagram.unavailable');
      expect(reply.incidentId).toBeUndefined();
    }
  });

  it('passes a UserFacingError through with its id, words and components', () => {
    const reply = describeError(new UserFacingError('feeds.channel-gone', 'That channel no longer exists.'), NOW);
    expect(reply).toMatchObject({
      id: 'feeds.channel-gone',
      content: 'That channel no longer exists.',
      components: [],
    });
  });

  it('answers anything else with a generic message and a short incident id, never the error text or stack', () => {
    const error = new Error('connect ECONNREFUSED postgres://user:hunter2@db/igcord');
    const reply = describeError(error, NOW);
    expect(reply.id).toBe('internal');
    expect(reply.incidentId).toMatch(/^[0-9A-F]{8}$/);
    expect(reply.content).toContain(reply.incidentId);
    expect(reply.content).not.toContain('hunter2');
    expect(reply.content).not.toContain('at ');
    expect(describeError(error, NOW).incidentId).not.toBe(reply.incidentId);
  });
});
