/**
 * Mines (word, weight) figures from labelled complaint tweets: words whose
 * presence raises or lowers the odds of a complaint, beyond chance, across
 * several industries. Only words and numbers leave this script; no text.
 */
export interface MiningRow {
  text: string;
  /** A complaint. */
  negative: boolean;
  /** The industry or brand domain the row came from. */
  group?: string;
}

export interface MinedWord {
  term: string;
  /** Valence on VADER's scale: negative = complaint-leaning. */
  valence: number;
}

export interface MiningOptions {
  /** Rows a word must appear in. */
  minRows: number;
  /** Distinct groups (domains) a word must appear in, so brand names and product words drop out. */
  minGroups: number;
  /** |log-odds| / standard error a word must reach. */
  minZ: number;
  /** Valence per unit of log-odds. */
  scale: number;
  maxValence: number;
}

/**
 * Words that say nothing about how a contact went: function words (their
 * complaint lean only reflects that complaints are longer) and the nouns of
 * what a contact is about (account, order, app), which every contact-centre
 * message mentions whether or not it is a complaint.
 */
const NOT_MINED = new Set(
  `a an the and or but if so as at by for from in into of off on onto out over to up with without about than then there here
  i me my mine we us our you your yours he him his she her it its they them their this that these those what which who whom whose
  am is are was were be been being have has had do does did will would shall should can could may might must
  i'm i've i'd i'll you're you've you'll it's that's what's there's let's he's she's we're they're
  not no yes all any some every each both either neither one two just also only even too very more most much many such own same
  when where why how because while since until after before again once
  account accounts app apps order orders phone phones email emails website site online mobile store stores shop product products
  service services customer customers company staff driver drivers car cars train trains tv package packages delivery deliveries
  line policy stock dm card bank flight flights ticket tickets bill bills internet wifi today tomorrow yesterday`.split(/\s+/),
);

export const MINING_DEFAULTS: MiningOptions = { minRows: 8, minGroups: 3, minZ: 2.5, scale: 0.4, maxValence: 1 };

/** Lower-case word types in a text, skipping @handles, URLs, HTML entities and numbers. */
export function wordTypes(text: string): Set<string> {
  const out = new Set<string>();
  const cleaned = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/&[a-z]{2,6};/g, ' ')
    .replace(/[\u2019]/g, "'");
  for (const m of cleaned.matchAll(/[a-z][a-z']*[a-z]|[a-z]/g)) out.add(m[0]);
  return out;
}

export function mineWords(rows: readonly MiningRow[], skip: (term: string) => boolean, options: MiningOptions = MINING_DEFAULTS): MinedWord[] {
  const stats = new Map<string, { pos: number; neg: number; groups: Set<string> }>();
  let nPos = 0;
  let nNeg = 0;
  for (const row of rows) {
    if (row.negative) nPos++;
    else nNeg++;
    for (const w of wordTypes(row.text)) {
      let s = stats.get(w);
      if (s === undefined) stats.set(w, (s = { pos: 0, neg: 0, groups: new Set() }));
      if (row.negative) s.pos++;
      else s.neg++;
      s.groups.add(row.group ?? '');
    }
  }
  const out: MinedWord[] = [];
  for (const [term, s] of stats) {
    if (s.pos + s.neg < options.minRows || s.groups.size < options.minGroups || term.length < 2 || NOT_MINED.has(term) || skip(term)) continue;
    const a = s.pos + 0.5;
    const b = nPos - s.pos + 0.5;
    const c = s.neg + 0.5;
    const d = nNeg - s.neg + 0.5;
    const logOdds = Math.log(a / b) - Math.log(c / d);
    const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    if (Math.abs(logOdds / se) < options.minZ) continue;
    const valence = Math.max(-options.maxValence, Math.min(options.maxValence, -logOdds * options.scale));
    out.push({ term, valence: Math.round(valence * 100) / 100 });
  }
  return out.sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}
