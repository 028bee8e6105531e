/// A self-study module (e-learning): lessons, scenario questions, a quiz and a certificate.
public struct SelfStudyModule: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// BCP 47 language of the text (`xml:lang`); empty for the site's language (the loader
  /// fills it in from `kenshu.xml`).
  public var language: String
  public var title: String
  public var edition: Edition?
  public var description: MarkdownBlock?
  public var objectives: [Objective]
  public var audience: [Profession]
  /// Time needed, in minutes.
  public var estimatedMinutes: Int?
  public var organiser: String?
  /// Shown before the content of modules about violence or other distressing topics.
  public var contentWarning: String?
  /// Consultation desks (相談窓口) shown on every page of the module.
  public var consultation: [ConsultationDesk]
  public var lessons: [Lesson]
  public var scenarios: [Scenario]
  public var quiz: Quiz?
  public var certificate: CertificateSpec?
  /// Whether completions may be sent to a configured collection endpoint.
  public var collectCompletion: Bool
  public var location: SourceLocation?

  public init(
    id: String, language: String = "", title: String, edition: Edition? = nil,
    description: MarkdownBlock? = nil, objectives: [Objective] = [], audience: [Profession] = [],
    estimatedMinutes: Int? = nil, organiser: String? = nil, contentWarning: String? = nil,
    consultation: [ConsultationDesk] = [], lessons: [Lesson] = [], scenarios: [Scenario] = [],
    quiz: Quiz? = nil, certificate: CertificateSpec? = nil, collectCompletion: Bool = false,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.language = language
    self.title = title
    self.edition = edition
    self.description = description
    self.objectives = objectives
    self.audience = audience
    self.estimatedMinutes = estimatedMinutes
    self.organiser = organiser
    self.contentWarning = contentWarning
    self.consultation = consultation
    self.lessons = lessons
    self.scenarios = scenarios
    self.quiz = quiz
    self.certificate = certificate
    self.collectCompletion = collectCompletion
    self.location = location
  }
}

/// A place to ask for help (相談窓口).
public struct ConsultationDesk: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
    case `internal`, prefectural, police, other
  }
  public var kind: Kind
  public var name: String
  public var phone: String?
  public var url: String?
  public var hours: String?
  public var note: String?

  public init(
    kind: Kind, name: String, phone: String? = nil, url: String? = nil, hours: String? = nil,
    note: String? = nil
  ) {
    self.kind = kind
    self.name = name
    self.phone = phone
    self.url = url
    self.hours = hours
    self.note = note
  }
}

/// One lesson page of a module.
public struct Lesson: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: String
  public var body: MarkdownBlock
  public var minutes: Int?
  public var practises: [String]
  public var location: SourceLocation?

  public init(
    id: String, title: String, body: MarkdownBlock, minutes: Int? = nil, practises: [String] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.body = body
    self.minutes = minutes
    self.practises = practises
    self.location = location
  }
}

/// A situation with choices, each with feedback explaining why it is or is not a good response.
public struct Scenario: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: String
  public var situation: MarkdownBlock
  public var prompt: String?
  public var choices: [Choice]
  public var practises: [String]
  public var location: SourceLocation?

  public init(
    id: String, title: String, situation: MarkdownBlock, prompt: String? = nil, choices: [Choice],
    practises: [String] = [], location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.situation = situation
    self.prompt = prompt
    self.choices = choices
    self.practises = practises
    self.location = location
  }
}

/// A choice in a scenario or quiz question.
public struct Choice: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var text: String
  /// Whether the choice is correct (quiz) or recommended (scenario).
  public var correct: Bool
  public var feedback: String?
  public var location: SourceLocation?

  public init(
    id: String, text: String, correct: Bool = false, feedback: String? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.text = text
    self.correct = correct
    self.feedback = feedback
    self.location = location
  }
}

/// A self-study quiz with a pass mark (self-study only, not an examination).
public struct Quiz: Sendable, Hashable, Codable {
  /// Percentage (0–100) needed to pass.
  public var passMark: Int
  public var shuffleChoices: Bool
  public var questions: [QuizQuestion]
  public var location: SourceLocation?

  public init(
    passMark: Int, shuffleChoices: Bool = false, questions: [QuizQuestion], location: SourceLocation? = nil
  ) {
    self.passMark = passMark
    self.shuffleChoices = shuffleChoices
    self.questions = questions
    self.location = location
  }
}

public enum QuestionKind: String, Sendable, Codable, CaseIterable, Hashable {
  case single
  case multiple
  case trueFalse = "true-false"
}

public struct QuizQuestion: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var kind: QuestionKind
  public var text: String
  public var choices: [Choice]
  /// General feedback shown after answering, whatever the choice.
  public var feedback: String?
  /// Objective ids this question assesses.
  public var assesses: [String]
  public var location: SourceLocation?

  public init(
    id: String, kind: QuestionKind, text: String, choices: [Choice], feedback: String? = nil,
    assesses: [String] = [], location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.choices = choices
    self.feedback = feedback
    self.assesses = assesses
    self.location = location
  }
}

/// How the certificate of completion is issued.
public struct CertificateSpec: Sendable, Hashable, Codable {
  public var title: String?
  /// Self-declared (printed by the participant) unless the organiser issues it.
  public var selfDeclared: Bool
  public var issuer: String?

  public init(title: String? = nil, selfDeclared: Bool = true, issuer: String? = nil) {
    self.title = title
    self.selfDeclared = selfDeclared
    self.issuer = issuer
  }
}
