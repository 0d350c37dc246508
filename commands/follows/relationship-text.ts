// Plain sentences for a relationship between the invoker and another Instagram user (core's Relationship:
// outgoing follows / requested / none, incoming followed-by / requested-by / none, and whether the other account
// is private), and for the outcome of each follow action, in the reader's language (`t`); the username is
// Instagram's, bold and markdown-escaped, never translated.
import type { Relationship, RelationshipAction } from '../../src/core/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import type { Translate } from '../../src/i18n/i18n.js';

const at = (username: string) => `**${plain(`@${username}`)}**`;

export function describeRelationship(username: string, relationship: Relationship, t: Translate): string {
  const user = at(username);
  const lines: string[] = [];
  switch (relationship.outgoing) {
    case 'follows':
      lines.push(t('follows.relationship.follows', { user }));
      break;
    case 'requested':
      lines.push(t('follows.relationship.requested', { user }));
      break;
    case 'none':
      lines.push(t('follows.relationship.none', { user }));
      break;
  }
  switch (relationship.incoming) {
    case 'followed-by':
      lines.push(t('follows.relationship.followedBy', { user }));
      break;
    case 'requested-by':
      lines.push(t('follows.relationship.requestedBy', { user }));
      break;
    case 'none':
      lines.push(t('follows.relationship.notFollowedBy', { user }));
      break;
    case undefined:
      break;
  }
  if (relationship.targetIsPrivate) lines.push(t('follows.relationship.private', { user }));
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
  t: Translate,
  before?: Relationship,
): string {
  const user = at(username);
  switch (action) {
    case 'follow':
      return relationship.outgoing === 'requested'
        ? t('follows.action.requestSent', { user })
        : relationship.outgoing === 'follows'
          ? t('follows.action.followed', { user })
          : t('follows.action.notRecorded', { user });
    case 'unfollow':
      if (before?.outgoing === 'requested') return t('follows.action.withdrawn', { user });
      if (before?.outgoing === 'none') return t('follows.action.notFollowing', { user });
      return t('follows.action.unfollowed', { user });
    case 'approve':
      return t('follows.action.approved', { user });
    case 'ignore':
      return t('follows.action.ignored', { user });
  }
}
