import KenshuModel

/// Forms multidisciplinary groups: assigns participants to tables for one or more rounds so
/// that professions mix, organisations are separated and pairs do not repeat, and puts one
/// facilitator at each table.
///
/// ```swift
/// let formation = GroupFormation(
///   participants: roster.people(withRole: .trainee),
///   facilitators: roster.people(withRole: .facilitator),
///   settings: GroupFormationSettings(spec: session.groupWork, seed: 42))
/// let result = formation.run()
/// print(result.renderJSON())
/// ```
///
/// The objective and the algorithm are described in docs/groups.md. The same input and seed
/// always give the same plan.
public struct GroupFormation: Sendable {
  /// People to seat, in roster order (the order of members in each group).
  public var participants: [Person]
  /// People who may facilitate a table (see `FacilitatorSelection`); may be empty.
  public var facilitators: [Person]
  public var settings: GroupFormationSettings

  /// Largest number of rounds accepted; more would not fit a day of group work anyway.
  public static let maximumRounds = 50

  /// A formation problem; nothing is computed until `run()`.
  public init(participants: [Person], facilitators: [Person] = [], settings: GroupFormationSettings) {
    self.participants = participants
    self.facilitators = facilitators
    self.settings = settings
  }

  /// Forms the groups. Problems with the input (duplicate ids, impossible settings) are
  /// returned as diagnostics; what the plan could not achieve is in `quality.unmet`.
  public func run() -> GroupFormationResult {
    let (people, staff, diagnostics) = cleanedInput()
    let rounds = settings.rounds
    guard !diagnostics.hasErrors, !people.isEmpty else {
      return GroupFormationResult(
        plan: GroupPlan(rounds: []), quality: emptyQuality(), participants: people, facilitators: staff,
        diagnostics: diagnostics)
    }
    let sizing = GroupSizing(people: people.count, settings: settings)
    let problem = FormationProblem(people: people, settings: settings, sizes: sizing.sizes, rounds: rounds)
    let bounds = FormationBounds(problem: problem)
    var state = GroupSearch(problem: problem, bounds: bounds, seed: settings.seed).run()

    func tableMembers() -> [[[Person]]] {
      (0..<rounds).map { round in
        (0..<problem.groupCount).map { group in
          state.members(of: group, in: round).sorted().map { people[$0] }
        }
      }
    }
    var tables = FacilitatorAssignment(facilitators: staff, plan: tableMembers()).tables
    if FacilitatorRepair(problem: problem, facilitators: staff).repair(&state, tables: tables) > 0 {
      // Members moved; seat the facilitators again (never worse than the repaired seating).
      tables = FacilitatorAssignment(facilitators: staff, plan: tableMembers()).tables
    }
    let plan = GroupPlan(
      rounds: tableMembers().enumerated().map { round, groups in
        GroupRound(
          round: round + 1,
          groups: groups.enumerated().map { group, members in
            PlannedGroup(
              group: group + 1, facilitator: tables[round][group].map { staff[$0].id },
              members: members.map(\.id))
          })
      })
    let quality = GroupQualityReport(
      problem: problem, state: state, bounds: bounds, facilitators: staff, facilitatorTables: tables,
      sizingProblem: sizing.unmet
    ).make()
    return GroupFormationResult(
      plan: plan, quality: quality, participants: people, facilitators: staff, diagnostics: diagnostics)
  }

  /// The objective of any plan for these participants and settings, computed from scratch
  /// (facilitators are not part of it). Ids not among the participants are ignored.
  public func score(of plan: GroupPlan) -> GroupScore {
    let (people, _, _) = cleanedInput()
    let groupCount = plan.rounds.map(\.groups.count).max() ?? 0
    let problem = FormationProblem(
      people: people, settings: settings, sizes: Array(repeating: 0, count: groupCount),
      rounds: plan.rounds.count)
    var indexOfID: [String: Int] = [:]
    for (index, person) in people.enumerated() { indexOfID[person.id] = index }
    let assignment = plan.rounds.map { round in
      var groupOf = Array(repeating: -1, count: people.count)
      for (group, planned) in round.groups.enumerated() {
        for id in planned.members { if let index = indexOfID[id] { groupOf[index] = group } }
      }
      return groupOf
    }
    return problem.score(groupOf: assignment)
  }

  /// Participants and facilitators without duplicates, and the diagnostics about them.
  private func cleanedInput() -> (people: [Person], facilitators: [Person], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    if settings.size < 1 {
      diagnostics.append(
        .error(Catalogue.groupsInvalidSize, settings.size, at: SourceLocation(file: "")))
    }
    if settings.rounds < 1 || settings.rounds > Self.maximumRounds {
      diagnostics.append(
        .error(
          Catalogue.groupsInvalidRounds, (settings.rounds, Self.maximumRounds), at: SourceLocation(file: "")))
    }
    var seen = Set<String>()
    var staff: [Person] = []
    for facilitator in facilitators {
      if seen.insert(facilitator.id).inserted {
        staff.append(facilitator)
      } else {
        diagnostics.append(duplicate(facilitator))
      }
    }
    let facilitatorIDs = seen
    var people: [Person] = []
    for person in participants {
      if facilitatorIDs.contains(person.id) {
        diagnostics.append(
          .warning(
            Catalogue.groupsFacilitatorIsParticipant, person.id,
            at: person.location ?? SourceLocation(file: "")))
      } else if seen.insert(person.id).inserted {
        people.append(person)
      } else {
        diagnostics.append(duplicate(person))
      }
    }
    if people.isEmpty {
      diagnostics.append(
        .warning(Catalogue.groupsNoParticipants, (), at: SourceLocation(file: "")))
    }
    return (people, staff, diagnostics)
  }

  private func duplicate(_ person: Person) -> Diagnostic {
    .warning(Catalogue.groupsDuplicatePerson, person.id, at: person.location ?? SourceLocation(file: ""))
  }

  private func emptyQuality() -> GroupQuality {
    GroupQuality(
      repeatPairs: 0, organisationClashes: 0, municipalityClashes: 0, minDistinctProfessions: 0,
      distinctProfessions: [], keepApartViolations: 0, facilitatorOrganisationClashes: 0,
      unevenProfessions: [], spareFacilitators: facilitators.map(\.id),
      lowerBounds: GroupQualityBounds(organisationClashes: 0, repeatPairs: 0, score: GroupScore()),
      score: GroupScore(), provablyOptimal: true, unmet: [])
  }
}

/// A formed plan with its quality, the people it refers to (for rendering names) and any
/// problems found in the input.
public struct GroupFormationResult: Sendable, Hashable {
  /// Rounds → tables → facilitator and member ids.
  public var plan: GroupPlan
  /// How good the plan is, with bounds and what could not be met.
  public var quality: GroupQuality
  /// Participants as used (duplicates and facilitators removed), in roster order.
  public var participants: [Person]
  /// Facilitators as used (duplicates removed), whether or not they got a table.
  public var facilitators: [Person]
  /// Problems with the input; errors mean no plan was made.
  public var diagnostics: [Diagnostic]

  /// A result; normally made by `GroupFormation.run()`.
  public init(
    plan: GroupPlan, quality: GroupQuality, participants: [Person], facilitators: [Person],
    diagnostics: [Diagnostic]
  ) {
    self.plan = plan
    self.quality = quality
    self.participants = participants
    self.facilitators = facilitators
    self.diagnostics = diagnostics
  }

  /// Everyone in the plan by id.
  public var peopleByID: [String: Person] {
    var people: [String: Person] = [:]
    for person in participants + facilitators where people[person.id] == nil { people[person.id] = person }
    return people
  }
}
