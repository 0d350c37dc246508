// A modal igcord opens, asked field by field at the console: each text input's label is the prompt, optional
// fields say so, and a prefilled value is shown and kept when the person just presses Enter.
import type { ConsoleSession } from './console-session.js';

/** The part of Discord's modal payload the console reads. */
export interface ModalData {
  custom_id: string;
  title: string;
  components: {
    components: { custom_id: string; label: string; required?: boolean; placeholder?: string; value?: string }[];
  }[];
}

/** The fields to submit by custom id, or undefined when input ended before the form was complete. */
export async function askModalFields(
  session: ConsoleSession,
  data: ModalData,
): Promise<Record<string, string> | undefined> {
  session.say(`igcord opened a form: ${data.title}`);
  const fields: Record<string, string> = {};
  for (const row of data.components) {
    for (const input of row.components) {
      const prefilled = input.value ? ` [${input.value}; Enter keeps it]` : '';
      const answer = await session.readLine(
        `  ${input.label}${input.required === false ? ' (optional)' : ''}${prefilled}: `,
      );
      if (answer === undefined) return undefined;
      // As in Discord, a prefilled field left alone is submitted with its prefilled value.
      if (answer === '' && input.value) continue;
      fields[input.custom_id] = answer;
    }
  }
  return fields;
}
