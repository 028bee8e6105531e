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
  /// Unicode White_Space, with the ASCII answer given without a property look-up.
  public var isWhiteSpace: Bool {
    value < 0x80 ? (value >= 0x09 && value <= 0x0D) || value == 0x20 : properties.isWhitespace
  }
}
