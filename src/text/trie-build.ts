import { FOLD, NUMBER_SLOT, NUMERAL } from './char-fold.js';
import { CHAR_INFO_SLOT_SHIFT, charInfo, childBit } from './char-info.js';
import { EDGE_STRIDE, META_FILTER_SHIFT, NO_NODE, ROOT_STRIDE, SLOT_ONLY, edgeHash, filterBit, metaOf, type LexiconTrie } from './trie-layout.js';

/**
 * Builds a trie; `terms[i]` (already folded, {n} already replaced by
 * NUMBER_SLOT) ends in entry `i`. Later duplicates win. Edges go first into
 * a table sized for the worst case of one node per character (one probe per
 * character, no Map), then into the final one sized to the edges made.
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
  const terminal = new Int32Array(chars + 1).fill(-1);
  const hasSlot = new Uint8Array(chars + 1);
  let nodes = 1;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    let node = 0;
    for (let k = 0; k < term.length; k++) {
      const code = term.charCodeAt(k);
      if (code === NUMBER_SLOT) hasSlot[node] = 1;
      if (node === 0 && code !== NUMBER_SLOT) {
        let next = rootEdges[code] as number;
        if (next < 0) rootEdges[code] = next = nodes++;
        node = next;
        continue;
      }
      let h = edgeHash(node, code) & mask;
      for (;;) {
        const n = edgeNode[h] as number;
        if (n === -1) {
          edgeNode[h] = node;
          edgeCode[h] = code;
          edgeChild[h] = nodes++;
          break;
        }
        if (n === node && edgeCode[h] === code) break;
        h = (h + 1) & mask;
      }
      node = edgeChild[h] as number;
    }
    if (node !== 0) terminal[node] = i;
  }
  const finalTerminal = terminal.slice(0, nodes);
  const finalSlot = hasSlot.slice(0, nodes);
  const metas = new Int32Array(nodes);
  for (let n = 0; n < nodes; n++) metas[n] = metaOf(finalTerminal[n] as number, finalSlot[n] as number);
  const slotChild = new Int32Array(nodes).fill(-1);
  for (let h = 0; h < capacity; h++) {
    const parent = edgeNode[h] as number;
    const code = edgeCode[h] as number;
    if (parent === -1) continue;
    if (code === NUMBER_SLOT) slotChild[parent] = edgeChild[h] as number;
    else metas[parent] = (metas[parent] as number) | (1 << (META_FILTER_SHIFT + filterBit(code)));
  }
  // Slot 0 stands for no entry; each folded code unit that starts one gets the next slot.
  const slotOfCode = new Int32Array(0x10000);
  let slots = 1;
  for (let c = 0; c < 0x10000; c++) if ((rootEdges[c] as number) >= 0 || (finalSlot[0] === 1 && NUMERAL[c] === 1)) slotOfCode[c] = slots++;
  const root = new Int32Array(slots * ROOT_STRIDE);
  root[0] = NO_NODE;
  // The slot of each child of the root, so its own children can be noted there.
  const slotOfNode = new Int32Array(nodes);
  for (let c = 0; c < 0x10000; c++) {
    const slot = slotOfCode[c] as number;
    if (slot === 0) continue;
    const node = rootEdges[c] as number;
    root[slot * ROOT_STRIDE] = node >= 0 ? node : SLOT_ONLY;
    root[slot * ROOT_STRIDE + 1] = node >= 0 ? (metas[node] as number) : 0;
    if (node >= 0) slotOfNode[node] = slot;
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
    const parentSlot = node > 0 ? (slotOfNode[node] as number) : 0;
    if (parentSlot > 0 && code !== NUMBER_SLOT) {
      const bit = childBit(code);
      const word = parentSlot * ROOT_STRIDE + (bit < 32 ? 2 : 3);
      root[word] = (root[word] as number) | (1 << (bit & 31));
    }
  }
  return { info, root, edges, edgeMask, metas, terminal: finalTerminal, hasSlot: finalSlot, slotChild };
}

