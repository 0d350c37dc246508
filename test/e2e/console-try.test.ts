// The sandbox console can show what the README promises, as a new user tries it: autocomplete (`?` after an
// option), the guild's roles and members, acting as a member without Manage Server, deleting a channel and taking a
// permission from igcord in one channel (the feed then stops with a reason), in readable words. Driven in process
// against the real bot, the Discord fake and the Instagram emulator (test/support/console-driver.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleDriver, type ConsoleDriver } from '../support/console-driver.js';
import { eventually } from '../support/feeds-igcord.js';

/** Two spaces or more between words, once the padding that frames an embed box is set aside. */
function doubleSpaces(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim().replace(/^│ (.*?) *│$/, '$1'))
    .filter((line) => /\S {2,}\S/.test(line));
}

describe('trying the README at the sandbox console', () => {
  let c: ConsoleDriver;
  beforeAll(async () => {
    c = await startConsoleDriver();
    await c.igcord.link(c.igcord.personId, 'mila.garden');
  });
  afterAll(async () => {
    await c?.close();
  });

  it('help lists the console commands for roles, members, acting as someone and changing channels', async () => {
    c.type('help');
    const out = await c.waitFor(/Slash commands:[\s\S]*\/user search/);
    for (const command of [
      'roles',
      'members',
      'as <member> /',
      'delete-channel #channel',
      'deny #channel <permission>',
      'allow #channel <permission>',
      'ends with ?',
    ]) {
      expect(out).toContain(command);
    }
    expect(doubleSpaces(out)).toEqual([]);
  });

  it('suggests usernames when ? follows a partly typed option, through a real autocomplete interaction', async () => {
    c.type('/user profile user:mat?');
    const out = await c.waitFor(/Suggestions for user[\s\S]*\n$/);
    expect(out).toContain('mateo_rios');
    expect(out).not.toContain('not an Instagram username');
  });

  it('suggests hashtags for /tag info name:sun? and says when there is nothing to suggest', async () => {
    c.type('/tag info name:?');
    expect(await c.waitFor(/No suggestions/)).toContain('name');
    c.type('/tag info name:sun?');
    expect(await c.waitFor(/Suggestions for name[\s\S]*#sun/)).toMatch(/posts/);
  });

  it('lists the guild roles and whether each can be mentioned', async () => {
    c.type('roles');
    const out = await c.waitFor(/@admin/);
    expect(out).toMatch(/@admin\b.*not mentionable/);
    expect(out).toMatch(/@everyone/);
    expect(out).toMatch(/@igcord\b.*igcord's own role/);
  });

  it('lists the members, one of them without Manage Server, and runs a command as that member', async () => {
    c.type('members');
    const out = await c.waitFor(/sam/);
    expect(out).toMatch(/you\b.*Manage Server/);
    expect(out).toMatch(/sam\b.*without Manage Server/);
    c.type('as sam /feed list');
    expect(await c.waitFor(/Manage Server/)).toMatch(/\/feed.*sam|sam.*\/feed/);
    c.type('as sam /instagram me');
    expect(await c.waitFor(/igcord \(only sam can see this\):/)).toMatch(/not linked|Link/i);
  });

  it('disables a feed with a reason once igcord may no longer post in its channel, and allows it again', async () => {
    c.type('/feed add-account channel:#instagram');
    const feedId = (await c.waitFor(/Feed `(\w+)` added/)).match(/Feed `(\w+)` added/)![1]!;
    c.type('deny #instagram SendMessages');
    expect(await c.waitFor(/#instagram/)).toMatch(/igcord.*no longer.*Send Messages/i);
    c.type('post mila.garden Basil under a lost permission');
    await c.waitFor(/posted media/);
    await eventually(
      async () => (await c.igcord.app.storage.feeds.get(feedId))?.state.kind === 'disabled',
      'the feed to be disabled',
    );
    c.type('/feed list');
    const list = await c.waitFor(/Feed `\w+`[\s\S]*└─+┘/);
    expect(list).toMatch(/disabled/i);
    expect(list).toMatch(/permission/i);
    c.type('allow #instagram SendMessages');
    expect(await c.waitFor(/#instagram/)).toMatch(/igcord.*may.*Send Messages/i);
    c.type(`/feed remove feed:${feedId}`);
    await c.waitFor(/Remove feed `\w+`/);
    c.type('press 1');
    await c.waitFor(/is removed/);
  });

  it('deletes a channel, after which the feed posting there is disabled with a reason', async () => {
    c.type('/feed add-account channel:#instagram');
    const feedId = (await c.waitFor(/Feed `(\w+)` added/)).match(/Feed `(\w+)` added/)![1]!;
    c.type('delete-channel #instagram');
    expect(await c.waitFor(/Deleted #instagram/)).not.toContain('✗');
    c.type('channels');
    expect(await c.waitFor(/#general/)).not.toContain('#instagram');
    c.type('post mila.garden Basil for a deleted channel');
    await c.waitFor(/posted media/);
    await eventually(
      async () => (await c.igcord.app.storage.feeds.get(feedId))?.state.kind === 'disabled',
      'the feed to be disabled',
    );
    c.type('/feed list');
    expect(await c.waitFor(/Feed `\w+`[\s\S]*└─+┘/)).toContain('channel was deleted');
  });

  it('prints usernames as Discord shows them, without markdown escapes', async () => {
    c.type('/follows status user:mateo_rios');
    const out = await c.waitFor(/mateo/);
    expect(out).toContain('@mateo_rios');
    expect(out).not.toContain('\\_');
    expect(out).not.toContain('**');
  });

  it('says a withdrawn follow request was withdrawn, not that you no longer follow', async () => {
    c.type('/follows follow user:priya.sketches');
    expect(await c.waitFor(/request was sent/)).toContain('@priya.sketches');
    c.type('/follows unfollow user:priya.sketches');
    const out = await c.waitFor(/priya/);
    expect(out).toMatch(/Request withdrawn/);
    expect(out).not.toContain('no longer follow');
  });

  it('confirms a like and an unlike in one short line, without sending the post again', async () => {
    const media = c.igcord.emulator.admin.postMedia('mateo_rios', {
      type: 'carousel',
      caption: 'Three views of the harbour',
    });
    c.type(`/media like media:${String(media.id)}`);
    const liked = await c.waitFor(/You like/);
    expect(liked).not.toMatch(/┌─|image:/);
    expect(liked).toMatch(/likes?\b/);
    c.type(`/media unlike media:${String(media.id)}`);
    const unliked = await c.waitFor(/no longer like/);
    expect(unliked).not.toMatch(/┌─|image:/);
  });

  it('printed no double spaces between words in the whole session', () => {
    expect(doubleSpaces(c.output())).toEqual([]);
  });
});
