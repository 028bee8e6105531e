import Foundation
import KenshuModel

/// What `roster summary --by` can count people by.
public enum SummaryKey: String, Sendable, Codable, CaseIterable, Hashable {
  case profession
  case prefecture
  /// A person with several roles counts once under each of them, so role rows may add up to
  /// more than the number of people; the total and percentages stay per person.
  case role
  /// The furthest stage a person has completed (pre-learning < group work < completion <
  /// follow-up), or `none`. One category per person, so stage rows add up to the total;
  /// "who is missing which stage" is the job of `ProgressReport`.
  case stage
  /// The municipality (市区町村) of the person's workplace, as the roster writes it; people
  /// without one count as 不明. Categories sort by prefecture (JIS code), then by name.
  case municipality
  /// The region (地方区分) of the person's prefecture (`Region`): 北海道 … 九州・沖縄.
  case region

  public var japaneseLabel: String {
    switch self {
    case .profession: "職種"
    case .prefecture: "都道府県"
    case .role: "役割"
    case .stage: "進捗"
    case .municipality: "市区町村"
    case .region: "地方"
    }
  }

  public var englishLabel: String {
    switch self {
    case .profession: "Profession"
    case .prefecture: "Prefecture"
    case .role: "Role"
    case .stage: "Stage"
    case .municipality: "Municipality"
    case .region: "Region"
    }
  }

  /// Parses `--by profession,prefecture` (also accepts the Japanese labels).
  public static func parseList(_ text: String) -> [SummaryKey]? {
    let keys = text.split(separator: ",").map { item in
      let key = Profession.normalizedKey(String(item))
      return SummaryKey.allCases.first {
        $0.rawValue == key || Profession.normalizedKey($0.japaneseLabel) == key
      }
    }
    guard !keys.isEmpty, !keys.contains(where: { $0 == nil }) else { return nil }
    return keys.compactMap { $0 }
  }
}

/// One category of a summary: its stable key (`doctor`, `東京都`, `facilitator`,
/// `pre-learning`, `unknown`, `none`), its Japanese label, and where it sorts.
public struct SummaryCategory: Sendable, Hashable, Codable, Comparable {
  public var key: String
  public var label: String
  /// Sort position: vocabulary order, JIS prefecture code, stage order; unknowns last.
  public var order: Int

  public init(key: String, label: String, order: Int) {
    self.key = key
    self.label = label
    self.order = order
  }

  public static func < (lhs: SummaryCategory, rhs: SummaryCategory) -> Bool {
    (lhs.order, lhs.key) < (rhs.order, rhs.key)
  }

  static let unknown = SummaryCategory(key: "unknown", label: "不明", order: 10_000)
}

/// How people are sorted into categories.
public struct SummaryClassifier: Sendable, Hashable {
  /// Restricts stage progress to one programme; nil uses every progress entry.
  public var programme: String?
  /// When set, professions outside it are counted under `other` (e.g. `[.doctor, .nurse,
  /// .municipalStaff]` reproduces the FY2022 cohort's four groups: 112/83/86/80).
  public var professionsShown: Set<Profession>?

  public init(programme: String? = nil, professionsShown: Set<Profession>? = nil) {
    self.programme = programme
    self.professionsShown = professionsShown
  }

  /// The categories `person` falls in under `key` (several only for roles).
  public func categories(of person: Person, by key: SummaryKey) -> [SummaryCategory] {
    switch key {
    case .profession:
      var profession = person.profession
      if let shown = professionsShown, !shown.contains(profession) { profession = .other }
      return [Self.category(profession)]
    case .prefecture:
      guard let name = person.prefecture, !name.isEmpty else { return [.unknown] }
      return [SummaryCategory(key: name, label: name, order: Prefecture.code(of: name) ?? 1_000)]
    case .role:
      let roles = PersonRole.allCases.filter { person.roles.contains($0) }
      return roles.isEmpty ? [.unknown] : roles.map(Self.category)
    case .stage:
      let completed = person.progress.filter { programme == nil || $0.programme == programme }.map(\.stage)
      guard let furthest = ProgrammeStage.allCases.last(where: completed.contains) else {
        return [SummaryCategory(key: "none", label: "未着手", order: 0)]
      }
      return [Self.category(furthest)]
    case .region:
      guard let name = person.prefecture, let region = Region.of(prefecture: name) else { return [.unknown] }
      return [Self.category(region)]
    case .municipality:
      guard let name = person.municipality?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
        return [.unknown]
      }
      // Same-named towns exist in several prefectures (府中市: 東京都 and 広島県): keep them apart.
      let prefecture = person.prefecture ?? ""
      let code = Prefecture.code(of: prefecture) ?? 99
      return [
        SummaryCategory(key: prefecture.isEmpty ? name : "\(prefecture) \(name)", label: name, order: code)
      ]
    }
  }

  /// Every category a key can take (for showing zero rows), in order.
  public func allCategories(by key: SummaryKey) -> [SummaryCategory] {
    switch key {
    case .profession:
      Profession.allCases.filter { profession in
        profession == .other || (professionsShown.map { $0.contains(profession) } ?? true)
      }
      .map(Self.category)
    case .prefecture:
      Prefecture.all.enumerated().map { SummaryCategory(key: $1, label: $1, order: $0 + 1) }
    case .role: PersonRole.allCases.map(Self.category)
    case .stage:
      [SummaryCategory(key: "none", label: "未着手", order: 0)] + ProgrammeStage.allCases.map(Self.category)
    // No closed list of municipalities: only those with somebody in them are shown.
    case .municipality: []
    case .region: Region.allCases.map(Self.category)
    }
  }

  static func category(_ profession: Profession) -> SummaryCategory {
    SummaryCategory(
      key: profession.rawValue, label: profession.japaneseLabel,
      order: Profession.allCases.firstIndex(of: profession) ?? 0)
  }

  static func category(_ role: PersonRole) -> SummaryCategory {
    SummaryCategory(
      key: role.rawValue, label: role.japaneseLabel, order: PersonRole.allCases.firstIndex(of: role) ?? 0)
  }

  static func category(_ region: Region) -> SummaryCategory {
    SummaryCategory(
      key: region.rawValue, label: region.japaneseLabel,
      order: (Region.allCases.firstIndex(of: region) ?? 0) + 1)
  }

  static func category(_ stage: ProgrammeStage) -> SummaryCategory {
    SummaryCategory(
      key: stage.rawValue, label: stage.japaneseLabel,
      order: (ProgrammeStage.allCases.firstIndex(of: stage) ?? 0) + 1)
  }
}
