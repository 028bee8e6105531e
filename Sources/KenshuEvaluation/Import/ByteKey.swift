import Foundation

/// A string compared and hashed by its UTF-8 bytes, for hot look-up tables.
///
/// `String`'s own `Hashable` follows canonical equivalence, which costs a normalisation pass
/// for every non-ASCII string hashed: on 100,000 Japanese answers that dominates. Byte
/// equality is stricter; every use here falls back to the folded (NFKC) comparison or gives
/// the same result either way, so nothing is lost.
struct ByteKey: Hashable, Sendable {
  let text: String

  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
  }

  static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
    let left = lhs.text.utf8
    let right = rhs.text.utf8
    guard left.count == right.count else { return false }
    // Compare the contiguous bytes at once; `elementsEqual` walks the views a byte at a time.
    return left.withContiguousStorageIfAvailable { leftBytes in
      right.withContiguousStorageIfAvailable { rightBytes in
        leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
      }
    }.flatMap { $0 } ?? left.elementsEqual(right)
  }

  func hash(into hasher: inout Hasher) {
    // Every byte goes through the seeded Hasher (SipHash): answers come from respondents, and a
    // cheaper unseeded digest would let crafted answers collide and make a tally quadratic.
    if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) })
      == nil
    {
      var copy = text
      copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }
}
