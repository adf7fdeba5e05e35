import Foundation

/// The position of each id of a list (the first, when an id repeats), found by the id's UTF-8 bytes
/// with a cheap hash over eight bytes at a time rather than `String`'s seeded SipHash.
///
/// The roll-up looks up every answer of every session twice (the session check and the scoring),
/// and hashing those ids as `String`s was about a tenth of `aggregate` (issue 29 point 2).
///
/// Swift compares `String`s as Unicode text (canonically equivalent text is equal), bytes are
/// compared as bytes; the two agree only on ASCII. So the bytes decide only where they can: a key
/// that is not all ASCII, and a key the table misses when the list has an id that is not all ASCII,
/// are looked up in a dictionary as `String` would.
struct IDPositions: Sendable {
  /// The ids' bytes, one after another, and where each starts (one more start at the end).
  private let bytes: [UInt8]
  private let starts: [Int]
  /// Open addressing: a position per slot, or -1 for an empty slot; a power of two long.
  private let slots: [Int32]
  /// Whether every id is ASCII, so that a miss in the table is a miss.
  private let allASCII: Bool
  /// The first position of each id, keyed as text.
  private let byText: [String: Int]

  /// The positions of `ids`.
  init(_ ids: [String]) {
    var byText: [String: Int] = [:]
    for (n, id) in ids.enumerated() where byText[id] == nil { byText[id] = n }
    self.byText = byText
    var bytes: [UInt8] = []
    var starts: [Int] = []
    for id in ids {
      starts.append(bytes.count)
      bytes += id.utf8
    }
    starts.append(bytes.count)
    allASCII = bytes.allSatisfy { $0 < 0x80 }
    var size = 8
    while size < ids.count * 2 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    for (n, id) in ids.enumerated() {
      guard let hash = Array(id.utf8).withUnsafeBufferPointer(Self.asciiHash) else { continue }
      var slot = Int(hash & UInt64(size - 1))
      // An id given twice keeps its first position, as the dictionary does.
      while slots[slot] >= 0 && !ids[Int(slots[slot])].utf8.elementsEqual(id.utf8) { slot = (slot + 1) & (size - 1) }
      if slots[slot] < 0 { slots[slot] = Int32(n) }
    }
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
  }

  /// A hash of `bytes`, eight at a time (a multiply and a shift each), or nil when they are not all
  /// ASCII. Not for hostile keys: a miss only costs a longer probe, and ids are a pack's few hundred.
  private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
    var high: UInt64 = 0
    var i = 0
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    while i + 8 <= bytes.count {
      let chunk = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      high |= chunk
      hash = (hash ^ chunk) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 29
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < bytes.count {
      tail |= UInt64(bytes[i]) << shift
      shift += 8
      i += 1
    }
    high |= tail
    hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 29
    return high & 0x8080_8080_8080_8080 == 0 ? hash : nil
  }

  /// The position of `id`, or nil when the list has no such id.
  subscript(id: String) -> Int? {
    // -1: not in the list; -2: the bytes cannot say, ask the dictionary.
    let found =
      id.utf8.withContiguousStorageIfAvailable { key -> Int in
        guard let hash = Self.asciiHash(key) else { return -2 }
        let mask = slots.count - 1
        var slot = Int(hash & UInt64(mask))
        return bytes.withUnsafeBufferPointer { all in
          while true {
            let p = Int(slots[slot])
            if p < 0 { return allASCII ? -1 : -2 }
            let start = starts[p]
            let count = starts[p + 1] - start
            if count == key.count && (count == 0 || memcmp(all.baseAddress! + start, key.baseAddress!, count) == 0) { return p }
            slot = (slot + 1) & mask
          }
        }
      } ?? -2
    if found >= 0 { return found }
    return found == -1 ? nil : byText[id]
  }
}
