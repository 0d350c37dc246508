// A JSON value as the emulator answers it. Its own module because both the world (stored payloads) and the
// renderers (answers built from the world) use it, and neither may import the other back.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
