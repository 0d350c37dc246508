// /location: a place's details (info), its recent posts one at a time (recent), and the places around a point
// (search), read with the invoker's own Instagram link (public_content scope, reference §2.7). The API cannot
// find a place by name — only around coordinates — so the `location` option takes a location id, "lat,lng" (the
// nearest place there), or a suggestion drawn from a search at typed coordinates and the places the person looked
// up lately. Answers are private unless the person asks to share them.
import type { ChatInputCommandInteraction } from 'discord.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { plain } from '../../src/discord/embeds/text.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { text, type Translate } from '../../src/i18n/i18n.js';
import { withInstagram } from '../_shared/linked-account.js';
import { about } from '../_shared/about-subject.js';
import { suggestLocations } from '../_shared/places/place-autocomplete.js';
import { renderLocationEmbed, renderLocationListEmbed } from '../_shared/places/place-embeds.js';
import { parseCoordinates, parseLocationInput, type Coordinates } from '../_shared/input/location-input.js';
import { mediaPages } from '../_shared/media-pages.js';
import { placeListEnds } from '../_shared/places/place-embeds.js';
import type { RecentLocation } from '../_shared/places/recent-locations.js';
import type { InstagramAuth as Auth, Post } from '../../src/core/index.js';

const PAGE_SIZE = 20;
/** The late API's location search radius: default 500 m, at most 750 m (reference §2.7, 2016 docs). */
const MAX_LOCATION_DISTANCE_M = 750;
const DEFAULT_LOCATION_DISTANCE_M = 500;
const LOCATION_FORMS = { maxDistance: MAX_LOCATION_DISTANCE_M };
const SHARE_DESCRIPTION = 'Post the answer in the channel for everyone (by default only you see it)';
const LOCATION_DESCRIPTION = 'A place: pick a suggestion, or type a location id or "lat,lng"';

const share = { kind: 'boolean', description: SHARE_DESCRIPTION } as const;
const location = {
  kind: 'string',
  description: LOCATION_DESCRIPTION,
  required: true,
  autocomplete: true,
  maxLength: 100,
} as const;

