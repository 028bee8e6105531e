/// The answers of one item, one per response, stored compactly: a 4-byte code per response,
/// with the rarer answers that carry text or several values (`other`, `options`, `number`,
/// `text`) kept once each in a side list the code points into.
///
/// A survey of 100,000 responses × 40 items took 96 MB as `[Answer?]` (24 bytes a slot, most of
/// them a Likert point or nil); as codes it takes 16 MB plus its texts. It reads as a collection
/// of `Answer?` in response order, so statistics and tests see the same values as before.
public struct AnswerColumn: Sendable, RandomAccessCollection, Hashable {
  /// 0 for no answer; otherwise a kind in the top two bits and a value in the others: a point,
  /// an option index, or an index into `boxed`.
  @usableFromInline var codes: [UInt32]
  /// Answers other than a point or an option, each referred to by at least one code.
  @usableFromInline var boxed: [Answer]

  static let payloadBits: UInt32 = 30
  static let payloadMask: UInt32 = (1 << payloadBits) - 1
  static let pointKind: UInt32 = 1 << payloadBits
  static let optionKind: UInt32 = 2 << payloadBits
  static let boxedKind: UInt32 = 3 << payloadBits

  public init() {
    codes = []
    boxed = []
  }

  public init<S: Sequence>(_ answers: S) where S.Element == Answer? {
    self.init()
    codes.reserveCapacity(answers.underestimatedCount)
    for answer in answers { append(answer) }
  }

  init(codes: [UInt32], boxed: [Answer]) {
    self.codes = codes
    self.boxed = boxed
  }

  /// The code of a point or option answer, nil when it needs a box (other kinds, or a value
  /// outside what the code can hold).
  @inline(__always) static func inlineCode(_ answer: Answer) -> UInt32? {
    switch answer {
    case .point(let point) where point >= 0 && point <= Int(payloadMask): pointKind | UInt32(point)
    case .option(let option) where option >= 0 && option <= Int(payloadMask): optionKind | UInt32(option)
    default: nil
    }
  }

  public mutating func append(_ answer: Answer?) {
    guard let answer else {
      codes.append(0)
      return
    }
    if let code = Self.inlineCode(answer) {
      codes.append(code)
    } else {
      codes.append(Self.boxedKind | UInt32(boxed.count))
      boxed.append(answer)
    }
  }

  public mutating func append(contentsOf other: AnswerColumn) {
    let offset = UInt32(boxed.count)
    codes.reserveCapacity(codes.count + other.codes.count)
    for code in other.codes {
      codes.append(code & ~Self.payloadMask == Self.boxedKind ? code + offset : code)
    }
    boxed += other.boxed
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { codes.count }

  public subscript(position: Int) -> Answer? { Self.decode(codes[position], boxed: boxed) }

  @inline(__always) static func decode(_ code: UInt32, boxed: [Answer]) -> Answer? {
    let payload = Int(code & payloadMask)
    switch code & ~payloadMask {
    case 0: return nil
    case pointKind: return .point(payload)
    case optionKind: return .option(payload)
    default: return boxed[payload]
    }
  }

  /// The Likert point of `position`, or nil when it holds no point (the statistics' fast path:
  /// no `Answer` is built).
  @inline(__always) func point(at position: Int) -> Int? {
    let code = codes[position]
    if code & ~Self.payloadMask == Self.pointKind { return Int(code & Self.payloadMask) }
    if code & ~Self.payloadMask == Self.boxedKind,
      case .point(let point) = boxed[Int(code & Self.payloadMask)]
    {
      return point
    }
    return nil
  }

  /// The option index of `position`, or nil when it holds no single option.
  @inline(__always) func option(at position: Int) -> Int? {
    let code = codes[position]
    if code & ~Self.payloadMask == Self.optionKind { return Int(code & Self.payloadMask) }
    if code & ~Self.payloadMask == Self.boxedKind,
      case .option(let option) = boxed[Int(code & Self.payloadMask)]
    {
      return option
    }
    return nil
  }

  /// Equal when they hold the same answers in the same order (however they are stored).
  public static func == (a: AnswerColumn, b: AnswerColumn) -> Bool { a.elementsEqual(b) }

  public static func == (a: AnswerColumn, b: [Answer?]) -> Bool { a.elementsEqual(b) }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for answer in self { hasher.combine(answer) }
  }
}
