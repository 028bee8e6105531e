extension String {
  /// The first and last Unicode scalars, nil for an empty string. Decoded by hand from the
  /// contiguous UTF-8: `unicodeScalars.last` decodes backwards through the generic view, which
  /// shows up when it is asked of every cell of a 100,000-row file (trimming, quoting).
  public var endScalars: (first: Unicode.Scalar, last: Unicode.Scalar)? {
    if let ends = utf8.withContiguousStorageIfAvailable(Self.endScalars(of:)) { return ends }
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return nil }
    return (first, last)
  }

  static func endScalars(of bytes: UnsafeBufferPointer<UInt8>) -> (
    first: Unicode.Scalar, last: Unicode.Scalar
  )? {
    guard !bytes.isEmpty else { return nil }
    func scalar(at start: Int) -> Unicode.Scalar {
      let lead = UInt32(bytes[start])
      let (length, bits): (Int, UInt32) =
        lead < 0x80
        ? (1, lead) : lead < 0xE0 ? (2, lead & 0x1F) : lead < 0xF0 ? (3, lead & 0x0F) : (4, lead & 0x07)
      var value = bits
      for offset in 1..<length where start + offset < bytes.count {
        value = value << 6 | UInt32(bytes[start + offset] & 0x3F)
      }
      return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
    var lastStart = bytes.count - 1
    while lastStart > 0 && bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
    return (scalar(at: 0), scalar(at: lastStart))
  }
}

extension Unicode.Scalar {
  /// Unicode White_Space, spelled out: the property look-up (`properties.isWhitespace`) cost
  /// ~340 instructions a call, and writing `freetext.csv` asks it of every answer that ends in
  /// 。 (lead byte E3, which U+3000 shares): 263 M of the 7.8 G instructions of an evaluation of
  /// 100,000 responses. The 25 code points have not changed since Unicode 6.3;
  /// `WhiteSpaceTests` compares the list with the property on every scalar.
  public var isWhiteSpace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
