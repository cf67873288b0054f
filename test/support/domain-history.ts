import { seededRandom } from '../../src/calibrate/seeded-random.js';
import type { LabeledRecord } from '../../src/calibrate.js';

/**
 * A team's labelled history in words the built-in lexicon does not know:
 * an airline's "bumped", a bank's "积分 被清零". Complaints use
 * the domain's problem words; calm contacts its routine ones. Customer data
 * is sprinkled in as real exports have it: names, phone and card numbers,
 * e-mail addresses, URLs, @handles and reference codes, none of which may
 * ever become a learned term. Our own sentences.
 */
// Words the built-in lexicon reads as neutral: only a team's own history can say which go with complaints.
const COMPLAINT = ['bumped off the list', 'luggage went to another city', 'gate agent shrugged', '积分 被清零', '手续费 扣了 两遍', '额度 莫名 降了'];
const CALM = ['seat upgrade confirmed', 'boarding pass arrived', 'lounge access works', 'meal voucher handed over', '积分 到账', '账单 已经 收到'];
const FILLER = ['please check', 'my booking', 'today', '请 查一下', '谢谢'];
/** One-off customer data: each value appears in a single record. */
const ONE_OFF = (i: number): string[] => [`mr zhangwei${'abcdefghij'[i % 10]}${'klmnopqrst'[(i >> 3) % 10]}`, `call me on 1380013${String(i).padStart(4, '0')}`, `order AB${1000 + i}`];
/** Customer data that recurs (a help desk's address, a shared link, a handle) yet is still no language. */
const RECURRING = ['write to help@skybank.com', 'see https://skybank.example/refunds', 'cc @SkyBankHelp', 'ref_case_open', 'token deadbeefcafe'];

export function domainHistory(n: number, seed: number): LabeledRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const records: LabeledRecord[] = [];
  for (let i = 0; i < n; i++) {
    const complaint = random() < 0.35;
    const words = [pick(complaint ? COMPLAINT : CALM), pick(FILLER)];
    if (random() < 0.3) words.push(pick(complaint ? COMPLAINT : CALM));
    if (random() < 0.2) words.push(pick(ONE_OFF(i)));
    if (random() < 0.15) words.push(pick(RECURRING));
    // Labels follow the words, with noise: words are evidence, not certainty.
    const label = random() < 0.1 ? !complaint : complaint;
    records.push({ channel: pick(['chat', 'email', 'app'] as const), text: words.join(', '), label });
  }
  return records;
}
