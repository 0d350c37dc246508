// The words of a feed's state, in the reader's language, from its data: each cause has its sentence in English,
// Spanish and Portuguese; Discord's error code and Instagram's own wording pass through untranslated; and states
// stored before causes were data (words in `detail` or `reason`) still render, their words shown as stored.
import { describe, expect, it } from 'vitest';
import {
  disabled,
  feedNotice,
  ownerLinkLost,
  payerLost,
  scopeMissing,
  type FeedState,
} from '../../../src/core/index.js';
import { describeFeedState, feedNoticeText, ownerNoticeText } from '../../../src/discord/notice-text.js';
import { createTranslations } from '../../../src/i18n/i18n.js';
import { describeError } from '../../../commands/_shared/describe-error.js';
import { CAPABILITIES, InstagramNotAvailableError, PostRefusedError } from '../../../src/core/index.js';

const translations = createTranslations();
const en = translations.forLocale('en-US');
const es = translations.forLocale('es-ES');
const pt = translations.forLocale('pt-BR');
const NOW = 1_750_000_000_000;
const active = { state: { kind: 'active' } as FeedState, ownerInstagramUserId: '3001' };

describe('a feed state in words', () => {
  it('says nothing for an active feed', () => {
    expect(describeFeedState({ kind: 'active' }, es)).toBeUndefined();
  });

  it("words an admin's pause with who and when, as Discord markup every client renders in its language", () => {
    const state: FeedState = { kind: 'paused', by: 'person', since: 1_750_000_000_500, detail: '42' };
    expect(describeFeedState(state, en)).toBe('by <@42> <t:1750000001:R>');
    expect(describeFeedState(state, es)).toBe('por <@42> <t:1750000001:R>');
    expect(describeFeedState({ kind: 'paused', by: 'person', since: 0 }, pt)).toBe('por um administrador <t:0:R>');
  });

  it('words each engine pause from its data in every shipped language', () => {
    const broken = ownerLinkLost(active, 'token', NOW)!;
    expect(describeFeedState(broken, en)).toContain('stopped working (token revoked or expired)');
    expect(describeFeedState(broken, es)).toContain('dejó de funcionar (token revocado o vencido)');
    expect(describeFeedState(broken, pt)).toContain('parou de funcionar (token revogado ou expirado)');
    const left = payerLost(active, { standing: 'left', name: '@mila' }, NOW)!;
    expect(describeFeedState(left, pt)).toMatch(/^@mila saiu do servidor, e é o vínculo do Instagram/);
    const scope = scopeMissing(active, 'public_content', NOW)!;
    expect(describeFeedState(scope, es)).toBe(
      'el feed necesita el permiso `public_content`: la persona dueña ejecuta /instagram link scopes:public_content con la misma cuenta y el feed se reanuda solo.',
    );
    expect(describeFeedState({ kind: 'paused', by: 'no-payer', since: NOW }, en, '77')).toMatch(
      /^<@77> stopped paying for it/,
    );
  });

  it('words a hashtag-slot pause with when a slot frees, as Discord markup', () => {
    const state: FeedState = { kind: 'paused', by: 'hashtag-slots', since: NOW, until: 1_750_000_000_500 };
    expect(describeFeedState(state, es)).toContain('<t:1750000001:f> (<t:1750000001:R>)');
  });

  it("keeps Discord's error code and Instagram's own words as they are", () => {
    expect(describeFeedState(disabled({ by: 'channel-deleted' }, NOW), es)).toBe(
      'Error de Discord 10003: se eliminó el canal: elimina este feed o muévelo a otro canal',
    );
    const refused = disabled({ by: 'instagram-refused', detail: 'IGApiException: Media not found' }, NOW);
    expect(describeFeedState(refused, pt)).toBe('O Instagram recusa esta fonte (IGApiException: Media not found)');
  });

  it('renders states stored before their causes were data, their words as stored', () => {
    const legacyBroken: FeedState = {
      kind: 'paused',
      by: 'owner-link-broken',
      since: 1,
      detail: 'the stored token cannot be read',
    };
    expect(describeFeedState(legacyBroken, es)).toContain('dejó de funcionar (the stored token cannot be read)');
    const legacyPayer: FeedState = { kind: 'paused', by: 'permission', since: 1, detail: '@mila left the server' };
    expect(describeFeedState(legacyPayer, pt)).toMatch(/^@mila left the server, e é o vínculo/);
    const legacyElsewhere: FeedState = {
      kind: 'paused',
      by: 'owner-unlinked',
      since: 1,
      detail: '@old is no longer linked',
    };
    expect(describeFeedState(legacyElsewhere, en)).toMatch(/^@old is no longer linked\. It resumes/);
    const legacyDisabled: FeedState = {
      kind: 'disabled',
      reason: 'Discord error 50013: igcord lacks permission',
      since: 1,
    };
    expect(describeFeedState(legacyDisabled, pt)).toBe('Discord error 50013: igcord lacks permission');
    expect(describeFeedState({ kind: 'disabled', since: 1 }, es)).toBe('no se registró ningún motivo');
  });
});

