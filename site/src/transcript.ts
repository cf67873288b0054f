/**
 * Reading the text box: plain words, or a pasted transcript whose lines start
 * with a speaker ("客户：", "坐席：", "customer:", "agent:"), optionally after a
 * "[time]" (epoch milliseconds or an ISO-8601 date-time, as turns take).
 * Pure, so the Node tests can check it; the shapes match the library's Turn.
 */
export interface TranscriptTurn {
  speaker: 'customer' | 'agent';
  text: string;
  at?: number | string;
}

export type TextInput = { kind: 'text'; text: string } | { kind: 'turns'; turns: TranscriptTurn[] };

const SPEAKERS: Readonly<Record<string, TranscriptTurn['speaker']>> = {
  客户: 'customer',
  顾客: 'customer',
  customer: 'customer',
  坐席: 'agent',
  客服: 'agent',
  agent: 'agent',
};

const LINE = /^[ \t]*(?:\[([^\]\n]{1,40})\][ \t]*)?(客户|顾客|坐席|客服|customer|agent)[ \t]*[:：][ \t]*(.*)$/i;

function speakerLine(line: string): { speaker: TranscriptTurn['speaker']; at?: number | string; text: string } | undefined {
  const match = LINE.exec(line);
  if (match === null) return undefined;
  const speaker = SPEAKERS[(match[2] as string).toLowerCase()] as TranscriptTurn['speaker'];
  const stamp = match[1]?.trim();
  const text = (match[3] as string).trimEnd();
  if (stamp === undefined || stamp === '') return { speaker, text };
  return { speaker, at: /^-?\d+(?:\.\d+)?$/.test(stamp) ? Number(stamp) : stamp, text };
}

/** Turns when any line names a speaker; otherwise the text exactly as typed (evidence offsets point into it). */
export function readTextInput(value: string): TextInput {
  const lines = value.split(/\r\n|\r|\n/);
  if (!lines.some((line) => speakerLine(line) !== undefined)) return { kind: 'text', text: value };
  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | undefined;
  for (const line of lines) {
    const head = speakerLine(line);
    if (head !== undefined) {
      current = head.at === undefined ? { speaker: head.speaker, text: head.text } : { speaker: head.speaker, text: head.text, at: head.at };
      turns.push(current);
    } else if (line.trim() !== '') {
      // A line without a speaker continues the turn above it; words before the first speaker are the customer's.
      if (current === undefined) {
        current = { speaker: 'customer', text: line.trimEnd() };
        turns.push(current);
      } else current.text = current.text === '' ? line.trimEnd() : `${current.text}\n${line.trimEnd()}`;
    }
  }
  return { kind: 'turns', turns: turns.filter((turn) => turn.text.trim() !== '') };
}

/** The transcript a user would paste for these turns; `readTextInput` reads it back to the same turns. */
export function formatTranscript(turns: readonly TranscriptTurn[], style: 'zh' | 'en'): string {
  const names = style === 'zh' ? { customer: '客户：', agent: '坐席：' } : { customer: 'customer: ', agent: 'agent: ' };
  return turns.map((turn) => `${turn.at === undefined ? '' : `[${turn.at}] `}${names[turn.speaker]}${turn.text}`).join('\n');
}
