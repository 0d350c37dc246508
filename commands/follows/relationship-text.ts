// Plain sentences for a relationship between the invoker and another Instagram user (core's Relationship:
// outgoing follows / requested / none, incoming followed-by / requested-by / none, and whether the other account
// is private), and for the outcome of each follow action.
import type { Relationship, RelationshipAction } from '../../src/core/index.js';
import { plain } from '../../src/discord/embeds/text.js';

const at = (username: string) => `**${plain(`@${username}`)}**`;

export function describeRelationship(username: string, relationship: Relationship): string {
  const lines: string[] = [];
  switch (relationship.outgoing) {
    case 'follows':
      lines.push(`You follow ${at(username)}.`);
      break;
    case 'requested':
      lines.push(`You asked to follow ${at(username)}; the request is pending.`);
      break;
    case 'none':
      lines.push(`You do not follow ${at(username)}.`);
      break;
  }
  switch (relationship.incoming) {
    case 'followed-by':
      lines.push(`${at(username)} follows you.`);
      break;
    case 'requested-by':
      lines.push(`${at(username)} asked to follow you: answer with \`/follows approve\` or \`/follows ignore\`.`);
      break;
    case 'none':
      lines.push(`${at(username)} does not follow you.`);
      break;
    case undefined:
      break;
  }
  if (relationship.targetIsPrivate) lines.push(`${at(username)}'s account is private.`);
  return lines.join('\n');
}

/**
 * What happened, in words, after `action` answered with `relationship`. An unfollow answers `none` whether a
 * follow or a pending request was undone, so `before` (the outgoing status read first) tells which it was.
 */
export function describeAction(
  action: RelationshipAction,
  username: string,
  relationship: Relationship,
  before?: Relationship,
): string {
  switch (action) {
    case 'follow':
      return relationship.outgoing === 'requested'
        ? `${at(username)} is private: your follow request was sent and waits for their approval.`
        : relationship.outgoing === 'follows'
          ? `You now follow ${at(username)}.`
          : `Instagram did not record a follow of ${at(username)}.`;
    case 'unfollow':
      if (before?.outgoing === 'requested') return `Request withdrawn: you no longer ask to follow ${at(username)}.`;
      if (before?.outgoing === 'none') return `You were not following ${at(username)}; nothing changed.`;
      return `You no longer follow ${at(username)}.`;
    case 'approve':
      return `You approved ${at(username)}'s request: they now follow you.`;
    case 'ignore':
      return `You ignored ${at(username)}'s request to follow you.`;
  }
}