describe('what the configured Instagram API lacks', () => {
  it('says it for every capability in every shipped language, in a reply and in a disabled feed', () => {
    for (const capability of CAPABILITIES)
      for (const t of [en, es, pt]) {
        const words = t(`notices.capability.${capability}`);
        expect(words, capability).not.toContain('notices.');
        expect(describeError(new InstagramNotAvailableError('x', capability), NOW, t).content).toContain(words);
        expect(describeFeedState(disabled({ by: 'not-on-provider', detail: capability }, NOW), t)).toContain(words);
      }
    expect(describeError(new InstagramNotAvailableError('x', 'search'), NOW, es).content).toBe(
      'La API de Instagram que igcord usa aquí no tiene búsqueda de personas, lugares ni posts cercanos.',
    );
    // A provider's own wording when it names no capability igcord knows.
    expect(describeError(new InstagramNotAvailableError('Graph says no.', 'other'), NOW, pt).content).toBe(
      'Graph says no.',
    );
  });

  it('answers a post refused for good in the reader’s language, and quotes Discord otherwise', () => {
    const refused = new PostRefusedError('disable', 'Discord error 10003: …', { stop: { by: 'channel-deleted' } });
    expect(describeError(refused, NOW, pt).content).toBe(
      'O Discord não aceitou o post: Erro do Discord 10003: o canal foi excluído: remova este feed ou mova-o para outro canal',
    );
    expect(describeError(new PostRefusedError('retry', 'Discord answered 503'), NOW, es).content).toBe(
      'Discord no aceptó el post: Discord answered 503',
    );
  });
});

describe('notices', () => {
  it("heads a feed's notice with the feed and its channel", () => {
    const feed = { id: 'abc', guildId: '1', channelId: '2', ownerDiscordUserId: '3' };
    const state = disabled({ by: 'missing-access' }, NOW);
    if (state.kind !== 'disabled') throw new Error('disabled');
    expect(feedNoticeText(feedNotice(feed, state), en)).toBe(
      '⚠️ The Instagram feed `abc` in <#2> was disabled: Discord error 50001: igcord lost access to the channel (Missing Access): give the bot View Channel there, then resume the feed',
    );
  });

  it("words an owner's DM with the plural their language needs", () => {
    const broken = { kind: 'link-broken', username: 'mila', why: 'expired', pausedFeeds: 2 } as const;
    expect(ownerNoticeText(broken, en, 'Relink Instagram')).toBe(
      'Your Instagram link to **@mila** stopped working (its token expired). 2 feeds you own are paused; your commands need it too. Press **Relink Instagram** (or run `/instagram link`) with the same account and everything resumes.',
    );
    expect(ownerNoticeText({ ...broken, pausedFeeds: 1 }, pt, 'B')).toContain('Um feed seu está pausado');
    const expiring = { kind: 'token-expiring', username: 'mila', daysLeft: 1, expiresAt: 86_400_000 } as const;
    expect(ownerNoticeText(expiring, es, 'B')).toContain('vence en 1 día (<t:86400:D>)');
  });
});
