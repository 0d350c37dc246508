// What the console's parts share while a person uses it: the sandbox they act in, how ids and names translate,
// how to print and read a line, and what the last answers left behind (its numbered buttons, the OAuth sign-in
// address, the linking reply to show again once edited, the channels being watched).
import type { APIMessage, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Sandbox } from '../sandbox.js';
import type { MentionResolver } from './parse-slash-command.js';
import type { ConsoleButton, RenderNames } from './render-message.js';

/** One interaction sent to the Discord fake, whose answer the console waits for. */
export type AnswerHandle = ReturnType<Sandbox['discord']['sendCommand']>;

/** An interaction whose later messages the console prints (follow-ups.ts). */
export interface FollowedInteraction {
  handle: AnswerHandle;
  /** Prints messages of this interaction as igcord's answer. */
  print(messages: APIMessage[]): void;
  /** Ids of the messages already printed (the original counts once it is no longer "thinking"). */
  printed: Set<string>;
  until: number;
}

/** The interactions being followed and the one timer that reads them. */
export interface FollowUpWatch {
  followed: FollowedInteraction[];
  timer: NodeJS.Timeout | undefined;
}

/** A button as printed, with the message it belongs to and who got it, so `press N` can act on it as them. */
export interface ButtonRef extends ConsoleButton {
  messageId: string;
  userId: string;
}

export interface ConsoleSession {
  readonly discord: Sandbox['discord'];
  readonly people: Sandbox['people'];
  readonly guild: Sandbox['guild'];
  readonly personId: string;
  /** Who the current line acts as: the person, or the member named by `as <member> …` while that line runs. */
  actorId: string;
  /** #general, where the person types their commands. */
  readonly channelId: string;
  /** The command definitions igcord registered. */
  readonly definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  readonly names: RenderNames;
  readonly mentions: MentionResolver;
  /** Channel id → name in the sandbox guild, deleted channels included. */
  readonly channelNames: Map<string, string>;
  /** Channel name → id of the channels that exist. */
  readonly channels: Map<string, string>;
  readonly answerTimeoutMs: number;
  say(text: string): void;
  /** Asks for one line; undefined when input has ended. */
  readLine(prompt: string): Promise<string | undefined>;
  /** Redraws the prompt and what the person had typed so far (on a terminal; nothing on a pipe). */
  redrawPrompt(): void;
  /** The numbered buttons of the last answer shown. */
  buttons: ButtonRef[];
  /** The last OAuth sign-in address a Link button carried. */
  oauthUrl: string | undefined;
  /** The interaction whose answer carried the Link button: its reply is edited once the callback has linked. */
  linkingHandle: { handle: AnswerHandle; shown: string } | undefined;
  /** Channel id → the timer printing its new messages. */
  readonly watches: Map<string, NodeJS.Timeout>;
  /** Interactions whose later messages (follow-ups) are printed as they come. */
  readonly followUps: FollowUpWatch;
  /** Set by `quit`: the console stops after the current line. */
  quitting: boolean;
}
