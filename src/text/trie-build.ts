import { AMOUNT_STARTS, FOLD, NUMBER_SLOT } from './char-fold.js';
import { CHAR_INFO_SLOT_SHIFT, charInfo, childBit } from './char-info.js';
import { EDGE_STRIDE, META_FILTER_SHIFT, NO_NODE, ROOT_STRIDE, SLOT_ONLY, edgeHash, filterBit, metaOf, type LexiconTrie } from './trie-layout.js';

/**
 * Builds a trie; `terms[i]` (already folded, {n} already replaced by
 * NUMBER_SLOT) ends in entry `i`. Later duplicates win. Edges go first into
 * a table sized for the worst case of one node per character (one probe per
 * character, no Map), then into the final one sized to the edges made. What
 * a node's meta and a root slot say of the children is noted as each edge
 * is made, so no pass over the tables is needed for it.
 */
export function buildTrie(terms: readonly string[]): LexiconTrie {
  let chars = 0;
  for (const term of terms) chars += term.length;
  let capacity = 16;
  while (capacity < chars * 2) capacity *= 2;
  const mask = capacity - 1;
  const rootEdges = new Int32Array(0x10000).fill(NO_NODE);
  const edgeNode = new Int32Array(capacity).fill(-1);
  const edgeCode = new Int32Array(capacity);
  const edgeChild = new Int32Array(capacity);
  // Per node (at most one per character): the entry ending there, its number slot and the child along it, its children's filter bits.
  const terminal = new Int32Array(chars + 1).fill(-1);
  const hasSlot = new Uint8Array(chars + 1);
  const slotChildOf = new Int32Array(chars + 1).fill(-1);
  const filters = new Int32Array(chars + 1);
  // Root slots in the order their characters first start a term (at most one per term), then the amount starts; slot 0 stands for none.
  const slotOfCode = new Int32Array(0x10000);
  const slotOfNode = new Int32Array(chars + 1);
  const rootSlots = new Int32Array((Math.min(terms.length, 0x10000) + AMOUNT_STARTS.length + 1) * ROOT_STRIDE);
  rootSlots[0] = NO_NODE;
  let slots = 1;
  let nodes = 1;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    let node = 0;
    for (let k = 0; k < term.length; k++) {
      const code = term.charCodeAt(k);
      if (code === NUMBER_SLOT) hasSlot[node] = 1;
      if (node === 0 && code !== NUMBER_SLOT) {
        let next = rootEdges[code] as number;
        if (next < 0) {
          rootEdges[code] = next = nodes++;
          slotOfCode[code] = slots;
          slotOfNode[next] = slots;
          rootSlots[slots * ROOT_STRIDE] = next;
          slots++;
        }
        node = next;
        continue;
      }
      let h = edgeHash(node, code) & mask;
      for (;;) {
        const n = edgeNode[h] as number;
        if (n === -1) {
          edgeNode[h] = node;
          edgeCode[h] = code;
          const made = nodes++;
          edgeChild[h] = made;
          if (code === NUMBER_SLOT) slotChildOf[node] = made;
          else noteChild(filters, rootSlots, slotOfNode[node] as number, node, code);
          break;
        }
        if (n === node && edgeCode[h] === code) break;
        h = (h + 1) & mask;
      }
      node = edgeChild[h] as number;
    }
    if (node !== 0) terminal[node] = i;
  }
  if (hasSlot[0] === 1) {
    for (const c of AMOUNT_STARTS) {
      if (slotOfCode[c] !== 0) continue;
      slotOfCode[c] = slots;
      rootSlots[slots * ROOT_STRIDE] = SLOT_ONLY;
      slots++;
    }
  }
  const finalTerminal = terminal.slice(0, nodes);
  const finalSlot = hasSlot.slice(0, nodes);
  const metas = new Int32Array(nodes);
  for (let n = 0; n < nodes; n++) metas[n] = metaOf(finalTerminal[n] as number, finalSlot[n] as number) | (filters[n] as number);
  const root = rootSlots.slice(0, slots * ROOT_STRIDE);
  for (let slot = 1; slot < slots; slot++) {
    const node = root[slot * ROOT_STRIDE] as number;
    if (node >= 0) root[slot * ROOT_STRIDE + 1] = metas[node] as number;
  }
  const info = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const folded = FOLD[c] as number;
    info[c] = charInfo(folded) | ((slotOfCode[folded] as number) << CHAR_INFO_SLOT_SHIFT);
  }
  // Every node but the root has one incoming edge; those from the root sit in `root`, except a slot edge.
  let edgeSlots = 16;
  while (edgeSlots < nodes * 2) edgeSlots *= 2;
  const edgeMask = edgeSlots - 1;
  const edges = new Int32Array(edgeSlots * EDGE_STRIDE).fill(-1);
  for (let h = 0; h < capacity; h++) {
    const node = edgeNode[h] as number;
    if (node === -1) continue;
    const code = edgeCode[h] as number;
    const childNode = edgeChild[h] as number;
    let s = edgeHash(node, code) & edgeMask;
    while ((edges[s * EDGE_STRIDE] as number) !== -1) s = (s + 1) & edgeMask;
    const at = s * EDGE_STRIDE;
    edges[at] = node;
    edges[at + 1] = code;
    edges[at + 2] = childNode;
    edges[at + 3] = metas[childNode] as number;
  }
  return { info, root, edges, edgeMask, metas, terminal: finalTerminal, hasSlot: finalSlot, slotChild: slotChildOf.slice(0, nodes) };
}

/** A child along `code` was made for `node` (root slot `parentSlot`, 0 when it is no child of the root): its filter bit, and its bit in the slot's set. */
function noteChild(filters: Int32Array, rootSlots: Int32Array, parentSlot: number, node: number, code: number): void {
  filters[node] = (filters[node] as number) | (1 << (META_FILTER_SHIFT + filterBit(code)));
  if (parentSlot === 0) return;
  const bit = childBit(code);
  const word = parentSlot * ROOT_STRIDE + (bit < 32 ? 2 : 3);
  rootSlots[word] = (rootSlots[word] as number) | (1 << (bit & 31));
}
