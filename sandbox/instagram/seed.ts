// Builds the emulator's world from a seed: ten sandbox users (three of them private, each with pending follow
// requests), 24 media each (so the sandbox rule that only the 20 newest exist is observable) mixing images,
// videos and carousels, captions with hashtags, locations, people tagged in photos, comments, likes and follows.
// The same seed always yields the same world, ids included; timestamps lie in a fixed period of 2016 so that
// they do not depend on when the emulator starts.
import { createRandom } from './random.js';
import { World, type MediaType } from './world.js';

const PEOPLE: [string, string][] = [
  ['aurora.lind', 'Aurora Lind'],
  ['mateo_rios', 'Mateo Ríos'],
  ['kenji.photo', 'Kenji Sato'],
  ['lena_bakes', 'Lena Fischer'],
  ['oskar.trails', 'Oskar Nieminen'],
  ['priya.sketches', 'Priya Raman'],
  ['tomas_cycles', 'Tomás Novak'],
  ['ines.sea', 'Inês Costa'],
  ['wren.studio', 'Wren Ashby'],
  ['yusuf.frames', 'Yusuf Demir'],
  ['mila.garden', 'Mila Horvat'],
  ['noor.nights', 'Noor Haddad'],
];

const PLACES: [string, number, number][] = [
  ['Kauppatori Market Square', 60.1675, 24.9525],
  ['Helsinki Cathedral', 60.17037, 24.95225],
  ['Suomenlinna', 60.14543, 24.98807],
  ['Kaivopuisto Park', 60.15693, 24.95691],
  ['Oodi Central Library', 60.17361, 24.93806],
  ['Temppeliaukio Church', 60.17306, 24.925],
  ['Hietaniemi Beach', 60.17295, 24.89669],
  ['Allas Sea Pool', 60.1663, 24.95619],
  ['Sibelius Monument', 60.18201, 24.91318],
  ['Old Market Hall', 60.16642, 24.95301],
];

const TAGS = [
  'sunset',
  'nofilter',
  'travel',
  'food',
  'coffee',
  'helsinki',
  'nature',
  'sea',
  'cycling',
  'art',
  'summer',
  'autumn',
  'street',
  'bakery',
  'hiking',
  'igcord',
];

const CAPTION_START = [
  'Evening walk',
  'Morning light',
  'Best coffee in town',
  'Fresh from the oven',
  'Out on the trail',
  'Sketch of the day',
  'Sunday ride',
  'Waves and wind',
  'New work in the studio',
  'City frames',
  'Quiet corner',
  'Harbour view',
];

const COMMENTS = [
  'Love this!',
  'Beautiful light',
  'Where is this?',
  'Stunning 😍',
  'So good',
  'Need to go there',
  'Great shot',
  'Wow',
  'This made my day',
  'Colours!',
  'Take me back',
  'Amazing work',
];

const FILTERS = ['Normal', 'Lark', 'Clarendon', 'Juno', 'Valencia', 'Gingham', 'Moon'];

/** Seeded media run from this instant (2016-06-01T00:00:00Z) for about five months. */
const PERIOD_START_MS = Date.UTC(2016, 5, 1);
const PERIOD_LENGTH_MS = 150 * 24 * 3600 * 1000;

export const SEEDED_USERS = 10;
export const SEEDED_MEDIA_PER_USER = 24;

