/// What a survey is for; pre/post tests are paired by participant.
public enum SurveyKind: String, Sendable, Codable, CaseIterable, Hashable {
  /// An evaluation after a session or day (reaction, self-rated learning).
  case evaluation
  /// A knowledge test before training.
  case preTest = "pre-test"
  /// The same test after training.
  case postTest = "post-test"
  /// Months later: behaviour and results.
  case followUp = "follow-up"
}

/// A participant survey (アンケート) or knowledge test.
public struct Survey: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// BCP 47 language of the text (`xml:lang`); empty for the site's language (the loader
  /// fills it in from `kenshu.xml`).
  public var language: String
  public var title: String
  public var kind: SurveyKind
  public var description: MarkdownBlock?
  /// Module this test belongs to (pre/post knowledge tests).
  public var module: String?
  /// The survey this one pairs with (a pre-test names its post-test and vice versa).
  public var pairedWith: String?
  /// Named response scales defined by this survey (built-in ones need no definition).
  public var scales: [LikertScale]
  /// Multi-item measures whose reliability is reported (Cronbach's alpha).
  public var measures: [Measure]
  public var items: [SurveyItem]
  /// Number of people invited, for response rates.
  public var invited: Int?
  /// `anonymous="true"`: the collection server stores responses without a participant id,
  /// with their day only, and keeps no link between a used one-time token and its response.
  public var anonymous: Bool
  public var location: SourceLocation?

  public init(
    id: String, language: String = "", title: String, kind: SurveyKind = .evaluation,
    description: MarkdownBlock? = nil, module: String? = nil, pairedWith: String? = nil,
    scales: [LikertScale] = [], measures: [Measure] = [], items: [SurveyItem] = [],
    invited: Int? = nil, anonymous: Bool = false, location: SourceLocation? = nil
  ) {
    self.id = id
    self.language = language
    self.title = title
    self.kind = kind
    self.description = description
    self.module = module
    self.pairedWith = pairedWith
    self.scales = scales
    self.measures = measures
    self.items = items
    self.invited = invited
    self.anonymous = anonymous
    self.location = location
  }

  /// The scale an item uses: one defined here, else a built-in one.
  /// A built-in scale is worded in the survey's language: an English survey (`xml:lang="en"`)
  /// asks, and its report counts, "Agree" … "Disagree", not そう思う … そう思わない.
  public func scale(named id: String) -> LikertScale? {
    let builtIn = MessageLanguage(tag: language) == .en ? LikertScale.builtInEnglish : LikertScale.builtIn
    return scales.first { $0.id == id } ?? builtIn.first { $0.id == id }
  }

  /// The response scale of a Likert item: its named scale, else the built-in 5-point agreement
  /// scale (`agree5`), so forms and reports agree on the points. Nil for other item types.
  public func likertScale(of item: SurveyItem) -> LikertScale? {
    guard item.type == .likert else { return nil }
    return item.scale.flatMap { scale(named: $0) } ?? scale(named: LikertScale.builtIn[0].id)
  }
}

/// A named Likert response scale. Points are listed from 1 (lowest agreement) to n.
public struct LikertScale: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var labels: [String]
  public var location: SourceLocation?

  public init(id: String, labels: [String], location: SourceLocation? = nil) {
    self.id = id
    self.labels = labels
    self.location = location
  }

  public var points: Int { labels.count }

  /// Scales every project can use without defining them.
  public static let builtIn: [LikertScale] = [
    LikertScale(id: "agree5", labels: ["そう思わない", "あまりそう思わない", "どちらともいえない", "ややそう思う", "そう思う"]),
    LikertScale(id: "agree4", labels: ["そう思わない", "あまりそう思わない", "ややそう思う", "そう思う"]),
    LikertScale(id: "satisfaction5", labels: ["不満", "やや不満", "どちらともいえない", "やや満足", "満足"]),
    LikertScale(
      id: "understanding5",
      labels: ["理解できなかった", "あまり理解できなかった", "どちらともいえない", "おおむね理解できた", "よく理解できた"]),
    LikertScale(id: "confidence5", labels: ["自信がない", "あまり自信がない", "どちらともいえない", "やや自信がある", "自信がある"]),
  ]

  /// The built-in scales in English, point for point, for surveys written in English.
  public static let builtInEnglish: [LikertScale] = [
    LikertScale(
      id: "agree5",
      labels: ["Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree"]),
    LikertScale(id: "agree4", labels: ["Disagree", "Somewhat disagree", "Somewhat agree", "Agree"]),
    LikertScale(
      id: "satisfaction5",
      labels: [
        "Dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied", "Somewhat satisfied",
        "Satisfied",
      ]
    ),
    LikertScale(
      id: "understanding5",
      labels: [
        "Did not understand", "Understood little", "Neither", "Understood most of it", "Understood well",
      ]),
    LikertScale(
      id: "confidence5",
      labels: ["Not confident", "Somewhat unconfident", "Neither", "Somewhat confident", "Confident"]),
  ]
}

