// Reads the stable id an interaction was answered with. A reply does not show its id to the person (it is not
// part of the message Discord renders); igcord records it on the interaction's log line "interaction answered
// with an error" as `replyId`, next to the `interactionId` the Discord fake's handle knows. Tests assert on that
// id rather than on the wording, which may change without the outcome changing.
import type { TestIgcord } from './igcord-harness.js';

/** The `replyId` logged for interaction `interactionId`, or undefined when it was answered without one. */
export function replyIdOf(igcord: Pick<TestIgcord, 'logs'>, interactionId: string): string | undefined {
  for (const line of igcord.logs().split('\n')) {
    if (!line.includes(interactionId)) continue;
    let entry: { interactionId?: unknown; replyId?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.interactionId === interactionId && typeof entry.replyId === 'string') return entry.replyId;
  }
  return undefined;
}
