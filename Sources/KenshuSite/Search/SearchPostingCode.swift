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
    decode(bytes: Array(text.utf8)[...])
  }

  /// `decode` of the characters `bytes`.
  static func decode(bytes: ArraySlice<UInt8>) -> [(page: Int, positions: [UInt32])]? {
    var reader = BitReader(bytes: bytes)
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

  /// A character's six bits, 64 for a byte that is not one of `digits`.
  static let values: [UInt8] = {
    var table = [UInt8](repeating: 64, count: 256)
    for (value, digit) in digits.enumerated() { table[Int(digit)] = UInt8(value) }
    return table
  }()

  /// Base64url characters to bits, the most significant first. Holds up to 63 unread bits
  /// and takes characters six bits at a time, so a code is read with a shift and a mask
  /// rather than bit by bit: a serve rebuild decodes the postings of every term of the edited
  /// page (`SearchIndexPart.replacing`).
  struct BitReader {
    private let characters: [UInt8]
    /// The next character to take into `buffer`.
    private var next = 0
    /// The low `held` bits of `buffer` are the unread ones, the most significant first.
    private var buffer: UInt64 = 0
    private var held = 0

    init(_ text: String) { self.init(bytes: Array(text.utf8)[...]) }

    init(bytes: ArraySlice<UInt8>) { characters = Array(bytes) }

    /// Bits left, counting those of characters not taken yet (a character that is not a digit
    /// counts six bits that no read can return).
    var remaining: Int { held + (characters.count - next) * 6 }

    var restIsZero: Bool {
      var copy = self
      while copy.remaining > 0 {
        guard copy.read(bits: 1) == 0 else { return false }
      }
      return true
    }

    /// Takes characters until more than 57 bits are held or a character is not a digit.
    private mutating func fill() {
      while held <= 57, next < characters.count {
        let value = SearchPostingCode.values[Int(characters[next])]
        guard value < 64 else { return }
        buffer = buffer << 6 | UInt64(value)
        held += 6
        next += 1
      }
    }

    /// The next `bits` bits (at most 63) as a number; nil past the end or at a character that
    /// is not a digit.
    mutating func read(bits: Int) -> UInt64? {
      guard bits <= 63, bits >= 0 else { return nil }
      if bits > 32 {
        guard let high = read(bits: bits - 32), let low = read(bits: 32) else { return nil }
        return high << 32 | low
      }
      if bits > held { fill() }
      guard bits <= held else { return nil }
      held -= bits
      return (buffer >> UInt64(held)) & ((1 << UInt64(bits)) - 1)
    }

    mutating func expGolomb(order: Int) -> UInt64? {
      var zeros = 0
      while true {
        if held == 0 { fill() }
        guard held > 0 else { return nil }
        let window = buffer << UInt64(64 - held)
        if window == 0 {
          zeros += held
          held = 0
          continue
        }
        let leading = window.leadingZeroBitCount
        zeros += leading
        held -= leading + 1
        break
      }
      guard let rest = read(bits: zeros + order) else { return nil }
      return (1 << UInt64(zeros + order) | rest) - (1 << UInt64(order))
    }
  }
}
