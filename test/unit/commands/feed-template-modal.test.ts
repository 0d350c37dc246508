// What an admin types into /feed template's modal, read into a template: the four text boxes as typed, and the
// fifth box's `name: value` lines, each mistake named so the admin can fix it.
import { describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../../../src/core/index.js';
import { moreText, readTemplateModal, templateModal } from '../../../commands/feed/template-modal.js';
import { createTranslations } from '../../../src/i18n/i18n.js';

const translations = createTranslations();
const english = translations.forLocale('en-US');

const boxes =
  (more: string, rest: Record<string, string> = {}) =>
  (id: string) =>
    ({ content: '', title: ' {kind} ', description: '{caption}', footer: '', more, ...rest })[id] ?? '';

describe('the template modal', () => {
  it('reads back what it was prefilled with', () => {
    const modal = templateModal('abc', STARTER_TEMPLATE, english);
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
    const problems = 'problems' in read ? read.problems.map((p) => english(p.key, p.vars)) : [];
    expect(problems).toEqual([
      expect.stringContaining('`#12345` is not a colour'),
      expect.stringContaining('must be first, all (a gallery) or none'),
      expect.stringContaining('must be on or off'),
      expect.stringContaining('`size: big` is not a setting'),
    ]);
  });

  it('speaks the admin’s language in its title and labels, never in the settings it reads', () => {
    const modal = templateModal('abc', STARTER_TEMPLATE, translations.forLocale('pt-BR'));
    expect(modal.title).toBe('Modelo do feed abc');
    const labels = modal.components.map((row) => (row as { components: { label: string }[] }).components[0]!.label);
    expect(labels).toEqual([
      'Texto da mensagem',
      'Título do embed',
      'Descrição do embed',
      'Rodapé do embed',
      'Autor, cor, imagem, botão',
    ]);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(45);
    const more = (modal.components[4] as { components: { value?: string }[] }).components[0]!.value;
    expect(more).toContain('colour: #E1306C');
  });
});
