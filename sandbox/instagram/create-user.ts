// Adds a user to a running emulator's world beyond the seeded ten: the admin extension that lets tests and
// benchmarks work at a scale the sandbox rule (at most 10 sandbox users, reference §7.1) never allowed. A created
// user has the same shape as a seeded one — numeric id, profile picture on the CDN, counts — and no follows; it
// has media only when asked (`media: n`, dated in the hours before now, without notifications: they already
// existed) or once it posts. Its id is derived from the seed and its username, never from the seeded generator,
// so creating users leaves the seeded world unchanged and the same seed and username always give the same id.
import { createRandom } from './random.js';
import type { UserRecord, World } from './world.js';

export interface CreateUserInput {
  username: string;
  full_name?: string;
  is_private?: boolean;
  /** How many media it already has (0 by default, at most CREATED_USER_MAX_MEDIA). */
  media?: number;
}

/** Instagram usernames: 1–30 letters, digits, periods and underscores. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._]{1,30}$/;

/** Enough to page through a profile; more than the 20 a sandbox app sees, so the sandbox cut stays observable. */
export const CREATED_USER_MAX_MEDIA = 24;

const CAPTIONS = ['First post', 'Hello from igcord', 'Out and about #igcord', 'Weekend #travel', 'Coffee time #coffee'];

/** Why a user could not be created; the admin turns it into a 400 or a 409. */
export class CreateUserError extends Error {
  constructor(
    readonly reason: 'invalid' | 'taken',
    message: string,
  ) {
    super(message);
  }
}

export function createUser(world: World, seed: string | number, input: CreateUserInput, now: number): UserRecord {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new CreateUserError(
      'invalid',
      `username ${JSON.stringify(input.username)} must be 1–30 letters, digits, periods or underscores`,
    );
  }
  if (world.users.some((u) => u.username.toLowerCase() === input.username.toLowerCase())) {
    throw new CreateUserError('taken', `username ${JSON.stringify(input.username)} is taken`);
  }
  const mediaCount = input.media ?? 0;
  if (!Number.isInteger(mediaCount) || mediaCount < 0 || mediaCount > CREATED_USER_MAX_MEDIA) {
    throw new CreateUserError('invalid', `media must be an integer from 0 to ${CREATED_USER_MAX_MEDIA}`);
  }

  const rng = createRandom(`${String(seed)}/created-user/${input.username.toLowerCase()}`);
  // Same range as the seeded ids; bump past any id already taken (seeded or created).
  let id = rng.int(180_000_000, 3_900_000_000);
  while (world.user(String(id))) id += 1;
  const user: UserRecord = {
    id: String(id),
    username: input.username,
    fullName: input.full_name ?? '',
    profilePicture: `https://scontent.cdninstagram.com/t51.2885-19/s150x150/${id}_a.jpg`,
    bio: '',
    website: '',
    isPrivate: input.is_private ?? false,
    isBusiness: false,
  };
  world.addUser(user);

  for (let i = mediaCount; i > 0; i--) {
    const createdMs = now - i * 3_600_000;
    world.createMedia({
      ownerId: user.id,
      type: 'image',
      createdMs,
      filter: 'Normal',
      caption: {
        id: world.nextCommentId(),
        fromId: user.id,
        text: `${rng.pick(CAPTIONS)} (${mediaCount - i + 1})`,
        createdMs,
      },
      locationId: null,
      usersInPhoto: [],
      carouselItems: [],
    });
  }
  return user;
}
