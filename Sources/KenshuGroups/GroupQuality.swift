import KenshuModel

/// How good a plan is, what could not be achieved and why.
///
/// Counts are summed over all rounds. `unmet` explains, Japanese first then English, every
/// constraint or goal that the plan does not fully meet; when it is empty, everything asked
/// for was achieved.
public struct GroupQuality: Sendable, Hashable, Codable {
  /// Pair meetings beyond the first: a pair sitting together in 3 rounds counts 2.
  public var repeatPairs: Int
  /// Pairs of participants from the same organisation sharing a table.
  public var organisationClashes: Int
  /// Pairs from the same municipality sharing a table (only a goal when municipalities are
  /// separated, but always counted).
  public var municipalityClashes: Int
  /// The smallest number of distinct professions at any table in any round.
  public var minDistinctProfessions: Int
  /// Distinct professions per table, per round.
  public var distinctProfessions: [[Int]]
  /// Pairs marked keep-apart who share a table, including facilitators.
  public var keepApartViolations: Int
  /// Tables (over all rounds) whose facilitator sits with a member of their own organisation.
  public var facilitatorOrganisationClashes: Int
  /// Professions whose per-table counts differ by more than 1 in some round.
  public var unevenProfessions: [Profession]
  /// Facilitators without a table in any round (more facilitators than tables).
  public var spareFacilitators: [String]
  /// Lower bounds: no plan can do better than these.
  public var lowerBounds: GroupQualityBounds
  /// The objective reached (see docs/groups.md).
  public var score: GroupScore
  /// Whether the objective equals its lower bound at every level, which proves it optimal.
  public var provablyOptimal: Bool
  /// What could not be met and why.
  public var unmet: [UnmetConstraint]
}

/// Lower bounds on quality counts, computed cheaply (pigeonhole and counting arguments).
public struct GroupQualityBounds: Sendable, Hashable, Codable {
  /// Same-organisation pairs that any plan must seat together: an organisation with more
  /// people than there are tables must share tables.
  public var organisationClashes: Int
  /// Pair meetings that must repeat: the rounds hold more pair meetings than there are pairs.
  public var repeatPairs: Int
  /// The objective's lower bound at each level.
  public var score: GroupScore
}
