// /ping: answers with how long the round trip took, so a person can check the bot is alive and responsive.
// The reference command for the module contract in src/discord/command.ts.
import { defineCommand } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';

const definition = defineSlash({ name: 'ping', description: 'Check that igcord is online and how fast it answers' });

export default defineCommand({
  ...slashCommand(definition, async (interaction, { respond, clock, t }) => {
    const latency = Math.max(0, clock.now() - interaction.createdTimestamp);
    await respond.reply({ content: t('ping.pong', { ms: latency }), ephemeral: true });
  }),
});
