import Foundation
import KenshuGroups
import KenshuModel

/// Times group formation on synthetic cohorts and reports speed and quality, for
/// `kenshu bench groups`. Run it on a release build; debug builds are many times slower.
///
/// Cases: 1,000 people in groups of 6 over 3 rounds (goal: under 1 s), and 200 people in
/// groups of 6–7 over 4 rounds (goal: 0 repeat pairs), both balancing regions; and the
/// instructor-training cohort of 361 in groups of 6 over 2 rounds. Lines worded in `language`;
/// the quality figures keep the names of `GroupQuality`'s fields in both.
public func runGroupsBenchmark(seed: UInt64 = 1, in language: MessageLanguage) -> String {
  let cases: [(title: String, people: [Person], settings: GroupFormationSettings)] = [
    (
      language.say(
        ja: "1000 人、6 人のグループ、3 ラウンド、地域のバランスあり",
        en: "1000 people, groups of 6, 3 rounds, regions balanced"),
      SyntheticCohort.people(count: 1_000, seed: seed),
      GroupFormationSettings(size: 6, minProfessions: 4, rounds: 3, seed: seed, balanceRegions: true)
    ),
    (
      language.say(
        ja: "200 人、6〜7 人のグループ、4 ラウンド、地域のバランスあり",
        en: "200 people, groups of 6–7, 4 rounds, regions balanced"),
      SyntheticCohort.people(count: 200, seed: seed),
      GroupFormationSettings(
        size: 6, maxSize: 7, minProfessions: 4, rounds: 4, seed: seed, balanceRegions: true)
    ),
    (
      language.say(
        ja: "講師養成の受講者 361 人（医師 112 人）、6 人のグループ、2 ラウンド",
        en: "361 instructor trainees (112 doctors), groups of 6, 2 rounds"),
      SyntheticCohort.nationalCohort(seed: seed),
      GroupFormationSettings(size: 6, minProfessions: 4, rounds: 2, seed: seed)
    ),
  ]
  var lines: [String] = []
  let clock = ContinuousClock()
  for benchmark in cases {
    let people = benchmark.people
    var result: GroupFormationResult?
    let elapsed = clock.measure {
      result = GroupFormation(participants: people, settings: benchmark.settings).run()
    }
    guard let result else { continue }
    let quality = result.quality
    let groups = result.plan.rounds.first?.groups.count ?? 0
    let milliseconds =
      Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
    let time = String(format: "%.1f", milliseconds)
    // The quality figures keep the names of `GroupQuality`'s fields (repeatPairs, score…) in both
    // languages, so that runs can be compared whatever language they were printed in.
    let bounds = quality.lowerBounds
    let figures = language.say(
      ja: " repeatPairs \(quality.repeatPairs)（下限 \(bounds.repeatPairs)）、"
        + "organisationClashes \(quality.organisationClashes)（下限 \(bounds.organisationClashes)）、"
        + "minDistinctProfessions \(quality.minDistinctProfessions)、"
        + "職種が偏ったグループ \(quality.unevenProfessions.count)、最適性 \(quality.provablyOptimal ? "証明済み" : "未証明")。"
        + "score \(quality.score)、下限 \(bounds.score)",
      en: " repeatPairs \(quality.repeatPairs) (bound \(bounds.repeatPairs)),"
        + " organisationClashes \(quality.organisationClashes) (bound \(bounds.organisationClashes)),"
        + " minDistinctProfessions \(quality.minDistinctProfessions),"
        + " uneven professions \(quality.unevenProfessions.count), optimal \(quality.provablyOptimal);"
        + " score \(quality.score); bound \(bounds.score)")
    lines.append(
      language.say(
        ja: "\(benchmark.title): \(time) ms、\(groups) グループ。品質:" + figures,
        en: "\(benchmark.title): \(time) ms, \(groups) groups;" + figures))
  }
  return lines.joined(separator: "\n")
}
