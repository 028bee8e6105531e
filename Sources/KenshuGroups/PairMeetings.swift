/// How often each pair of people has sat together over all rounds.
///
/// A dense n×n table while that stays small (up to 6,000 people: 72 MB), else a dictionary of
/// the pairs that have met, so that a very large roster costs time rather than all the memory.
/// Not kept at all for a single round, where nobody can meet twice.
struct PairMeetings: Sendable {
  private let count: Int
  private var dense: [UInt16]
  private var sparse: [Int: UInt16]
  private let isDense: Bool
  /// Whether meetings are tracked (more than one round).
  let isTracked: Bool

  static let denseLimit = 6_000

  init(people: Int, rounds: Int) {
    count = people
    isTracked = rounds > 1
    isDense = isTracked && people <= Self.denseLimit
    dense = isDense ? Array(repeating: 0, count: people * people) : []
    sparse = [:]
  }

  /// Meetings of `a` and `b` so far.
  @inline(__always)
  subscript(_ a: Int, _ b: Int) -> UInt16 {
    if isDense { return dense[a * count + b] }
    return sparse[min(a, b) * count + max(a, b)] ?? 0
  }

  /// Adds `change` (±1) to the meetings of `a` and `b`.
  mutating func add(_ a: Int, _ b: Int, _ change: Int) {
    if isDense {
      let updated = UInt16(clamping: Int(dense[a * count + b]) + change)
      dense[a * count + b] = updated
      dense[b * count + a] = updated
    } else {
      let key = min(a, b) * count + max(a, b)
      let updated = UInt16(clamping: Int(sparse[key] ?? 0) + change)
      sparse[key] = updated == 0 ? nil : updated
    }
  }
}
