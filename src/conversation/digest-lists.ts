import { CUE_KINDS } from '../text/cue-kinds.js';
import { EvidenceList } from './evidence-list.js';

/** A digest's cues sorted into bounded lists, once a second piece comes or a list is asked for. */
export class DigestLists {
  /** Cues settled so far: each one's place in the customer text's cue order. */
  order = 0;
  /** The first MAX_EVIDENCE cues of each kind, by the kind's place in CUE_KINDS; made when the kind first occurs. */
  readonly byKind: (EvidenceList | undefined)[] = [];
  /** Kinds outside CUE_KINDS (none today): the same lists, by name. */
  otherKinds: Map<string, EvidenceList> | undefined;
  readonly byGroup: (EvidenceList | undefined)[] = [];
  unhappy: EvidenceList | undefined;
  happy: EvidenceList | undefined;

  otherKind(kind: string): EvidenceList {
    const others = (this.otherKinds ??= new Map());
    let list = others.get(kind);
    if (list === undefined) others.set(kind, (list = new EvidenceList()));
    return list;
  }

  /** Each kind's list, with its name, for merging a set no group keeps. */
  *kindLists(): Generator<[string, EvidenceList]> {
    for (let index = 0; index < CUE_KINDS.length; index++) {
      const list = this.byKind[index];
      if (list !== undefined) yield [CUE_KINDS[index] as string, list];
    }
    if (this.otherKinds !== undefined) yield* this.otherKinds;
  }
}
