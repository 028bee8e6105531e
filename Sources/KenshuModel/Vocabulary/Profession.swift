import Foundation

/// The shared vocabulary of professions (職種) that train together.
///
/// Definitions, rosters, survey items and reports all use these ids; people may type the
/// Japanese or English label, or a common alias, and `Profession(parsing:)` understands them.
public enum Profession: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
  case doctor
  case dentist
  case pharmacist
  case publicHealthNurse = "public-health-nurse"
  case nurse
  case physicalTherapist = "physical-therapist"
  case occupationalTherapist = "occupational-therapist"
  case speechTherapist = "speech-therapist"
  case dietitian
  case dentalHygienist = "dental-hygienist"
  case careManager = "care-manager"
  case medicalSocialWorker = "medical-social-worker"
  case socialWorker = "social-worker"
  case careWorker = "care-worker"
  case municipalStaff = "municipal-staff"
  case other

  /// Japanese label, as shown to users and in reports.
  public var japaneseLabel: String {
    switch self {
    case .doctor: "医師"
    case .dentist: "歯科医師"
    case .pharmacist: "薬剤師"
    case .publicHealthNurse: "保健師"
    case .nurse: "看護師"
    case .physicalTherapist: "理学療法士"
    case .occupationalTherapist: "作業療法士"
    case .speechTherapist: "言語聴覚士"
    case .dietitian: "管理栄養士"
    case .dentalHygienist: "歯科衛生士"
    case .careManager: "介護支援専門員"
    case .medicalSocialWorker: "医療ソーシャルワーカー"
    case .socialWorker: "社会福祉士"
    case .careWorker: "介護職員"
    case .municipalStaff: "行政職員"
    case .other: "その他"
    }
  }

  /// Reading of the Japanese label, for ruby text in the glossary.
  public var japaneseReading: String {
    switch self {
    case .doctor: "いし"
    case .dentist: "しかいし"
    case .pharmacist: "やくざいし"
    case .publicHealthNurse: "ほけんし"
    case .nurse: "かんごし"
    case .physicalTherapist: "りがくりょうほうし"
    case .occupationalTherapist: "さぎょうりょうほうし"
    case .speechTherapist: "げんごちょうかくし"
    case .dietitian: "かんりえいようし"
    case .dentalHygienist: "しかえいせいし"
    case .careManager: "かいごしえんせんもんいん"
    case .medicalSocialWorker: "いりょうソーシャルワーカー"
    case .socialWorker: "しゃかいふくしし"
    case .careWorker: "かいごしょくいん"
    case .municipalStaff: "ぎょうせいしょくいん"
    case .other: "そのた"
    }
  }

  /// English label.
  public var englishLabel: String {
    switch self {
    case .doctor: "Doctor"
    case .dentist: "Dentist"
    case .pharmacist: "Pharmacist"
    case .publicHealthNurse: "Public health nurse"
    case .nurse: "Nurse"
    case .physicalTherapist: "Physical therapist (PT)"
    case .occupationalTherapist: "Occupational therapist (OT)"
    case .speechTherapist: "Speech-language-hearing therapist (ST)"
    case .dietitian: "Registered dietitian"
    case .dentalHygienist: "Dental hygienist"
    case .careManager: "Care manager"
    case .medicalSocialWorker: "Medical social worker (MSW)"
    case .socialWorker: "Certified social worker"
    case .careWorker: "Care worker"
    case .municipalStaff: "Municipal staff"
    case .other: "Other"
    }
  }

  /// The label in the given language (`ja` or `en`); Japanese for anything else.
  public func label(language: String) -> String {
    language.hasPrefix("en") ? englishLabel : japaneseLabel
  }

  /// Other names people type for this profession (compared after `normalizedKey`).
  public var aliases: [String] {
    switch self {
    case .doctor: ["医師", "ドクター", "dr", "physician", "医者", "在宅医", "かかりつけ医", "病院医師", "診療所医師"]
    case .dentist: ["歯科医師", "歯科医", "歯医者"]
    case .pharmacist: ["薬剤師", "薬局薬剤師", "病院薬剤師"]
    case .publicHealthNurse: ["保健師", "phn"]
    case .nurse: ["看護師", "准看護師", "訪問看護師", "看護職", "病棟看護師", "退院調整看護師", "ns", "rn"]
    case .physicalTherapist: ["理学療法士", "pt"]
    case .occupationalTherapist: ["作業療法士", "ot"]
    case .speechTherapist: ["言語聴覚士", "st"]
    case .dietitian: ["管理栄養士", "栄養士", "dietician", "rd"]
    case .dentalHygienist: ["歯科衛生士", "dh"]
    case .careManager: ["介護支援専門員", "ケアマネジャー", "ケアマネージャー", "ケアマネ", "cm", "主任介護支援専門員"]
    case .medicalSocialWorker: ["医療ソーシャルワーカー", "msw", "医療社会事業従事者"]
    case .socialWorker: ["社会福祉士", "ソーシャルワーカー", "sw", "精神保健福祉士"]
    case .careWorker: ["介護職員", "介護福祉士", "訪問介護員", "ホームヘルパー", "ヘルパー", "介護職", "介護士", "サービス提供責任者"]
    case .municipalStaff: ["行政職員", "市町村職員", "自治体職員", "保健所職員", "市職員", "町職員", "村職員", "区職員", "都道府県職員", "行政"]
    case .other: ["その他", "他"]
    }
  }

  /// Parses an id, a Japanese or English label, or an alias. Returns nil when nothing matches;
  /// callers decide whether that maps to `.other` with a warning.
  public init?(parsing text: String) {
    let key = Profession.normalizedKey(text)
    guard !key.isEmpty, let match = Profession.lookup[key] else { return nil }
    self = match
  }

  /// Width- and case-folded form used to compare what people type (NFKC, lower-case,
  /// without spaces, middle dots or hyphens).
  public static func normalizedKey(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    return String(
      folded.unicodeScalars.filter {
        !CharacterSet.whitespacesAndNewlines.contains($0) && !"・-_()（）".unicodeScalars.contains($0)
      }.map(Character.init))
  }

  private static let lookup: [String: Profession] = {
    var table: [String: Profession] = [:]
    for profession in Profession.allCases {
      for name in [profession.rawValue, profession.japaneseLabel, profession.englishLabel]
        + profession.aliases
      {
        let key = normalizedKey(name)
        if table[key] == nil { table[key] = profession }
      }
    }
    return table
  }()

  public static func < (lhs: Profession, rhs: Profession) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
