/**
 * A character trie in typed arrays. Takes: strings of folded code units to
 * insert, then which nodes end a string. Returns: a frozen trie to walk: the
 * root's children in a dense table (one read), every other edge in one
 * open-addressing hash table keyed by node and code unit (one or two probes,
 * whatever the size of the termbase).
 *
 * Walking never allocates, and a step touches one cache line: each slot of
 * the edge table holds parent, code unit and child side by side, and a
 * child's number carries in its lowest bit whether a string ends there
 * (`node = value >> 1`, `ends = value & 1`).
 */

/** Node number of the root. */
export const root = 0

/** Values per slot of the edge table: parent, code unit, child (shifted, with the end bit). */
export const stride = 3

export class Trie {
  /** Child of the root for each code unit (shifted, with the end bit), `-1` for none. */
  readonly rootEdges = new Int32Array(65_536).fill(-1)
  /** Number of nodes, the root included. */
  nodes = 1
  /** Number of edges below the root. */
  edges = 0
  /** Edge table, `stride` values per slot; a parent of `-1` marks a free slot (read-only outside this class). */
  table = new Int32Array(1024 * stride).fill(-1)
  /** Slots minus one (read-only outside this class). */
  mask = 1023
  private frozen = false

  /**
   * Child of a node by a code unit.
   *
   * @param node
   *   Node.
   * @param code
   *   Folded code unit.
   * @returns
   *   The child, or `-1` (once frozen: shifted, with the end bit).
   */
  child(node: number, code: number): number {
    if (node === root) return this.rootEdges[code]!
    const table = this.table
    let slot = hash(node, code) & this.mask
    while (true) {
      const parent = table[slot * stride]!
      if (parent === node && table[slot * stride + 1] === code) return table[slot * stride + 2]!
      if (parent === -1) return -1
      slot = (slot + 1) & this.mask
    }
  }

  /**
   * Insert a string, creating nodes as needed.
   *
   * @param codes
   *   Folded code units.
   * @returns
   *   The node where it ends.
   */
  insert(codes: ArrayLike<number>): number {
    if (this.frozen) throw new Error('Cannot insert into a frozen trie')
    let node = root
    for (let index = 0; index < codes.length; index++) {
      const code = codes[index]!
      let next = this.child(node, code)
      if (next === -1) {
        next = this.nodes++
        if (node === root) this.rootEdges[code] = next
        else this.add(node, code, next)
      }

      node = next
    }

    return node
  }

  /**
   * Mark the nodes where strings end, and stop inserting: every child value
   * becomes `node << 1 | ends`.
   *
   * @param ends
   *   Whether a string ends at each node.
   */
  freeze(ends: (node: number) => boolean): void {
    this.frozen = true
    const encode = (node: number) => (node << 1) | (ends(node) ? 1 : 0)
    const rootEdges = this.rootEdges
    for (let code = 0; code < rootEdges.length; code++) if (rootEdges[code] !== -1) rootEdges[code] = encode(rootEdges[code]!)
    const table = this.table
    for (let slot = 0; slot <= this.mask; slot++) if (table[slot * stride] !== -1) table[slot * stride + 2] = encode(table[slot * stride + 2]!)
  }

  /** Add an edge, growing the table at half load. */
  private add(node: number, code: number, target: number): void {
    if ((this.edges + 1) * 2 > this.mask + 1) this.grow()
    this.edges++
    this.put(node, code, target)
  }

  /** Put an edge in the table (it is known to be absent). */
  private put(node: number, code: number, target: number): void {
    const table = this.table
    let slot = hash(node, code) & this.mask
    while (table[slot * stride] !== -1) slot = (slot + 1) & this.mask
    table[slot * stride] = node
    table[slot * stride + 1] = code
    table[slot * stride + 2] = target
  }

  /** Double the table. */
  private grow(): void {
    const old = this.table
    const slots = (this.mask + 1) * 2
    this.table = new Int32Array(slots * stride).fill(-1)
    this.mask = slots - 1
    for (let slot = 0; slot < old.length / stride; slot++) {
      if (old[slot * stride] !== -1) this.put(old[slot * stride]!, old[slot * stride + 1]!, old[slot * stride + 2]!)
    }
  }
}

/**
 * Hash of an edge, a non-negative small integer (mask it with the table size).
 *
 * @param node
 *   Node.
 * @param code
 *   Code unit.
 */
export function hash(node: number, code: number): number {
  const value = Math.imul(node, 0x9e_37_79_b1) ^ Math.imul(code + 1, 0x85_eb_ca_77)
  return (value ^ (value >>> 15)) & 0x3f_ff_ff_ff
}
