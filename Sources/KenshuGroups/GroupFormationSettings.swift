import KenshuModel

/// How groups are formed: sizes, the minimum professional mix, what to separate, how many
/// rounds, the seed, and whether to balance regions.
public struct GroupFormationSettings: Sendable, Hashable {
  /// Target group size. Groups may be one smaller, or up to `maxSize` when it is given.
  public var size: Int
  /// Largest allowed group size; nil means `size`.
  public var maxSize: Int?
  /// Minimum number of distinct professions in every group; nil means no minimum.
  public var minProfessions: Int?
  /// What to separate. Organisation is always separated; add `.municipality` to separate
  /// people from the same municipality too.
  public var separate: [SeparationRule]
  /// Number of rounds of reshuffled groups (at least 1).
  public var rounds: Int
  /// Seed of the random choices; the same seed gives the same plan.
  public var seed: UInt64
  /// Spread regions (prefectures, or municipalities when everyone shares one prefecture)
  /// evenly over the groups, as the lowest priority.
  public var balanceRegions: Bool

  /// Settings given directly, as for `kenshu groups --size K`.
  public init(
    size: Int, maxSize: Int? = nil, minProfessions: Int? = nil, separate: [SeparationRule] = [.organisation],
    rounds: Int = 1, seed: UInt64 = 1, balanceRegions: Bool = false
  ) {
    self.size = size
    self.maxSize = maxSize
    self.minProfessions = minProfessions
    self.separate = separate
    self.rounds = rounds
    self.seed = seed
    self.balanceRegions = balanceRegions
  }

  /// Settings taken from a session's group-work spec; `rounds` overrides the spec's rounds.
  public init(spec: GroupWorkSpec, rounds: Int? = nil, seed: UInt64 = 1, balanceRegions: Bool = false) {
    self.init(
      size: spec.size, maxSize: spec.maxSize, minProfessions: spec.minProfessions,
      separate: spec.separate, rounds: rounds ?? spec.rounds, seed: seed, balanceRegions: balanceRegions)
  }

  /// Whether people from the same municipality are separated (priority 3, with organisations).
  var separatesMunicipality: Bool { separate.contains(.municipality) }

  /// Smallest and largest allowed group size.
  var allowedSizes: ClosedRange<Int> {
    let target = max(1, size)
    let upper = max(target, maxSize ?? target)
    return max(1, target - 1)...upper
  }
}
