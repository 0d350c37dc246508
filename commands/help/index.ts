// /help: every command and subcommand igcord has, one line each, read from the definitions it loaded and
// registered — so a new command appears here by itself — and what this Instagram API cannot serve, with why.
// Private to the person who asked; a list too long for one message continues in follow-ups (help-messages.ts keeps
// each within Discord's limits).
import { defineCommand } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { helpMessages } from './help-messages.js';

const definition = defineSlash({ name: 'help', description: 'List every igcord command and what it does' });

export default defineCommand({
  ...slashCommand(definition, async (_interaction, ctx) => {
    const { respond, commandDefinitions, unavailableCommands, t, locale } = ctx;
    const reader = { t, locale, api: ctx.config.instagram.provider };
    for (const embeds of helpMessages(commandDefinitions, unavailableCommands, reader)) {
      // The first call answers the interaction; each further one is a private follow-up.
      await respond.reply({ embeds, ephemeral: true, allowedMentions: { parse: [] } });
    }
  }),
});