export function seedWorld(seed: string | number): World {
  const rng = createRandom(seed);
  const world = new World(17840000000000000n + BigInt(rng.int(0, 9_999_999)) * 1000n);

  const people = rng.shuffle(PEOPLE).slice(0, SEEDED_USERS);
  const ids = new Set<string>();
  people.forEach(([username, fullName], i) => {
    let id = String(rng.int(180_000_000, 3_900_000_000));
    while (ids.has(id)) id = String(Number(id) + 1);
    ids.add(id);
    world.addUser({
      id,
      username,
      fullName,
      profilePicture: `https://scontent.cdninstagram.com/t51.2885-19/s150x150/${id}_a.jpg`,
      bio: i % 3 === 0 ? '' : `${fullName.split(' ')[0]} — photos and notes`,
      website: i % 4 === 0 ? `https://example.com/${username.replace(/[._]/g, '-')}` : '',
      // Three private users: positions 1, 4 and 7 of the seeded order.
      isPrivate: i % 3 === 1,
      isBusiness: i === 9,
    });
  });

  PLACES.forEach(([name, latitude, longitude]) => {
    world.addLocation({
      id: String(rng.int(200_000_000, 1_999_999_999)),
      name,
      latitude,
      longitude,
      facebookPlacesId: String(rng.int(100_000_000_000_000, 999_999_999_999_999)),
    });
  });

  const users = world.users;
  // Follows: everyone follows four to six others; a private target gets a pending request instead, sometimes.
  for (const user of users) {
    const others = rng.shuffle(users.filter((u) => u.id !== user.id)).slice(0, rng.int(4, 6));
    for (const other of others) {
      if (other.isPrivate && rng.chance(0.35)) world.request(user.id, other.id);
      else world.follow(user.id, other.id);
    }
  }
  // Every private user has at least two pending requests.
  for (const user of users.filter((u) => u.isPrivate)) {
    const candidates = users.filter((u) => u.id !== user.id && !world.isFollowing(u.id, user.id));
    for (const requester of rng.shuffle(candidates)) {
      if (world.requestersOf(user.id).length >= 2) break;
      world.request(requester.id, user.id);
    }
  }

  // Media: spread over the period, each user's in creation order so comment ids rise with time.
  const drafts: { ownerId: string; createdMs: number }[] = [];
  for (const user of users) {
    for (let i = 0; i < SEEDED_MEDIA_PER_USER; i++) {
      drafts.push({ ownerId: user.id, createdMs: PERIOD_START_MS + Math.floor(rng.next() * PERIOD_LENGTH_MS) });
    }
  }
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  for (const draft of drafts) {
    const owner = world.user(draft.ownerId);
    if (!owner) continue;
    const roll = rng.next();
    const type: MediaType = roll < 0.6 ? 'image' : roll < 0.8 ? 'video' : 'carousel';
    let caption = null;
    if (rng.chance(0.85)) {
      const tags = rng.shuffle(TAGS).slice(0, rng.int(0, 3));
      // Mixed case and repeats, as people write them: the API lower-cases and de-duplicates.
      const written = tags.map((t, i) =>
        i === 0 && rng.chance(0.3) ? `#${t[0]?.toUpperCase()}${t.slice(1)}` : `#${t}`,
      );
      if (tags[0] && rng.chance(0.2)) written.push(`#${tags[0].toUpperCase()}`);
      caption = {
        id: world.nextCommentId(),
        fromId: owner.id,
        text: [rng.pick(CAPTION_START), ...written].join(' '),
        createdMs: draft.createdMs,
      };
    }
    const tagged = rng
      .shuffle(users.filter((u) => u.id !== owner.id))
      .slice(0, rng.chance(0.4) ? rng.int(1, 2) : 0)
      .map((u) => ({ username: u.username, x: round(rng.next()), y: round(rng.next()) }));
    const media = world.createMedia({
      ownerId: owner.id,
      type,
      createdMs: draft.createdMs,
      sequence: rng.int(0, 0x7fffff),
      filter: rng.pick(FILTERS),
      caption,
      locationId: rng.chance(0.6) ? rng.pick(world.locations).id : null,
      usersInPhoto: tagged,
      carouselItems:
        type === 'carousel'
          ? Array.from({ length: rng.int(2, 4) }, (_, i) => (i > 0 && rng.chance(0.3) ? 'video' : 'image'))
          : [],
    });
    for (const liker of rng.shuffle(users.filter((u) => u.id !== owner.id)).slice(0, rng.int(0, 6))) {
      media.likes.set(liker.id, world.nextSequence());
    }
    let commentTime = draft.createdMs;
    for (let i = rng.int(0, 4); i > 0; i--) {
      commentTime += rng.int(60_000, 6 * 3600_000);
      media.comments.push({
        id: world.nextCommentId(),
        fromId: rng.pick(users).id,
        text: rng.pick(COMMENTS),
        createdMs: commentTime,
      });
    }
  }
  return world;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
