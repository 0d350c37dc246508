// The seeded world: the same seed gives the same accounts, ids, media and comments, so tests and people can
// refer to them by value. Five accounts cover the cases a client meets: a Business account reachable through
// both logins, a Creator on Instagram Login only, a Business and a Creator on Facebook Login only (Business
// Discovery targets, one with 40 media to page through, hidden likes and a reel with copyrighted audio), and a
// personal account (its Page shows no `instagram_business_account`; it cannot link). Media are dated before
// the clock's start, a few within the last 24 h so hashtag and story rules have something to show.
import { SeededRandom, idSequences } from './ids.js';
import { World, type Account, type MediaKind } from './world.js';

const HOUR = 3_600_000;

const CAPTIONS = [
  'Golden hour over the harbour #sunset #igcord',
  'New print drop this week #prints',
  'Behind the scenes of the shoot #bts',
  'Morning light on the trail #hiking #sunset',
  'Coffee, notes and a new idea #coffee',
  'Three frames from the weekend #film',
  'Tide out, boots on #coast',
  'The studio after hours #igcord',
];

const COMMENTERS = ['sam.reads', 'juno.pix', 'arto_k', 'mei.lin', 'oskar.b'];
const COMMENT_TEXTS = ['Love this!', 'Where was this taken?', 'So good 🔥', 'Beautiful light', 'Need this print'];

export function seedWorld(seed: string | number, start: number, cdn: string): World {
  const random = new SeededRandom(seed);
  const world = new World(idSequences(seed), random, cdn);

  const account = (
    username: string,
    name: string,
    accountType: Account['accountType'],
    login: Account['login'],
    impressions: number,
  ) =>
    world.addAccount({
      username,
      name,
      accountType,
      login,
      biography: `${name} on Instagram`,
      website: `https://example.com/${username.replace(/[^a-z]/g, '')}`,
      followersCount: random.int(200, 50_000),
      followsCount: random.int(50, 900),
      impressions,
    });

  const studio = account('igcord.studio', 'igcord Studio', 'BUSINESS', 'both', 1000);
  const lena = account('lena.creates', 'Lena Creates', 'MEDIA_CREATOR', 'instagram', 500);
  const harbor = account('harbor.cafe', 'Harbor Café', 'BUSINESS', 'facebook', 800);
  const trails = account('north.trails', 'North Trails', 'MEDIA_CREATOR', 'facebook', 300);
  const mila = account('mila.personal', 'Mila', 'PERSONAL', 'both', 0);

  const ada = world.addFacebookUser('Ada Lindqvist');
  world.addPage(ada, 'igcord Studio', studio);
  world.addPage(world.addFacebookUser('Hanna Harbor'), 'Harbor Café', harbor);
  world.addPage(world.addFacebookUser('Niko Trails'), 'North Trails', trails);
  world.addPage(world.addFacebookUser('Mila Personal'), "Mila's Page", mila);

  const kinds: MediaKind[] = ['image', 'image', 'carousel', 'video', 'reel', 'image'];
  const post = (owner: Account, count: number, everyHours: number) => {
    for (let i = 0; i < count; i++) {
      world.addMedia({
        ownerId: owner.id,
        kind: kinds[i % kinds.length] ?? 'image',
        caption: CAPTIONS[(i + owner.username.length) % CAPTIONS.length] ?? '',
        timestampMs: start - (i + 1) * everyHours * HOUR,
        ...(owner === trails && i === 1 ? { likesHidden: true } : {}),
        ...(owner === trails && i % kinds.length === 4 && i < 12 ? { copyrightedAudio: true } : {}),
        ...(owner === harbor && i % 3 === 0 ? { tagged: [studio.id] } : {}),
      });
    }
  };
  post(studio, 30, 5);
  post(lena, 12, 7);
  post(harbor, 8, 4);
  post(trails, 40, 3);
  post(mila, 5, 9);

  // One story still up and one already gone (stories live 24 h).
  world.addMedia({ ownerId: studio.id, kind: 'story', timestampMs: start - 2 * HOUR });
  world.addMedia({ ownerId: studio.id, kind: 'story', timestampMs: start - 30 * HOUR });

  // Comments from outsiders on the studio's newest media, the first answered by the studio.
  for (const media of world.feedOf(studio.id, start).slice(0, 5)) {
    for (let j = 0; j < 2; j++) {
      const username = random.pick(COMMENTERS);
      const comment = world.addComment({
        mediaId: media.id,
        fromId: world.outsiderId(username),
        username,
        text: random.pick(COMMENT_TEXTS),
        timestampMs: media.timestampMs + (j + 1) * 600_000,
      });
      if (j === 0) {
        world.addComment({
          mediaId: media.id,
          parentId: comment.id,
          fromId: studio.id,
          username: studio.username,
          text: `@${username} thank you!`,
          timestampMs: comment.timestampMs + 300_000,
        });
      }
    }
  }
  return world;
}
