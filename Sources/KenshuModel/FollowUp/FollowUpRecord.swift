/// The local trainings the graduates of one instructor-training programme ran
/// (`<followup programme="…">`, usually `rosters/followup-PROGRAMME.xml`, written by
/// `kenshu followup import`). Personal data: validated, never published.
public struct FollowUpRecord: Sendable, Hashable, Codable {
  /// The programme whose graduates ran the trainings (a `<programme>` of the project, or the
  /// programme id of the roster's progress entries, for a cohort defined elsewhere).
  public var programme: String
  /// The roster the graduates are on; nil means the programme's roster.
  public var roster: String?
  public var trainings: [LocalTraining]
  public var location: SourceLocation?

  public init(
    programme: String, roster: String? = nil, trainings: [LocalTraining] = [], location: SourceLocation? = nil
  ) {
    self.programme = programme
    self.roster = roster
    self.trainings = trainings
    self.location = location
  }
}

extension Project {
  /// The follow-up of a programme: every record of it merged (a training from a later file
  /// replaces an earlier one with the same id). `roster` is the first one named.
  public func followUp(of programme: String) -> FollowUpRecord {
    var merged = FollowUpRecord(programme: programme)
    for record in followUps where record.programme == programme {
      if merged.location == nil { merged.location = record.location }
      if merged.roster == nil { merged.roster = record.roster }
      for training in record.trainings {
        if let index = merged.trainings.firstIndex(where: { $0.id == training.id }) {
          merged.trainings[index] = training
        } else {
          merged.trainings.append(training)
        }
      }
    }
    return merged
  }

  /// The roster the graduates of `programme` are on: the one its follow-up names, else the
  /// programme's, else a roster with the programme's id (a cohort whose programme is defined
  /// elsewhere, such as last year's).
  public func followUpRoster(of programme: String) -> Roster? {
    let named = followUps.first { $0.programme == programme && $0.roster != nil }?.roster
    if let named { return roster(named) }
    if let id = self.programme(programme)?.roster { return roster(id) }
    return roster(programme)
  }
}

extension Person {
  /// Whether the roster records that this person completed `programme` (修了).
  public func hasCompleted(_ programme: String) -> Bool {
    progress.contains { $0.programme == programme && ($0.stage == .completion || $0.stage == .followUp) }
  }
}
