// Guild routes the client may call: the guild itself, its channels, roles and members, and the bot's guild list.
// A guild the bot is not in is 403 50001, an unknown one 404 10004, as on Discord.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { RestRouter } from '../rest.js';
import type { FakeState, GuildRecord } from '../state.js';
import { missingAccess, missingPermissions } from '../errors.js';
import { renderChannel, renderGuild, renderMember } from '../render.js';
import { computeBasePermissions } from '../permissions.js';

export function addGuildRoutes(router: RestRouter, state: FakeState): void {
  const botGuild = (id: string): GuildRecord => {
    const guild = state.guild(id);
    if (!guild.members.has(state.botUser.id)) throw missingAccess();
    return guild;
  };

  router.add('GET', '/users/@me/guilds', 'bot', () => ({
    status: 200,
    body: [...state.guilds.values()]
      .filter((g) => g.members.has(state.botUser.id))
      .map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        owner: g.ownerId === state.botUser.id,
        permissions: botPermissions(g).toString(),
        features: [],
      })),
  }));

  router.add('GET', '/guilds/:guildId', 'bot', ({ params, query }) => {
    const guild = botGuild(params.guildId!);
    const body = {
      ...renderGuild(guild),
      ...(query.get('with_counts') === 'true'
        ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
        : {}),
    };
    return { status: 200, body };
  });
  router.add('GET', '/guilds/:guildId/channels', 'bot', ({ params }) => {
    const guild = botGuild(params.guildId!);
    return { status: 200, body: guild.channelIds.map((id) => renderChannel(state.channel(id))) };
  });
  router.add('GET', '/guilds/:guildId/roles', 'bot', ({ params }) => ({
    status: 200,
    body: [...botGuild(params.guildId!).roles.values()],
  }));
  router.add('GET', '/guilds/:guildId/members/:userId', 'bot', ({ params }) => {
    const guild = botGuild(params.guildId!);
    return { status: 200, body: renderMember(state, state.member(guild.id, params.userId!)) };
  });
  router.add('GET', '/guilds/:guildId/members', 'bot', ({ params, query }) => {
    const guild = botGuild(params.guildId!);
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 1), 1), 1000);
    const after = query.get('after') ?? '0';
    const members = [...guild.members.values()]
      .filter((m) => BigInt(m.userId) > BigInt(after))
      .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
      .slice(0, limit);
    return { status: 200, body: members.map((m) => renderMember(state, m)) };
  });
  router.add('GET', '/guilds/:guildId/webhooks', 'bot', ({ params }) => {
    const guild = botGuild(params.guildId!);
    if ((botPermissions(guild) & PermissionFlagsBits.ManageWebhooks) === 0n) throw missingPermissions();
    return {
      status: 200,
      body: [...state.webhooks.values()].filter((w) => w.webhook.guild_id === guild.id).map((w) => w.webhook),
    };
  });

  function botPermissions(guild: GuildRecord): bigint {
    const member = guild.members.get(state.botUser.id);
    return computeBasePermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      userId: state.botUser.id,
      memberRoleIds: member?.roles ?? [],
      roles: guild.roles,
    });
  }
}
