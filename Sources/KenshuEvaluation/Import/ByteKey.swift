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

  static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
