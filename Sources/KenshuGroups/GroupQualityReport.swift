import KenshuModel

/// Builds the `GroupQuality` of a finished search, including the human-readable reasons for
/// everything not met.
struct GroupQualityReport {
  let problem: FormationProblem
  let state: FormationState
  let bounds: FormationBounds
  let facilitators: [Person]
  let facilitatorTables: [[Int?]]
  let sizingProblem: UnmetConstraint?

  func make() -> GroupQuality {
    let rounds = 0..<problem.rounds
    let groups = 0..<problem.groupCount
    let distinct = rounds.map { round in groups.map { state.distinctProfessions(of: $0, in: round) } }
    var organisationClashes = 0
    var municipalityClashes = 0
    var keepApart: [(round: Int, group: Int, a: String, b: String)] = []
    let municipalities = FormationProblem.intern(
      problem.people.map { person in person.municipality.map { "\(person.prefecture ?? "")/\($0)" } })
    for round in rounds {
      for group in groups {
        let members = state.members(of: group, in: round)
        for (i, a) in members.enumerated() {
          for b in members[(i + 1)...] {
            let organisation = problem.organisation[a]
            if organisation >= 0 && organisation == problem.organisation[b] { organisationClashes += 1 }
            if municipalities[a] >= 0 && municipalities[a] == municipalities[b] { municipalityClashes += 1 }
            if problem.keptApart(a, b) == 1 {
              let (first, second) = (problem.people[a].id, problem.people[b].id)
              keepApart.append((round, group, min(first, second), max(first, second)))
            }
          }
        }
      }
    }
    let facilitatorFindings = facilitatorReport()
    let uneven = unevenProfessions()
    let organisationTotals = FormationBounds.totals(
      problem.organisation, kinds: (problem.organisation.max() ?? -1) + 1)
    let organisationBound =
      problem.groupCount == 0
      ? 0
      : problem.rounds
        * organisationTotals.reduce(0) { $0 + FormationBounds.evenPairs($1, problem.groupCount) }
    let lowerBounds = GroupQualityBounds(
      organisationClashes: organisationBound, repeatPairs: bounds.score.repeatPairs, score: bounds.score)

    var unmet: [UnmetConstraint] = []
    if let sizingProblem { unmet.append(sizingProblem) }
    for violation in keepApart + facilitatorFindings.keepApart {
      unmet.append(
        UnmetConstraint(
          code: "keep-apart",
          ja:
            "第\(violation.round + 1)ラウンドのテーブル\(violation.group + 1)で \(violation.a) と \(violation.b) を離せませんでした"
            + "（別々にすべき組合せが多すぎます）",
          en: "round \(violation.round + 1), table \(violation.group + 1):"
            + " \(violation.a) and \(violation.b) could not be kept apart (too many keep-apart pairs for the tables)"
        ))
    }
    unmet += professionFindings(distinct: distinct)
    unmet += uneven.map { profession in
      UnmetConstraint(
        code: "profession-spread",
        ja: "\(profession.japaneseLabel)の人数がテーブル間で2人以上違います（グループの大きさと上位の条件のため）",
        en:
          "\(profession.englishLabel) counts differ by 2 or more between tables (group sizes and higher priorities)"
      )
    }
    if organisationClashes > 0 {
      let largest = organisationTotals.max() ?? 0
      unmet.append(
        UnmetConstraint(
          code: "organisation-separation",
          ja:
            "同じ所属の\(organisationClashes)組が同じテーブルです（最低\(organisationBound)組は避けられません。最大の所属は\(largest)人、テーブルは\(problem.groupCount)卓）",
          en:
            "\(organisationClashes) same-organisation pair(s) share a table (at least \(organisationBound) unavoidable:"
            + " the largest organisation has \(largest) people for \(problem.groupCount) tables)"))
    }
    if problem.municipality.contains(where: { $0 >= 0 }) && municipalityClashes > 0 {
      unmet.append(
        UnmetConstraint(
          code: "municipality-separation",
          ja: "同じ市区町村の\(municipalityClashes)組が同じテーブルです（所属の分離を優先）",
          en:
            "\(municipalityClashes) same-municipality pair(s) share a table (organisations are separated first)"
        ))
    }
    if state.score.repeatPairs > 0 {
      unmet.append(
        UnmetConstraint(
          code: "repeat-pairs",
          ja:
            "前のラウンドと同じ組合せが\(state.score.repeatPairs)回あります（最低\(bounds.score.repeatPairs)回は避けられません。職種と所属の条件を優先）",
          en:
            "\(state.score.repeatPairs) repeated pair meeting(s) (at least \(bounds.score.repeatPairs) unavoidable;"
            + " professions and organisations come first)"))
    }
    unmet += facilitatorFindings.unmet

    return GroupQuality(
      repeatPairs: state.score.repeatPairs,
      organisationClashes: organisationClashes,
      municipalityClashes: municipalityClashes,
      minDistinctProfessions: distinct.joined().min() ?? 0,
      distinctProfessions: distinct,
      keepApartViolations: keepApart.count + facilitatorFindings.keepApart.count,
      facilitatorOrganisationClashes: facilitatorFindings.organisationClashes,
      unevenProfessions: uneven,
      spareFacilitators: facilitatorFindings.spare,
      lowerBounds: lowerBounds,
      score: state.score,
      provablyOptimal: state.score == bounds.score,
      unmet: unmet)
  }

