import { defineScript } from '@redis/client';

/**
 * Writes a batch of results and acknowledges their entries, atomically per
 * entry and for the batch: Redis runs a script with nothing else in between.
 *
 * A result is written only if its entry is, at that moment, still pending
 * for this consumer; the same step XACKs it, so it stops being pending. Hence
 * at most one result per entry, whatever happens around it:
 *  - a worker that stalled past --claim-idle while another claimed its
 *    entries (XAUTOCLAIM moves ownership) finds them owned by the other and
 *    writes nothing;
 *  - a retry after a crash, or two processes under one consumer name, find
 *    the entry already acknowledged and write nothing.
 * And at least one: until its result is written an entry stays pending, so
 * a restarted consumer re-reads its own, and others claim a dead one's.
 * No marker keys, so nothing to expire or clean up.
 *
 * KEYS: input stream, output stream, dead-letter stream (may be the output).
 * ARGV: group, consumer, output MAXLEN (0 = no trimming), then one
 * (entry id, "1"|"0" for result|error, JSON) triple per entry.
 * Returns the number of results written (the rest were answered elsewhere).
 * In Redis Cluster the three keys must share a hash slot: name the streams
 * with one hash tag, e.g. {risk}:in, {risk}:out.
 */
const SCRIPT = `
local input, output, dead = KEYS[1], KEYS[2], KEYS[3]
local group, consumer, maxlen = ARGV[1], ARGV[2], tonumber(ARGV[3])
local written = 0
for i = 4, #ARGV, 3 do
  local entry, ok, json = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local pending = redis.call('XPENDING', input, group, entry, entry, 1)
  if pending[1] ~= nil and pending[1][2] == consumer then
    local target = output
    if ok == '0' then target = dead end
    if maxlen > 0 then
      redis.call('XADD', target, 'MAXLEN', '~', maxlen, '*', 'entry', entry, 'ok', ok, 'json', json)
    else
      redis.call('XADD', target, '*', 'entry', entry, 'ok', ok, 'json', json)
    end
    redis.call('XACK', input, group, entry)
    written = written + 1
  end
end
return written
`;

/** One entry's answer, as the script takes it. */
export interface EntryResult {
  entry: string;
  ok: boolean;
  json: string;
}

export interface ResultTarget {
  input: string;
  output: string;
  deadLetter: string;
  group: string;
  consumer: string;
  /** Approximate MAXLEN for the output streams; 0 keeps every entry. */
  outputMaxLen: number;
}

export const WRITE_RESULTS = defineScript({
  SCRIPT,
  NUMBER_OF_KEYS: 3,
  parseCommand(parser, target: ResultTarget, results: readonly EntryResult[]) {
    parser.pushKeys([target.input, target.output, target.deadLetter]);
    parser.push(target.group, target.consumer, String(target.outputMaxLen));
    for (const r of results) parser.push(r.entry, r.ok ? '1' : '0', r.json);
  },
  transformReply: (reply: unknown) => Number(reply),
});
