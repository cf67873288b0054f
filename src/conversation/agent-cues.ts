/**
 * What an agent says that changes how a contact ends: an apology, a concrete
 * promise with a time, or announcing a transfer. Agent words inform the risk
 * but are never read as the customer's feelings.
 */
export type AgentCueKind = 'apology' | 'promise' | 'transfer';

export interface AgentCue {
  kind: AgentCueKind;
  /** The matched words in the agent's turn. */
  text: string;
  /** Index of the turn in the interaction's turn list. */
  turn: number;
}

const APOLOGY = ['对不起', '抱歉', '不好意思', '致歉', '道歉', '给您添麻烦', 'sorry', 'apologise', 'apologize', 'apologies'];
const COMMITMENT = ['我们会', '我会', '会在', '将在', '保证', '一定会', "we'll", 'we will', "i'll", 'i will', 'we are going to'];
const TIME = [
  '小时内', '分钟内', '工作日内', '天内', '今天', '明天', '今晚', '下午', '上午', '点前', '点之前',
  'within', 'by tomorrow', 'today', 'tonight', 'tomorrow', ' pm', ' am', 'hours', 'minutes', 'business day', 'by monday', 'by friday',
];
const TRANSFER = ['转接', '转给', '帮您转', '转到', '转交', 'transfer you', 'transferring you', 'put you through', 'connect you to', 'pass you to'];

/**
 * Finds agent cues in one turn. Agent turns are short and the phrase lists
 * small, so a lower-cased indexOf per phrase is linear enough here; the
 * customer's words go through the one-pass lexicon analyzer instead.
 */
export function findAgentCues(text: string, turn: number): AgentCue[] {
  const lower = text.length > 2_000 ? text.slice(0, 2_000).toLowerCase() : text.toLowerCase();
  const cues: AgentCue[] = [];
  const apology = firstOf(lower, APOLOGY);
  if (apology !== undefined) cues.push({ kind: 'apology', text: text.slice(apology.at, apology.at + apology.phrase.length), turn });
  const commitment = firstOf(lower, COMMITMENT);
  if (commitment !== undefined && firstOf(lower, TIME) !== undefined) {
    const end = sentenceEnd(lower, commitment.at);
    cues.push({ kind: 'promise', text: text.slice(commitment.at, end), turn });
  }
  const transfer = firstOf(lower, TRANSFER);
  if (transfer !== undefined) cues.push({ kind: 'transfer', text: text.slice(transfer.at, transfer.at + transfer.phrase.length), turn });
  return cues;
}

function firstOf(lower: string, phrases: readonly string[]): { at: number; phrase: string } | undefined {
  let best: { at: number; phrase: string } | undefined;
  for (const phrase of phrases) {
    const at = lower.indexOf(phrase);
    if (at !== -1 && (best === undefined || at < best.at)) best = { at, phrase };
  }
  return best;
}

const SENTENCE_ENDS = new Set(['。', '！', '？', '.', '!', '?', '\n', '；', ';']);

/** The promise quoted up to the end of its sentence, at most 60 characters. */
function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 60);
  for (let i = from; i < limit; i++) if (SENTENCE_ENDS.has(text[i] as string)) return i;
  return limit;
}
