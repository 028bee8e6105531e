import KenshuModel

/// Chooses who may facilitate: people holding a role, and only those qualified for the
/// programme or module when a subject is given (qualification is earned by completing the
/// instructor-training programme).
public enum FacilitatorSelection {
  /// The people of `people` who hold `role`; when `subject` is given, only those qualified to
  /// facilitate it, with a warning (`groups-unqualified-facilitator`) for each one left out.
  public static func facilitators(
    in people: [Person], role: PersonRole = .facilitator, qualifiedFor subject: String? = nil
  ) -> (facilitators: [Person], diagnostics: [Diagnostic]) {
    var chosen: [Person] = []
    var diagnostics: [Diagnostic] = []
    for person in people where person.roles.contains(role) {
      if let subject, !person.isQualified(as: .facilitator, for: subject) {
        diagnostics.append(
          .warning(
            Catalogue.groupsUnqualifiedFacilitator, (person.id, subject),
            at: person.location ?? SourceLocation(file: "")))
      } else {
        chosen.append(person)
      }
    }
    return (chosen, diagnostics)
  }
}
