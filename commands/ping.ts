// /ping: answers with how long the round trip took, so a person can check the bot is alive and responsive.
// The reference command for the module contract in src/discord/command.ts.
import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';

export default defineCommand({
  data: new SlashCommandBuilder().setName('ping').setDescription('Check that igcord is online and how fast it answers'),
  async execute(interaction, { respond, clock }) {
    const latency = Math.max(0, clock.now() - interaction.createdTimestamp);
    await respond.reply({ content: `Pong! Answered in ${latency} ms.`, ephemeral: true });
  },
});
