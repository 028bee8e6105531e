import KenshuModel

/// Follow-up records must have a roster for their graduates and name people on it; a training
/// is recorded once per file and its total is at least its profession counts.
struct FollowUpCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for record in project.followUps {
      let location = record.location ?? SourceLocation(file: "?")
      let roster = record.roster.map { project.roster($0) } ?? project.followUpRoster(of: record.programme)
      if roster == nil {
        diagnostics.append(.error(Catalogue.followUpWithoutRoster, record.programme, at: location))
      }
      let people = Dictionary(
        (roster?.people ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      var seen: [String: SourceLocation] = [:]
      for training in record.trainings {
        let at = training.location ?? location
        if let first = seen[training.id] {
          diagnostics.append(.error(Catalogue.duplicateLocalTraining, (training.id, "\(first)"), at: at))
        } else {
          seen[training.id] = at
        }
        if let total = training.participants, total < training.reachedByProfession {
          diagnostics.append(
            .error(
              Catalogue.followUpTotalBelowCounts, (training.id, total, training.reachedByProfession), at: at))
        }
        guard let roster else { continue }
        for id in training.graduates {
          guard let person = people[id] else {
            diagnostics.append(
              .error(Catalogue.followUpUnknownGraduate, (training.id, id, roster.id), at: at))
            continue
          }
          if !person.hasCompleted(record.programme) {
            diagnostics.append(
              .warning(Catalogue.followUpNotGraduate, (training.id, id, record.programme), at: at))
          }
        }
      }
    }
    return diagnostics
  }
}
