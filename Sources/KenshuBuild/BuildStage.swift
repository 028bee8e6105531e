/// The stages of a build, in the order `BuildSession.run` runs them.
///
/// `load` and `check` come from `KenshuDefinitions` (`ProjectLoader.read`, `.check`); the
/// others are `SiteBuilder.build`'s, which reports their times under these names.
public enum BuildStage: String, Sendable, Hashable, CaseIterable {
  /// Read, screen, parse and validate the definition files (changed ones only, with a cache)
  /// into one model.
  case load
  /// Project-wide checks: ids, references, timetables, groups, alignment, personal data.
  case check
  /// The theme and the page plan: which pages exist, at which paths.
  case plan
  /// Page contexts built, fingerprinted, and rendered and written where they changed.
  case render
  /// The search index, calendars, stylesheet, theme assets and content files.
  case write
  /// The output made current (an atomic swap, or the in-place clean-up), and what the next
  /// build of this session remembers.
  case commit

  /// What the stage does, for `kenshu build --stages` and documentation.
  public var summary: String {
    switch self {
    case .load: "read and validate definition files into the model"
    case .check: "project-wide checks across files"
    case .plan: "theme and page plan"
    case .render: "page contexts, fingerprints, changed pages rendered and written"
    case .write: "search index, calendars, assets and content files"
    case .commit: "swap or clean up the output; remember this build"
    }
  }
}

/// Seconds spent in each stage that ran, in order.
public struct StageTimes: Sendable {
  public private(set) var entries: [(stage: BuildStage, seconds: Double)] = []

  public init() {}

  /// Adds `seconds` to `stage` (a stage reported twice is summed).
  public mutating func add(_ stage: BuildStage, _ seconds: Double) {
    if let index = entries.firstIndex(where: { $0.stage == stage }) {
      entries[index].seconds += seconds
    } else {
      entries.append((stage, seconds))
    }
  }

  /// The stages that ran, in order.
  public var stages: [BuildStage] { entries.map(\.stage) }

  public subscript(_ stage: BuildStage) -> Double? { entries.first { $0.stage == stage }?.seconds }
}
