import KenshuModel
import KenshuXML

extension ValueReader {
  /// A `<followup>` file: the local trainings graduates ran.
  mutating func followUp(_ element: XMLElementView) -> FollowUpRecord {
    FollowUpRecord(
      programme: string(element, "programme") ?? "", roster: string(element, "roster"),
      trainings: element.children(named: "local-training").map { localTraining($0) },
      location: element.location)
  }

  private mutating func localTraining(_ element: XMLElementView) -> LocalTraining {
    let reached = element.children(named: "reached").compactMap { child -> ReachedCount? in
      guard let profession = professions(child, "profession").first,
        let count = integer(child, "count", in: 0...1_000_000)
      else { return nil }
      return ReachedCount(profession: profession, count: count)
    }
    let title = element.child(named: "title")?.normalizedText
    return LocalTraining(
      id: identifier(element) ?? "", date: date(element),
      prefecture: string(element, "prefecture"), municipality: string(element, "municipality"),
      kind: element.attribute("kind").flatMap(LocalTrainingKind.init(rawValue:)) ?? .groupWork,
      title: title?.isEmpty == false ? title : nil, graduates: identifierList(element, "graduates"),
      coInstructors: string(element, "co-instructors").map(LocalTraining.splitCoInstructors) ?? [],
      reached: reached, participants: integer(element, "participants", in: 0...1_000_000),
      location: element.location)
  }
}
