/// Checks bytes for well-formed UTF-8 (The Unicode Standard, table 3-7), without decoding or
/// allocating. Long runs of ASCII are skipped sixteen bytes at a time; everything else goes
/// through a shift-based automaton (one table load, shift and mask per byte, no branch on the
/// byte's value), and only a file that turns out invalid is walked sequence by sequence to
/// find where (`firstInvalidOffsetBySequence`, the reference).
///
/// Why the automaton: on Japanese text (three bytes a character) the sequence walk cost ~13
/// instructions a byte, and `kenshu evaluate` validates its whole CSV before splitting it:
/// 504 M of 8,087 M instructions on 100,000 × 40 responses (37 MB), all on one thread.
///
/// The standard library validates only while building a String, and its generic
/// `String(validating:as:)` looks up type metadata on every call, which is costly per CSV cell;
/// one pass over the whole file here is cheaper than either. Decoding `Data` scalar by scalar
/// through its iterator, as the content-encoding check did, was 1.7 % of a cold site build.
public enum UTF8Validation {
  /// Whether all of `bytes` is well-formed UTF-8.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    let table = Automaton.table
    var state: UInt64 = Automaton.accept
    var index = 0
    while index < count {
      // Between sequences, ASCII sixteen bytes at a time.
      if state == Automaton.accept {
        while index + 16 <= count {
          let raw = UnsafeRawPointer(base + index)
          let words =
            raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
          if words & 0x8080_8080_8080_8080 != 0 { break }
          index += 16
        }
      }
      // Then sixteen bytes through the automaton whatever they are; the error state absorbs.
      let end = min(index + 16, count)
      while index < end {
        state = (table[Int(base[index])] >> state) & Automaton.mask
        index += 1
      }
      if state == Automaton.error { return false }
    }
    return state == Automaton.accept
  }

  /// `isValid(bytes)` with the bytes cut into `parts` stretches checked at once (`kenshu
  /// evaluate` checks its whole CSV before splitting it on all cores: 228 M instructions on
  /// one thread for 37 MB). Each cut is moved forward past continuation bytes (10xxxxxx): a
  /// well-formed text splits at any other byte into well-formed stretches, and well-formed
  /// stretches join into a well-formed text, so the answer is the same. A well-formed text has
  /// at most three continuation bytes in a row; more at a cut are an answer already.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int) -> Bool {
    let count = bytes.count
    guard parts > 1, count >= parts * 4_096 else { return isValid(bytes) }
    var cuts = [0]
    for part in 1..<parts {
      var cut = count * part / parts
      for _ in 0..<4 where cut < count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
      if cut < count && bytes[cut] & 0xC0 == 0x80 { return false }
      cuts.append(max(cut, cuts[cuts.count - 1]))
    }
    cuts.append(count)
    let stretches = cuts
    // The bytes are only read.
    nonisolated(unsafe) let input = bytes
    return (0..<parts).concurrentMap { part in
      isValid(UnsafeBufferPointer(rebasing: input[stretches[part]..<stretches[part + 1]]))
    }.allSatisfy { $0 }
  }

  /// The offset of the first byte that does not begin a well-formed sequence (the end of the
  /// longest well-formed prefix), or nil when all of `bytes` is well-formed UTF-8.
  public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    isValid(bytes) ? nil : firstInvalidOffsetBySequence(bytes)
  }

  /// `firstInvalidOffset`, one sequence at a time: the reference the automaton is tested
  /// against, and how the offset is found once the automaton has said the bytes are invalid.
  static func firstInvalidOffsetBySequence(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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

  /// The automaton of table 3-7: a state is a shift (6 bits per state), and `table[byte]` holds,
  /// at each state's shift, the shift of the state that byte leads to. States: accept (between
  /// sequences), error (absorbing), one/two/three continuation bytes to go, and the four
  /// constrained second bytes (after E0, ED, F0, F4).
  enum Automaton {
    static let mask: UInt64 = 63
    static let accept: UInt64 = 0
    static let error: UInt64 = 6
    static let one: UInt64 = 12
    static let two: UInt64 = 18
    static let three: UInt64 = 24
    static let afterE0: UInt64 = 30  // A0–BF, then one
    static let afterED: UInt64 = 36  // 80–9F, then one
    static let afterF0: UInt64 = 42  // 90–BF, then two
    static let afterF4: UInt64 = 48  // 80–8F, then two

    /// Built once, never written after: lives as long as the process and is only read.
    nonisolated(unsafe) static let table: UnsafePointer<UInt64> = {
      let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
      for byte in 0..<256 {
        // Every state goes to error unless a rule below says otherwise (error stays error).
        var transitions = [UInt64](repeating: error, count: 9)
        func go(_ from: UInt64, _ to: UInt64) { transitions[Int(from / 6)] = to }
        switch byte {
        case 0x00...0x7F: go(accept, accept)
        case 0x80...0xBF:
          go(one, accept)
          go(two, one)
          go(three, two)
          if byte >= 0xA0 { go(afterE0, one) }
          if byte <= 0x9F { go(afterED, one) }
          if byte >= 0x90 { go(afterF0, two) }
          if byte <= 0x8F { go(afterF4, two) }
        case 0xC2...0xDF: go(accept, one)
        case 0xE0: go(accept, afterE0)
        case 0xE1...0xEC, 0xEE...0xEF: go(accept, two)
        case 0xED: go(accept, afterED)
        case 0xF0: go(accept, afterF0)
        case 0xF1...0xF3: go(accept, three)
        case 0xF4: go(accept, afterF4)
        default: break  // C0, C1, F5–FF begin nothing
        }
        var row: UInt64 = 0
        for (state, next) in transitions.enumerated() { row |= next << UInt64(state * 6) }
        table[byte] = row
      }
      return UnsafePointer(table)
    }()
  }
}
