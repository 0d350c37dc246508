// What an admin types into /feed template's modal, read into a template: the four text boxes as typed, and the
// fifth box's `name: value` lines, each mistake named so the admin can fix it.
import { describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../../../src/core/index.js';
import { moreText, readTemplateModal, templateModal } from '../../../commands/feed/template-modal.js';

const boxes =
  (more: string, rest: Record<string, string> = {}) =>
  (id: string) =>
    ({ content: '', title: ' {kind} ', description: '{caption}', footer: '', more, ...rest })[id] ?? '';

describe('the template modal', () => {
  it('reads back what it was prefilled with', () => {
    const modal = templateModal('abc', STARTER_TEMPLATE);
    const values = Object.fromEntries(
      modal.components.map((row) => {
        const input = (row as { components: { custom_id: string; value?: string }[] }).components[0]!;
        return [input.custom_id, input.value ?? ''];
      }),
    );
    expect(readTemplateModal((id) => values[id] ?? '')).toEqual({ template: STARTER_TEMPLATE });
    expect(moreText(STARTER_TEMPLATE)).toContain('colour: #E1306C');
  });

  it('reads colours with or without #, none, and the image and button settings', () => {
    const read = readTemplateModal(boxes('author: {author_name}\ncolor: 00ff00\nimage: ALL\nbutton: yes'));
    expect(read).toEqual({
      template: {
        content: '',
        title: '{kind}',
        description: '{caption}',
        footer: '',
        author: '{author_name}',
        colour: 0x00ff00,
        image: 'all',
        button: true,
      },
    });
    const none = readTemplateModal(boxes('colour: none'));
    expect('template' in none && none.template.colour).toBeUndefined();
  });

  it('names every mistake: a bad colour, image or button, and an unknown setting', () => {
    const read = readTemplateModal(boxes('colour: #12345\nimage: some\nbutton: maybe\nsize: big'));
    expect('problems' in read && read.problems).toEqual([
      expect.stringContaining('`#12345` is not a colour'),
      expect.stringContaining('must be first, all (a gallery) or none'),
      expect.stringContaining('must be on or off'),
      expect.stringContaining('`size: big` is not a setting'),
    ]);
  });
});
