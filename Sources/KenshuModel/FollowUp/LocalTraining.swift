import Foundation

/// What kind of local training a graduate ran (研修の種類), as the instructor-training programme
/// asks its graduates.
public enum LocalTrainingKind: String, Sendable, Codable, CaseIterable, Hashable {
  /// 多職種連携研修（グループワーク）: mixed-profession group work on cases and local issues.
  case groupWork = "group-work"
  /// 相互研修: care topics for medical staff, medical topics for care staff.
  case crossTraining = "cross-training"
  /// 事例検討会.
  case caseStudy = "case-study"
  /// 講演・講義.
  case lecture
  /// 同行訪問研修: accompanied home visits.
  case accompaniedVisit = "accompanied-visit"
  case other

  public var japaneseLabel: String {
    switch self {
    case .groupWork: "多職種連携研修（グループワーク）"
    case .crossTraining: "相互研修"
    case .caseStudy: "事例検討会"
    case .lecture: "講演・講義"
    case .accompaniedVisit: "同行訪問研修"
    case .other: "その他"
    }
  }

  public var englishLabel: String {
    switch self {
    case .groupWork: "Multidisciplinary group work"
    case .crossTraining: "Cross-training"
    case .caseStudy: "Case study meeting"
    case .lecture: "Lecture"
    case .accompaniedVisit: "Accompanied home visits"
    case .other: "Other"
    }
  }

  /// Reads an id or a label as offices write it (グループワーク, 事例検討, 講演会 …); nil when
  /// nothing fits.
  public init?(parsing text: String) {
    let key = Profession.normalizedKey(text)
    guard !key.isEmpty else { return nil }
    if let exact = Self.allCases.first(where: {
      Profession.normalizedKey($0.rawValue) == key || Profession.normalizedKey($0.japaneseLabel) == key
        || Profession.normalizedKey($0.englishLabel) == key
    }) {
      self = exact
      return
    }
    // Words that name the kind inside longer titles (多職種連携研修会, 事例検討会 …), most specific first.
    let words: [(String, LocalTrainingKind)] = [
      ("同行", .accompaniedVisit), ("事例", .caseStudy), ("相互", .crossTraining),
      ("グループワーク", .groupWork), ("多職種", .groupWork), ("gw", .groupWork),
      ("講演", .lecture), ("講義", .lecture), ("セミナー", .lecture), ("その他", .other),
    ]
    guard let match = words.first(where: { key.contains(Profession.normalizedKey($0.0)) }) else { return nil }
    self = match.1
  }
}

/// How many people of one profession took part in a local training.
public struct ReachedCount: Sendable, Hashable, Codable {
  public var profession: Profession
  public var count: Int

  public init(profession: Profession, count: Int) {
    self.profession = profession
    self.count = count
  }
}

/// One local training a graduate of an instructor-training programme ran (地域での研修実施),
/// recorded in a `<followup>` file. Personal data (graduates' ids, co-instructors' names): kept
/// under `rosters/`, never published.
public struct LocalTraining: Sendable, Hashable, Codable {
  /// Unique within the follow-up record.
  public var id: String
  /// ISO date (YYYY-MM-DD).
  public var date: String?
  /// Where it was held: prefecture (canonical name, e.g. 静岡県) and municipality.
  public var prefecture: String?
  public var municipality: String?
  public var kind: LocalTrainingKind
  public var title: String?
  /// Roster ids of the graduates who ran it (planned, taught or facilitated it).
  public var graduates: [String]
  /// Other instructors (not graduates of the programme), as written: names, or
  /// organisations. Personal data.
  public var coInstructors: [String]
  /// Participants by profession.
  public var reached: [ReachedCount]
  /// Total participants when more are known than the profession counts cover (people whose
  /// profession was not recorded); nil means the profession counts are the whole.
  public var participants: Int?
  public var location: SourceLocation?

  public init(
    id: String, date: String? = nil, prefecture: String? = nil, municipality: String? = nil,
    kind: LocalTrainingKind = .groupWork, title: String? = nil, graduates: [String] = [],
    coInstructors: [String] = [], reached: [ReachedCount] = [], participants: Int? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.date = date
    self.prefecture = prefecture
    self.municipality = municipality
    self.kind = kind
    self.title = title
    self.graduates = graduates
    self.coInstructors = coInstructors
    self.reached = reached
    self.participants = participants
    self.location = location
  }

  /// People counted by profession.
  public var reachedByProfession: Int { reached.reduce(0) { $0 + $1.count } }

  /// Everybody who took part: the stated total, or the sum of the profession counts.
  public var totalParticipants: Int { max(participants ?? 0, reachedByProfession) }

  /// Participants whose profession is not recorded (the total less the profession counts).
  public var unknownProfession: Int { max(0, (participants ?? 0) - reachedByProfession) }
}

extension LocalTraining {
  /// The co-instructors of a `co-instructors` attribute or a 共同講師 cell: separated by `;`,
  /// `；`, `、` or a line break (not by spaces, which separate family and given names).
  public static func splitCoInstructors(_ text: String) -> [String] {
    text.split(whereSeparator: { ";；、\n".contains($0) })
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }
}
