// Shared set-up of the client's contract tests: a fresh emulator on an ephemeral port, igcord's client pointed at
// it, and the seeded sandbox users sorted into the roles the tests need (public, private with pending requests).
import {
  SANDBOX_CLIENT,
  startInstagramEmulator,
  type EmulatorOptions,
  type InstagramEmulator,
} from '../../../sandbox/instagram/index.js';
import type { Auth } from '../../../src/providers/v1/api-call.js';
import type { CallGate } from '../../../src/providers/v1/call-gate.js';
import { createInstagramClient, type InstagramClient } from '../../../src/providers/v1/client.js';

export interface SeededUser {
  id: string;
  username: string;
  is_private: boolean;
  requested_by: string[];
}

export interface EmulatorWorld {
  emulator: InstagramEmulator;
  client: InstagramClient;
  users: SeededUser[];
  publicUsers: SeededUser[];
  privateUsers: SeededUser[];
  /** A token for the user (all six scopes unless given). */
  auth(user: SeededUser, scopes?: string[]): Auth;
  close(): Promise<void>;
}

export interface WorldOptions extends EmulatorOptions {
  signedRequests?: boolean;
  gate?: CallGate;
  timeoutMs?: number;
}

export async function startWorld(options: WorldOptions = {}): Promise<EmulatorWorld> {
  const { signedRequests = false, gate, timeoutMs = 2_000, ...emulatorOptions } = options;
  const emulator = await startInstagramEmulator({
    ...emulatorOptions,
    clients: emulatorOptions.clients ?? [{ ...SANDBOX_CLIENT, signedRequests }],
  });
  const client = createInstagramClient({
    apiUrl: emulator.url,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    redirectUri: SANDBOX_CLIENT.redirectUris[0]!,
    timeoutMs,
    signedRequests,
    gate,
  });
  const users = emulator.admin.users() as unknown as SeededUser[];
  return {
    emulator,
    client,
    users,
    publicUsers: users.filter((u) => !u.is_private),
    privateUsers: users.filter((u) => u.is_private),
    auth(user, scopes) {
      const minted = emulator.admin.mintToken({ userId: user.id, ...(scopes ? { scopes } : {}) });
      return { userId: user.id, accessToken: minted.access_token };
    },
    close: () => emulator.close(),
  };
}
