/// How one term's postings are written into a chunk of the search index, and read back.
///
/// A posting list is a bit stream written as base64url characters (six bits each, the most
/// significant first), decoded by `search.js`'s `decode`:
///
/// - 4 bits: `k`, the order of the exponential-Golomb code of the term's offset gaps;
/// - per page holding the term: the page's number in the part (the first one as is, each later
///   one less the previous one and 1), and the count of positions less 1, both order 0; then
///   one bit saying whether the positions lie in more than one region;
///   - no (0): the region (2 bits), then each offset less the previous one (the first less 0),
///     order `k`;
///   - yes (1): each position (`offset << 2 | region`) less the previous one, order `k + 2`;
/// - zero bits to the end of the last character (fewer than six: a page takes at least six).
///
/// Why not one variable-length number per position, as before (five bits a character, the
/// sixth saying "more follows")? A common term is on nearly every page several times, and its
/// positions are most of a query's bytes: gaps of about a hundred characters took two
/// characters each, with two of their bits repeating the region. With the gaps' typical size
/// as `k`, and the region once per page, 退院 and 支援 on the 10,000-session bench site take a
/// third fewer bytes (120 + 215 KB → 79 + 149 KB, issue 18).
enum SearchPostingCode {
  static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// Appends `postings` (ascending pages, each with its ascending positions) to `out`.
  static func encode(_ postings: [(page: Int, positions: ArraySlice<UInt32>)], into out: inout [UInt8]) {
    var writer = BitWriter()
    let k = order(postings)
    writer.write(UInt64(k), bits: 4)
    var previousPage = -1
    for (page, positions) in postings where !positions.isEmpty {
      writer.expGolomb(UInt64(page - previousPage - 1), order: 0)
      previousPage = page
      writer.expGolomb(UInt64(positions.count - 1), order: 0)
      let region = positions.first.map { $0 & 3 } ?? 0
      if positions.allSatisfy({ $0 & 3 == region }) {
        writer.write(0, bits: 1)
        writer.write(UInt64(region), bits: 2)
        var previous: UInt32 = 0
        for position in positions {
          writer.expGolomb(UInt64((position >> 2) - previous), order: k)
          previous = position >> 2
        }
      } else {
        writer.write(1, bits: 1)
        var previous: UInt32 = 0
        for position in positions {
          writer.expGolomb(UInt64(position - previous), order: k + 2)
          previous = position
        }
      }
    }
    writer.flush(into: &out)
  }

  /// The order for a term's offset gaps: the base-2 logarithm of their mean, which measured
  /// within a few per cent of the best order on the bench site's common terms.
  static func order(_ postings: [(page: Int, positions: ArraySlice<UInt32>)]) -> Int {
    var sum: UInt64 = 0
    var count: UInt64 = 0
    for (_, positions) in postings {
      if let last = positions.last { sum += UInt64(last >> 2) }
      count += UInt64(positions.count)
    }
    guard count > 0, sum >= count else { return 0 }
    return min(15, 63 - (sum / count).leadingZeroBitCount)
  }

  /// A posting list like a common term's (200 pages, six positions each about 80 characters
  /// apart, every tenth page in two regions), in the manifest as `w`: `search.js` decodes it
  /// twenty times when the search page opens, so that the first query's decoding runs as
  /// compiled code. A fresh page spent about 30 ms of its first query decoding in V8's
  /// interpreter (150,000 positions), 9 ms once warmed (headless Chromium, issue 18).
  static let warmUpSample: String = {
    let postings = (0..<200).map { page in
      let offsets: [Int] = (0..<6).map { 20 + 80 * $0 + (page * 7 + $0 * 13) % 40 }
      let regions: [UInt32] = (0..<6).map { page % 10 == 0 && $0 == 0 ? 0 : 2 }
      return (page: page, positions: zip(offsets, regions).map { UInt32($0) << 2 | $1 }.sorted()[...])
    }
    var out: [UInt8] = []
    encode(postings, into: &out)
    return String(decoding: out, as: UTF8.self)
  }()

