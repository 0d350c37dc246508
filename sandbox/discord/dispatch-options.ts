// How one gateway event goes out: to which sessions (by intent) and with which payload per session. Its own module
// because the world (state.ts) emits events and the gateway delivers them, and neither may import the other back.
export interface DispatchOptions {
  /** The intent a session needs to receive the event (Discord drops it otherwise). */
  intent?: number;
  /** Builds the payload per session, for events whose content depends on intents (Message Content). */
  perSession?: (intents: number) => unknown;
}
