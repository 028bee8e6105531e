/// The objective that group formation minimises, compared lexicographically in this order.
///
/// Every field is a penalty summed over rounds and groups; lower is better, and an earlier
/// field always outweighs all later ones (see docs/groups.md).
public struct GroupScore: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Pairs marked keep-apart who share a group (a hard constraint; nonzero only if impossible).
  public var keepApart: Int
  /// Sum over groups of the professions missing to reach the minimum number of distinct ones.
  public var professionShortfall: Int
  /// Sum over groups and professions of (count in group)²: smallest when every profession is
  /// spread as evenly as possible, i.e. per-group counts differ by at most 1.
  public var professionSpread: Int
  /// Same-organisation pairs (and same-municipality pairs when separated) sharing a group.
  public var separation: Int
  /// Over all pairs of people, the meetings beyond the first across rounds.
  public var repeatPairs: Int
  /// Sum over groups and regions of (count in group)² when regions are balanced, else 0.
  public var regionSpread: Int

  /// A score (or a change of score) given level by level.
  public init(
    keepApart: Int = 0, professionShortfall: Int = 0, professionSpread: Int = 0, separation: Int = 0,
    repeatPairs: Int = 0, regionSpread: Int = 0
  ) {
    self.keepApart = keepApart
    self.professionShortfall = professionShortfall
    self.professionSpread = professionSpread
    self.separation = separation
    self.repeatPairs = repeatPairs
    self.regionSpread = regionSpread
  }

  /// The penalties in priority order.
  public var levels: [Int] {
    [keepApart, professionShortfall, professionSpread, separation, repeatPairs, regionSpread]
  }

  public static func < (lhs: GroupScore, rhs: GroupScore) -> Bool {
    // Spelled out rather than comparing `levels`: this runs for every move of the search.
    if lhs.keepApart != rhs.keepApart { return lhs.keepApart < rhs.keepApart }
    if lhs.professionShortfall != rhs.professionShortfall {
      return lhs.professionShortfall < rhs.professionShortfall
    }
    if lhs.professionSpread != rhs.professionSpread { return lhs.professionSpread < rhs.professionSpread }
    if lhs.separation != rhs.separation { return lhs.separation < rhs.separation }
    if lhs.repeatPairs != rhs.repeatPairs { return lhs.repeatPairs < rhs.repeatPairs }
    return lhs.regionSpread < rhs.regionSpread
  }

  public var description: String {
    "keepApart=\(keepApart) shortfall=\(professionShortfall) spread=\(professionSpread)"
      + " separation=\(separation) repeats=\(repeatPairs) regions=\(regionSpread)"
  }
}
