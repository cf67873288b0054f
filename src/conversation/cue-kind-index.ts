/**
 * A cue kind's place in CUE_KINDS, or -1 for any other string. Written as
 * a switch over the names: each case compares with a string the compiler
 * knows (one pointer comparison), where a Map or Set lookup per cue cost
 * twice as much, and the cue digest asks this of every cue up to four
 * times per score(). cue-kind-index.test.ts holds it to CUE_KINDS.
 */
export function kindIndex(kind: string): number {
  switch (kind) {
    case 'negative': return 0;
    case 'positive': return 1;
    case 'negation': return 2;
    case 'intensifier': return 3;
    case 'dampener': return 4;
    case 'contrast': return 5;
    case 'punctuation': return 6;
    case 'caps': return 7;
    case 'emoji': return 8;
    case 'repetition': return 9;
    case 'intent': return 10;
    case 'wait': return 11;
    case 'repeat': return 12;
    case 'unresolved': return 13;
    case 'billing': return 14;
    case 'delivery': return 15;
    case 'attitude': return 16;
    case 'fairness': return 17;
    case 'term': return 18;
    default: return -1;
  }
}