const definition = defineSlash({
  name: 'location',
  requires: 'locations',
  description: 'Instagram locations: details, recent posts and places near a point',
  subcommands: {
    info: { description: 'Details of an Instagram location', options: { location, share } },
    recent: { description: 'The most recent posts at a location, one at a time', options: { location, share } },
    search: {
      description: 'Instagram locations around a point',
      options: {
        lat: { kind: 'number', description: 'Latitude, -90 to 90', required: true, minValue: -90, maxValue: 90 },
        lng: { kind: 'number', description: 'Longitude, -180 to 180', required: true, minValue: -180, maxValue: 180 },
        distance: {
          kind: 'integer',
          description: `Search radius in metres (default ${DEFAULT_LOCATION_DISTANCE_M}, at most ${MAX_LOCATION_DISTANCE_M})`,
          minValue: 1,
          maxValue: MAX_LOCATION_DISTANCE_M,
        },
        share,
      },
    },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

/** Places as the person's recent suggestions; one without a name is called by its id, in their language. */
const asRecent = (
  locations: readonly ({ id?: string | undefined; name?: string | undefined } | null | undefined)[],
  t: Translate,
): RecentLocation[] =>
  locations.flatMap((l) =>
    l?.id ? [{ id: l.id, name: l.name?.trim() || t('replies.places.location', { id: l.id }) }] : [],
  );

/** The location id the `location` option names: as given, or the nearest place to the coordinates given. */
async function resolveLocationId(value: string, ctx: CommandContext, auth: Auth): Promise<string> {
  const input = parseLocationInput(value, 'location', LOCATION_FORMS);
  if (input.kind === 'id') return input.id;
  const found = (await ctx.instagram.locations.search(auth, input.at)).filter((l) => l.id);
  const nearest = found[0]?.id;
  if (!nearest) {
    throw new UserFacingError(
      'places.nothing-near',
      text('replies.places.nothingNearTry', {
        radius: DEFAULT_LOCATION_DISTANCE_M,
        point: `${input.at.lat}, ${input.at.lng}`,
      }),
    );
  }
  return nearest;
}

// Each subcommand checks its input first (a refusal costs nothing and is always private), then acknowledges in
// the visibility its answer will have: a deferred response cannot change it later.
async function info(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'info'>,
): Promise<void> {
  const ephemeral = !(options.share ?? false);
  const value = options.location;
  parseLocationInput(value, 'location', LOCATION_FORMS);
  await ctx.respond.deferReply(ephemeral);
  const location = await withInstagram(ctx, interaction.user.id, async ({ auth }) => {
    const id = await resolveLocationId(value, ctx, auth);
    return about({ kind: 'location', id }, () => ctx.instagram.locations.get(auth, id));
  });
  ctx.recentPlaces.remember(interaction.user.id, asRecent([location], ctx.t));
  await ctx.respond.reply({ embeds: [renderLocationEmbed(location, ctx.t)], ephemeral });
}

async function recentMedia(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'recent'>,
): Promise<void> {
  const ephemeral = !(options.share ?? false);
  const value = options.location;
  parseLocationInput(value, 'location', LOCATION_FORMS);
  await ctx.respond.deferReply(ephemeral);
  const ownerId = interaction.user.id;
  const { id, first } = await withInstagram(ctx, ownerId, async ({ auth }) => {
    const locationId = await resolveLocationId(value, ctx, auth);
    const first = await about({ kind: 'location', id: locationId }, () =>
      ctx.instagram.locations.recentPosts(auth, locationId, { count: PAGE_SIZE }),
    );
    return { id: locationId, first };
  });
  // The posts carry their place's name, which saves a call for the heading.
  const named = first.data.find((m) => m.location?.id === id && m.location.name)?.location?.name;
  const place = plain(named ?? ctx.t('replies.places.locationLower', { id }));
  if (first.data.length === 0) {
    await ctx.respond.reply({ content: ctx.t('browse.noPostsAt', { place }), ephemeral });
    return;
  }
  const source = mediaPages(first, {
    t: ctx.t,
    heading: ctx.t('browse.recentAt', { place }),
    ...placeListEnds(ctx.t),
    // The next page follows the API's own cursor (max_id), on the invoker's link as it is at the press.
    fetchMore: (next) => withInstagram(ctx, ownerId, () => next()),
    onLoaded: (media: readonly Post[]) =>
      ctx.recentPlaces.remember(
        ownerId,
        asRecent(
          media
            .map((m) => m.location)
            .filter((l) => l?.id === id)
            .slice(0, 1),
          ctx.t,
        ),
      ),
  });
  await ctx.paginator.start(ctx.respond, { ownerId, source, ephemeral });
}

async function search(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'search'>,
): Promise<void> {
  const ephemeral = !(options.share ?? false);
  const at: Coordinates = parseCoordinates(
    { lat: options.lat, lng: options.lng, distance: options.distance },
    MAX_LOCATION_DISTANCE_M,
  );
  await ctx.respond.deferReply(ephemeral);
  const radius = at.distance ?? DEFAULT_LOCATION_DISTANCE_M;
  // A place name typed later (here or in /feed add-location) is looked for around this point.
  ctx.recentPlaces.rememberPoint(interaction.user.id, at);
  const found = await withInstagram(ctx, interaction.user.id, ({ auth }) => ctx.instagram.locations.search(auth, at));
  if (found.length === 0) {
    await ctx.respond.reply({
      content: ctx.t('replies.places.nothingNear', { radius, point: `${at.lat}, ${at.lng}` }),
      ephemeral,
    });
    return;
  }
  // Found places become suggestions for the `location` option of info and recent, nearest first.
  ctx.recentPlaces.remember(interaction.user.id, asRecent(found, ctx.t).slice(0, 25));
  await ctx.respond.reply({ embeds: [renderLocationListEmbed(at, radius, found, ctx.t)], ephemeral });
}

export default defineCommand({
  ...slashCommand(definition, { info, recent: recentMedia, search }),
  autocomplete: (interaction, deps) => suggestLocations(interaction, deps, deps.recentPlaces),
});