  /// Decodes `encode`'s output: the reference for `search.js`'s decoder (and for tests).
  /// Nil when the text is not such a posting list.
  static func decode(_ text: String) -> [(page: Int, positions: [UInt32])]? {
    var reader = BitReader(text)
    guard let k = reader.read(bits: 4) else { return nil }
    var result: [(page: Int, positions: [UInt32])] = []
    var page = -1
    while reader.remaining >= 6 {
      guard let delta = reader.expGolomb(order: 0), let count = reader.expGolomb(order: 0),
        let mixed = reader.read(bits: 1)
      else { return nil }
      page += Int(delta) + 1
      var positions: [UInt32] = []
      if mixed == 0 {
        guard let region = reader.read(bits: 2) else { return nil }
        var offset: UInt64 = 0
        for _ in 0...count {
          guard let gap = reader.expGolomb(order: Int(k)) else { return nil }
          offset += gap
          positions.append(UInt32(offset << 2 | region))
        }
      } else {
        var position: UInt64 = 0
        for _ in 0...count {
          guard let gap = reader.expGolomb(order: Int(k) + 2) else { return nil }
          position += gap
          positions.append(UInt32(position))
        }
      }
      result.append((page, positions))
    }
    return reader.restIsZero ? result : nil
  }

  /// Bits to base64url characters, the most significant first.
  struct BitWriter {
    private var buffer: UInt64 = 0
    private var count = 0
    private var characters: [UInt8] = []

    mutating func write(_ value: UInt64, bits: Int) {
      // In pieces of up to 32 bits, so the buffer (fewer than six bits pending) never overflows.
      var left = bits
      while left > 0 {
        let take = min(left, 32)
        left -= take
        buffer = buffer << UInt64(take) | (value >> UInt64(left)) & ((1 << UInt64(take)) - 1)
        count += take
        while count >= 6 {
          count -= 6
          characters.append(SearchPostingCode.digits[Int((buffer >> UInt64(count)) & 63)])
        }
        buffer &= (1 << UInt64(count)) - 1
      }
    }

    /// `value` as an exponential-Golomb code of order `order`: `value + 2^order` in binary,
    /// after as many zeros as it has digits beyond `order + 1`.
    mutating func expGolomb(_ value: UInt64, order: Int) {
      let shifted = value + (1 << UInt64(order))
      let length = 64 - shifted.leadingZeroBitCount
      write(0, bits: length - 1 - order)
      write(shifted, bits: length)
    }

    mutating func flush(into out: inout [UInt8]) {
      if count > 0 { write(0, bits: 6 - count) }
      out += characters
      characters = []
    }
  }

  struct BitReader {
    private let values: [UInt8]
    private var at = 0

    init(_ text: String) {
      values = text.utf8.map { byte in UInt8(SearchPostingCode.digits.firstIndex(of: byte) ?? 64) }
    }

    var remaining: Int { values.count * 6 - at }
    var restIsZero: Bool {
      var copy = self
      while copy.remaining > 0 {
        guard copy.read(bits: 1) == 0 else { return false }
      }
      return true
    }

    mutating func read(bits: Int) -> UInt64? {
      guard bits <= remaining, bits <= 63 else { return nil }
      var value: UInt64 = 0
      for _ in 0..<bits {
        let character = values[at / 6]
        guard character < 64 else { return nil }
        value = value << 1 | UInt64(character >> (5 - at % 6) & 1)
        at += 1
      }
      return value
    }

    mutating func expGolomb(order: Int) -> UInt64? {
      var zeros = 0
      while true {
        guard let bit = read(bits: 1) else { return nil }
        if bit == 1 { break }
        zeros += 1
      }
      guard let rest = read(bits: zeros + order) else { return nil }
      return (1 << UInt64(zeros + order) | rest) - (1 << UInt64(order))
    }
  }
}