/// A group of items that together measure one construct (e.g. confidence in interprofessional
/// work); its reliability is Cronbach's alpha.
public struct Measure: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: String
  public var location: SourceLocation?

  public init(id: String, title: String, location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.location = location
  }
}

public enum SurveyItemType: String, Sendable, Codable, CaseIterable, Hashable {
  case likert
  case single
  case multiple
  case numeric
  case text
  case profession
}

/// Training-evaluation level an item measures: Kirkpatrick 1–4 or the interprofessional
/// variant (1, 2a, 2b, 3, 4a, 4b).
public enum EvaluationLevel: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
  case reaction = "1"
  case learning = "2"
  case attitudes = "2a"
  case knowledgeSkills = "2b"
  case behaviour = "3"
  case results = "4"
  case organisationalPractice = "4a"
  case benefitsToPatients = "4b"

  public var japaneseLabel: String {
    switch self {
    case .reaction: "レベル1 反応"
    case .learning: "レベル2 学習"
    case .attitudes: "レベル2a 態度・認識の変化"
    case .knowledgeSkills: "レベル2b 知識・技能の習得"
    case .behaviour: "レベル3 行動変容"
    case .results: "レベル4 成果"
    case .organisationalPractice: "レベル4a 組織の実践の変化"
    case .benefitsToPatients: "レベル4b 利用者・患者への効果"
    }
  }

  public var englishLabel: String {
    switch self {
    case .reaction: "Level 1 Reaction"
    case .learning: "Level 2 Learning"
    case .attitudes: "Level 2a Attitudes/perceptions"
    case .knowledgeSkills: "Level 2b Knowledge/skills"
    case .behaviour: "Level 3 Behaviour"
    case .results: "Level 4 Results"
    case .organisationalPractice: "Level 4a Organisational practice"
    case .benefitsToPatients: "Level 4b Benefits to patients/clients"
    }
  }

  public static func < (lhs: EvaluationLevel, rhs: EvaluationLevel) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A choice offered by a single/multiple item. `correct` marks the key in knowledge tests.
public struct SurveyOption: Sendable, Hashable, Codable {
  public var label: String
  public var correct: Bool

  public init(label: String, correct: Bool = false) {
    self.label = label
    self.correct = correct
  }
}

/// One question of a survey.
public struct SurveyItem: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var type: SurveyItemType
  public var text: String
  public var required: Bool
  /// Likert: the response scale's id (defined in the survey or built in).
  public var scale: String?
  /// Likert: reverse-keyed within its measure (agreement means less of the construct).
  public var reverse: Bool
  /// Likert: answered twice in one sitting, for before the training and now (then-test).
  public var retrospective: Bool
  /// Choice items: the options, in order.
  public var options: [SurveyOption]
  /// Choice items: whether an "other" answer with free text is allowed.
  public var allowOther: Bool
  /// Numeric items: inclusive bounds.
  public var minimum: Double?
  public var maximum: Double?
  /// Text items: maximum length in characters.
  public var maxLength: Int?
  /// Multi-item measure this item belongs to.
  public var measure: String?
  public var level: EvaluationLevel?
  /// Objective ids this item evaluates (alignment).
  public var evaluates: [String]
  public var location: SourceLocation?

  public init(
    id: String, type: SurveyItemType, text: String, required: Bool = false, scale: String? = nil,
    reverse: Bool = false, retrospective: Bool = false, options: [SurveyOption] = [],
    allowOther: Bool = false, minimum: Double? = nil, maximum: Double? = nil, maxLength: Int? = nil,
    measure: String? = nil, level: EvaluationLevel? = nil, evaluates: [String] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.type = type
    self.text = text
    self.required = required
    self.scale = scale
    self.reverse = reverse
    self.retrospective = retrospective
    self.options = options
    self.allowOther = allowOther
    self.minimum = minimum
    self.maximum = maximum
    self.maxLength = maxLength
    self.measure = measure
    self.level = level
    self.evaluates = evaluates
    self.location = location
  }
}
