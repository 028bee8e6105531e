/// Whether a person meets an award's rule, and what they lack when not.
public struct Eligibility: Sendable, Hashable {
  /// What the person lacks, one item per unmet condition, in the rule's order: a session id
  /// for a required session not attended, `minutes:ATTENDED/REQUIRED` for a minimum not reached,
  /// `module:ID`, `survey:ID` and `stage:STAGE` for the other requirements.
  public var missing: [String]
  /// Minutes of the award's learning sessions the person attended (for the certificate's hours).
  public var attendedMinutes: Int

  public var isEligible: Bool { missing.isEmpty }

  /// The sessions an `<attend>` requirement ranges over: sessions of the given kinds or ids,
  /// or — when both are empty — every learning session (not opening, breaks, certificate,
  /// closing) of the scope.
  public static func selectedSessions(kinds: [SessionKind], sessions: [String], in scope: [Session])
    -> [Session]
  {
    if kinds.isEmpty, sessions.isEmpty { return scope.filter { $0.kind.isLearningActivity } }
    return scope.filter { kinds.contains($0.kind) || sessions.contains($0.id) }
  }

  /// Judges `person` against `award` of `programme`, from the attendance record and the
  /// person's roster progress (`StageProgress` of this programme with a date, or done).
  public static func judge(
    _ person: Person, for award: Award, of programme: Programme, attendance: AttendanceRecord
  ) -> Eligibility {
    let scope = programme.sessions(inScopeOf: award)
    let entry = attendance.attendee(person.id)
    let attended = Set(entry?.sessions ?? [])
    var missing: [String] = []
    for requirement in award.requirements {
      switch requirement {
      case .attend(let kinds, let sessions, let minutes, _):
        let selected = selectedSessions(kinds: kinds, sessions: sessions, in: scope)
        if let minutes {
          let done = selected.filter { attended.contains($0.id) }.reduce(0) { $0 + ($1.durationMinutes ?? 0) }
          if done < minutes { missing.append("minutes:\(done)/\(minutes)") }
        } else {
          for session in selected where !attended.contains(session.id) && !missing.contains(session.id) {
            missing.append(session.id)
          }
        }
      case .pass(let module, _):
        if !(entry?.passed.contains(module) ?? false) { missing.append("module:" + module) }
      case .submit(let survey, _):
        if !(entry?.submitted.contains(survey) ?? false) { missing.append("survey:" + survey) }
      case .complete(let stage, _):
        let done = person.progress.contains { $0.programme == programme.id && $0.stage == stage }
        if !done { missing.append("stage:" + stage.rawValue) }
      }
    }
    let minutes = scope.filter { $0.kind.isLearningActivity && attended.contains($0.id) }
      .reduce(0) { $0 + ($1.durationMinutes ?? 0) }
    return Eligibility(missing: missing, attendedMinutes: minutes)
  }
}
