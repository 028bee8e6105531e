/// Checks bytes for well-formed UTF-8 (The Unicode Standard, table 3-7), without decoding or
/// allocating. Long runs of ASCII are skipped eight bytes at a time.
///
/// The standard library validates only while building a String, and its generic
/// `String(validating:as:)` looks up type metadata on every call, which is costly per CSV cell;
/// one pass over the whole file here is cheaper than either. Decoding `Data` scalar by scalar
/// through its iterator, as the content-encoding check did, was 1.7 % of a cold site build.
public enum UTF8Validation {
  /// Whether all of `bytes` is well-formed UTF-8.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    firstInvalidOffset(bytes) == nil
  }

  /// The offset of the first byte that does not begin a well-formed sequence (the end of the
  /// longest well-formed prefix), or nil when all of `bytes` is well-formed UTF-8.
  public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight ASCII bytes at once: no byte has its high bit set.
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0  // no overlong forms
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F  // no surrogates
      case 0xF0:
        length = 4
        low = 0x90  // no overlong forms
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F  // nothing above U+10FFFF
      default: return index
      }
      guard index + length <= count else { return index }
      let second = base[index + 1]
      guard second >= low && second <= high else { return index }
      for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return index }
      index += length
    }
    return nil
  }
}
