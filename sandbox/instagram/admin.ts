// The emulator's control surface for tests and people (the contract in the emulator brief): list the sandbox
// users, add users beyond the seeded ten (a test/benchmark extension, see create-user.ts), mint and revoke tokens
// without a browser, post and delete media (posting notifies subscriptions), inject faults, read the request and
// notification logs. The HTTP admin routes (admin-http.ts) call these.
import { z } from 'zod';
import { AdminError } from '../shared/admin-error.js';
import { createUser, CreateUserError, type CreateUserInput } from './create-user.js';
import { pkFromMediaId } from './ids.js';
import type { FaultSpec } from './faults.js';
import type { Notifier } from './notifier.js';
import type { Json } from './json.js';
import { fullUser, media } from './render.js';
import type { RequestLogEntry } from './request-log.js';
import type { EmulatorState, NotificationLogEntry } from './state.js';
import { ALL_SCOPES } from './tokens.js';
import type { MediaType, UserRecord } from './world.js';

// The admin's refusals, shared with the other emulator (../shared/admin-error.ts); callers import it from here.
export { AdminError };

export interface MintTokenInput {
  userId?: string;
  username?: string;
  /** A list, or a space-separated string like "basic likes"; default: all six scopes. */
  scopes?: string[] | string;
  clientId?: string;
}

export interface PostMediaInput {
  type?: MediaType;
  caption?: string;
  locationId?: string;
  taggedUsernames?: string[];
  /** A carousel's items in order, 2 to 10 (default image, video); ignored for other types. */
  carouselItems?: ('image' | 'video')[];
  /** Top-level media fields served as given (odd but valid media): e.g. `{ created_time: '99999999999999999' }`. */
  quirks?: Record<string, Json>;
}

export interface EmulatorAdmin {
  users(): { [key: string]: Json }[];
  /** Adds a user (beyond the sandbox's ten); answers it in the shape of `users()`. 400 invalid, 409 taken. */
  createUser(input: CreateUserInput): { [key: string]: Json };
  mintToken(input: MintTokenInput): { access_token: string; user: { [key: string]: Json } };
  revokeToken(accessToken: string): { revoked: boolean };
  postMedia(userId: string, input?: PostMediaInput): { [key: string]: Json };
  deleteMedia(mediaId: string): { deleted: boolean };
  injectFault(fault: FaultSpec): { id: string };
  removeFault(id: string): { removed: boolean };
  clearFaults(): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  notifications(): NotificationLogEntry[];
}

const scopeSchema = z.enum(ALL_SCOPES);

export function createAdmin(state: EmulatorState, notifier: Notifier): EmulatorAdmin {
  const { world } = state;
  const findUser = (idOrName: string | undefined): UserRecord => {
    const user = idOrName === undefined ? undefined : (world.user(idOrName) ?? world.userByName(idOrName));
    if (!user) throw new AdminError(404, `no sandbox user ${JSON.stringify(idOrName ?? '')}`);
    return user;
  };

  const described = (u: UserRecord): { [key: string]: Json } => ({
    ...fullUser(world, u),
    is_private: u.isPrivate,
    requested_by: world.requestersOf(u.id).map((e) => e.user.id),
  });

  return {
    users: () => world.users.map(described),

    createUser(input) {
      try {
        return described(createUser(world, state.settings.seed, input, state.now()));
      } catch (error) {
        if (error instanceof CreateUserError) throw new AdminError(error.reason === 'taken' ? 409 : 400, error.message);
        throw error;
      }
    },

    mintToken(input) {
      const user = findUser(input.userId ?? input.username);
      const clientId = input.clientId ?? [...state.clients.keys()][0];
      if (!clientId || !state.clients.has(clientId)) throw new AdminError(400, `unknown client_id`);
      const requested = typeof input.scopes === 'string' ? input.scopes.split(/[\s+]+/).filter(Boolean) : input.scopes;
      const scopes = requested ?? [...ALL_SCOPES];
      for (const scope of scopes) {
        if (!scopeSchema.safeParse(scope).success) throw new AdminError(400, `unknown scope ${JSON.stringify(scope)}`);
      }
      const accessToken = state.tokens.mint(user.id, clientId, scopes);
      const { id, username, full_name, profile_picture, bio, website, is_business } = fullUser(world, user);
      return {
        access_token: accessToken,
        user: { id, username, full_name, profile_picture, bio, website, is_business },
      } as {
        access_token: string;
        user: { [key: string]: Json };
      };
    },

    revokeToken: (accessToken) => ({ revoked: state.tokens.revoke(accessToken) }),

    postMedia(userId, input = {}) {
      const owner = findUser(userId);
      if (input.locationId !== undefined && !world.location(input.locationId)) {
        throw new AdminError(400, `unknown location ${JSON.stringify(input.locationId)}`);
      }
      const tagged = (input.taggedUsernames ?? []).map((name) => {
        const user = world.userByName(name);
        if (!user) throw new AdminError(400, `no sandbox user ${JSON.stringify(name)} to tag`);
        return { username: user.username, x: 0.5, y: 0.5 };
      });
      if (input.carouselItems && (input.carouselItems.length < 2 || input.carouselItems.length > 10)) {
        throw new AdminError(400, 'a carousel has 2 to 10 items');
      }
      const createdMs = state.now();
      const type = input.type ?? 'image';
      const record = world.createMedia({
        ownerId: owner.id,
        type,
        createdMs,
        filter: 'Normal',
        caption: input.caption ? { id: world.nextCommentId(), fromId: owner.id, text: input.caption, createdMs } : null,
        locationId: input.locationId ?? null,
        usersInPhoto: tagged,
        carouselItems: type === 'carousel' ? [...(input.carouselItems ?? ['image', 'video'])] : [],
        ...(input.quirks !== undefined ? { quirks: input.quirks } : {}),
      });
      notifier.mediaPosted(record);
      return media(world, record, null);
    },

    deleteMedia(mediaId) {
      const pk = pkFromMediaId(mediaId);
      return { deleted: pk !== undefined && world.deleteMedia(pk) };
    },

    injectFault: (fault) => state.faults.inject(fault),
    removeFault: (id) => ({ removed: state.faults.remove(id) }),
    clearFaults: () => state.faults.clear(),
    requests: () => state.requests.list(),
    clearRequests: () => state.requests.clear(),
    notifications: () => state.notifications.map((n) => ({ ...n })),
  };
}