  /// Why some tables lack the minimum number of professions.
  private func professionFindings(distinct: [[Int]]) -> [UnmetConstraint] {
    let minimum = problem.minProfessions
    let short = distinct.joined().filter { $0 < minimum }.count
    guard minimum > 0, short > 0 else { return [] }
    let totals = FormationBounds.totals(problem.profession, kinds: problem.professionKinds)
    let present = totals.filter { $0 > 0 }.count
    let reason: (ja: String, en: String)
    if present < minimum {
      reason = (
        "参加者\(problem.count)人の職種は\(present)種類のみです",
        "only \(present) profession(s) among \(problem.count) people"
      )
    } else if let smallest = problem.sizes.min(), smallest < minimum {
      reason = ("\(smallest)人のテーブルがあります", "some tables have only \(smallest) people")
    } else {
      let seats = totals.reduce(0) { $0 + min($1, problem.groupCount) }
      reason = (
        "職種の異なる人が足りません（\(problem.groupCount)卓×\(minimum)職種に対し\(seats)）",
        "too few people of different professions (\(seats) for \(problem.groupCount) tables × \(minimum))"
      )
    }
    return [
      UnmetConstraint(
        code: "min-professions",
        ja: "\(short)卓が\(minimum)職種に届きません：\(reason.ja)",
        en: "\(short) table(s) have fewer than"
          + " \(minimum) professions: \(reason.en); minimum \(minimum) per group cannot be met")
    ]
  }

  /// Professions whose per-table counts differ by more than 1 within a round.
  private func unevenProfessions() -> [Profession] {
    Profession.allCases.enumerated().filter { index, _ in
      (0..<problem.rounds).contains { round in
        let counts = (0..<problem.groupCount).map { state.count(ofProfession: index, in: $0, round: round) }
        return (counts.max() ?? 0) - (counts.min() ?? 0) > 1
      }
    }.map(\.element)
  }

  private struct FacilitatorFindings {
    var keepApart: [(round: Int, group: Int, a: String, b: String)] = []
    var organisationClashes = 0
    var spare: [String] = []
    var unmet: [UnmetConstraint] = []
  }

  private func facilitatorReport() -> FacilitatorFindings {
    var findings = FacilitatorFindings()
    guard !facilitators.isEmpty else { return findings }
    var used = Set<Int>()
    var missing = 0
    for (round, tables) in facilitatorTables.enumerated() {
      for (group, facilitatorIndex) in tables.enumerated() {
        guard let facilitatorIndex else {
          missing += 1
          continue
        }
        used.insert(facilitatorIndex)
        let facilitator = facilitators[facilitatorIndex]
        let key = FacilitatorAssignment.organisationKey(facilitator)
        var clash = false
        for member in state.members(of: group, in: round).map({ problem.people[$0] }) {
          if key != nil && FacilitatorAssignment.organisationKey(member) == key { clash = true }
          if facilitator.keepApart.contains(member.id) || member.keepApart.contains(facilitator.id) {
            findings.keepApart.append(
              (round, group, min(facilitator.id, member.id), max(facilitator.id, member.id)))
          }
        }
        if clash {
          findings.organisationClashes += 1
          findings.unmet.append(
            UnmetConstraint(
              code: "facilitator-organisation",
              ja:
                "第\(round + 1)ラウンドのテーブル\(group + 1)：ファシリテーター \(facilitator.id) と同じ所属の参加者がいます（他の割り当てではより多く重なります）",
              en:
                "round \(round + 1), table \(group + 1): facilitator \(facilitator.id) sits with a member of"
                + " their own organisation (unavoidable with these tables)"))
        }
      }
    }
    if missing > 0 {
      let tables = problem.groupCount
      findings.unmet.append(
        UnmetConstraint(
          code: "facilitator-shortage",
          ja:
            "ファシリテーター\(facilitators.count)人に対しテーブルが\(tables)卓のため、各ラウンド\(tables - facilitators.count)卓は担当なしです",
          en: "only \(facilitators.count) facilitator(s) for \(tables) tables; \(tables - facilitators.count)"
            + " table(s) per round have none"))
    }
    findings.spare = facilitators.enumerated().filter { !used.contains($0.offset) }.map(\.element.id)
    return findings
  }
}
