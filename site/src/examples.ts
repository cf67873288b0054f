import type { Interaction, Turn } from 'complaint-risk';
import interactionLines from '../../fixtures/interactions.jsonl';
import interactionNames from '../../fixtures/interactions.expected.json';
import conversationList from '../../fixtures/conversations.json';

/** The project's own fixtures, bundled into the page so it needs no network. */
export interface Example {
  id: string;
  group: 'interactions' | 'conversations';
  label: string;
  interaction: Interaction;
  /** How to write its turns back into the text box. */
  style: 'zh' | 'en';
}

export interface Conversation {
  name: string;
  language: string;
  init: Partial<Interaction>;
  turns: Turn[];
}

const CJK = /[\u3400-\u9fff]/;

function styleOf(text: Interaction['text']): 'zh' | 'en' {
  const words = typeof text === 'string' ? text : (text ?? []).map((turn) => turn.text).join('');
  return CJK.test(words) ? 'zh' : 'en';
}

const names = interactionNames as ReadonlyArray<{ line: number; name: string; domain?: string }>;

export const conversations: readonly Conversation[] = conversationList as unknown as Conversation[];

export const examples: readonly Example[] = [
  ...interactionLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i): Example => {
      const interaction = JSON.parse(line) as Interaction;
      const named = names.find((n) => n.line === i + 1);
      return {
        id: `interaction-${i + 1}`,
        group: 'interactions',
        label: named === undefined ? `#${i + 1}` : `${named.domain === undefined ? '' : `${named.domain} · `}${named.name}`,
        interaction,
        style: styleOf(interaction.text),
      };
    }),
  ...conversations.map(
    (c, i): Example => ({
      id: `conversation-${i + 1}`,
      group: 'conversations',
      label: c.name,
      interaction: { channel: 'other', ...c.init, text: c.turns } as Interaction,
      style: c.language === 'zh' ? 'zh' : 'en',
    }),
  ),
];
