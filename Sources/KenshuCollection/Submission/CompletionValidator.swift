import KenshuModel

/// Checks a module completion: a participant is required (a completion is about someone), the
/// score is a number in 0…100 (percent). Whether it passes is decided here from the module's
/// pass mark, never taken from the client.
public struct CompletionValidator: Sendable {
  public var module: SelfStudyModule
  public var limits: SubmissionLimits

  public init(module: SelfStudyModule, limits: SubmissionLimits = .standard) {
    self.module = module
    self.limits = limits
  }

  public func validate(_ submission: CompletionSubmission) -> Verdict<StoredCompletion> {
    var problems: [SubmissionProblem] = []
    let participant = ParticipantID.check(submission.participant, limits: limits, problems: &problems)
    if submission.participant == nil {
      problems.append(
        SubmissionProblem(.requiredMissing, item: "participant", "参加者IDが必要です / participant id required"))
    }
    var score: Double?
    switch submission.score {
    case nil, .null?:
      problems.append(SubmissionProblem(.requiredMissing, item: "score", "得点が必要です / score required"))
    case .number(let value)?:
      if value.isFinite, (0...100).contains(value) {
        score = value
      } else {
        problems.append(SubmissionProblem(.outOfRange, item: "score", "得点は 0〜100 です / score must be 0…100"))
      }
    case let other?:
      problems.append(
        SubmissionProblem(.wrongType, item: "score", "数値が必要です / expected a number, got \(other.typeName)"))
    }
    guard problems.isEmpty, let participant, let score else { return .rejected(problems) }
    let passed = module.quiz.map { score >= Double($0.passMark) } ?? true
    return .accepted(
      StoredCompletion(
        moduleID: module.id, moduleEdition: module.edition?.version ?? "", participant: participant,
        score: score, passed: passed))
  }
}
