import KenshuModel

/// The people of one formation problem, reduced to small integer indices so that the search
/// compares integers rather than strings.
///
/// Strings are numbered in order of first appearance in the people array, never by iterating a
/// dictionary, so that the numbering (and therefore the plan) is the same in every run.
///
/// A final class with only constants rather than a struct: the search reads it millions of
/// times, and copying a struct of a dozen arrays costs a retain and release per array on every
/// access in unoptimised builds (80% of test time); sharing one immutable instance costs one.
final class FormationProblem: Sendable {
  let people: [Person]
  let count: Int
  let rounds: Int
  /// Group sizes, shared by every round.
  let sizes: [Int]
  /// Index of each person's profession in `Profession.allCases`.
  let profession: [Int]
  let professionKinds = Profession.allCases.count
  /// Organisation index per person; -1 when unknown (an unknown organisation never clashes).
  let organisation: [Int]
  /// Municipality index per person; -1 when unknown or when municipalities are not separated.
  let municipality: [Int]
  /// Region index per person; -1 when unknown or when regions are not balanced.
  let region: [Int]
  let regionKinds: Int
  /// Keep-apart partners per person, symmetric, sorted, without unknown ids.
  let keepApart: [[Int]]
  /// Minimum distinct professions per group (0: none).
  let minProfessions: Int

  var groupCount: Int { sizes.count }

  init(people: [Person], settings: GroupFormationSettings, sizes: [Int], rounds: Int) {
    self.people = people
    count = people.count
    self.rounds = rounds
    self.sizes = sizes
    minProfessions = max(0, settings.minProfessions ?? 0)
    let professionIndex = Dictionary(
      uniqueKeysWithValues: Profession.allCases.enumerated().map { ($0.element, $0.offset) })
    profession = people.map { professionIndex[$0.profession] ?? 0 }
    organisation = Self.intern(people.map { $0.organisation })
    municipality =
      settings.separatesMunicipality
      ? Self.intern(
        people.map { person in
          // Same-named municipalities in different prefectures (e.g. 府中市) are different places.
          person.municipality.map { "\(person.prefecture ?? "")/\($0)" }
        }) : Array(repeating: -1, count: people.count)
    if settings.balanceRegions {
      let prefectures = Self.intern(people.map { $0.prefecture })
      let distinctPrefectures = Set(prefectures.filter { $0 >= 0 }).count
      let regions =
        distinctPrefectures >= 2
        ? prefectures : Self.intern(people.map { $0.municipality })
      region = regions
      regionKinds = (regions.max() ?? -1) + 1
    } else {
      region = Array(repeating: -1, count: people.count)
      regionKinds = 0
    }
    var indexOfID: [String: Int] = [:]
    for (index, person) in people.enumerated() where indexOfID[person.id] == nil {
      indexOfID[person.id] = index
    }
    var partners = Array(repeating: Set<Int>(), count: people.count)
    for (index, person) in people.enumerated() {
      for other in person.keepApart {
        guard let otherIndex = indexOfID[other], otherIndex != index else { continue }
        partners[index].insert(otherIndex)
        partners[otherIndex].insert(index)
      }
    }
    keepApart = partners.map { $0.sorted() }
  }

  /// Numbers distinct non-empty values in order of first appearance; nil or blank gives -1.
  /// Values are compared after width and case folding, so "○○病院" and "○○病院 " are the same.
  static func intern(_ values: [String?]) -> [Int] {
    var numbers: [String: Int] = [:]
    return values.map { value in
      guard let value else { return -1 }
      let key = Profession.normalizedKey(value)
      guard !key.isEmpty else { return -1 }
      if let number = numbers[key] { return number }
      let number = numbers.count
      numbers[key] = number
      return number
    }
  }

  /// 1 when `a` and `b` are marked to be kept apart.
  @inline(__always)
  func keptApart(_ a: Int, _ b: Int) -> Int {
    let list = keepApart[a]
    if list.isEmpty { return 0 }
    return list.contains(b) ? 1 : 0
  }

  /// Separation penalty of `a` and `b` sharing a group: same organisation, plus same
  /// municipality when municipalities are separated.
  @inline(__always)
  func separation(_ a: Int, _ b: Int) -> Int {
    var penalty = 0
    if organisation[a] >= 0 && organisation[a] == organisation[b] { penalty += 1 }
    if municipality[a] >= 0 && municipality[a] == municipality[b] { penalty += 1 }
    return penalty
  }

  /// The objective of a complete assignment (`groupOf[round][person]`), computed from scratch.
  /// Used to check the incremental bookkeeping and to score plans given from outside.
  func score(groupOf: [[Int]]) -> GroupScore {
    var score = GroupScore()
    var meetings: [Int: Int] = [:]
    for round in groupOf {
      var members = Array(repeating: [Int](), count: groupCount)
      for (person, group) in round.enumerated() where group >= 0 && group < groupCount {
        members[group].append(person)
      }
      for group in members {
        var professions = Array(repeating: 0, count: professionKinds)
        var regions = Array(repeating: 0, count: max(regionKinds, 1))
        for (i, a) in group.enumerated() {
          professions[profession[a]] += 1
          if region[a] >= 0 { regions[region[a]] += 1 }
          for b in group[(i + 1)...] {
            score.keepApart += keptApart(a, b)
            score.separation += separation(a, b)
            meetings[min(a, b) * count + max(a, b), default: 0] += 1
          }
        }
        let distinct = professions.filter { $0 > 0 }.count
        score.professionShortfall += max(0, minProfessions - distinct)
        score.professionSpread += professions.reduce(0) { $0 + $1 * $1 }
        if regionKinds > 0 { score.regionSpread += regions.reduce(0) { $0 + $1 * $1 } }
      }
    }
    score.repeatPairs = meetings.values.reduce(0) { $0 + max(0, $1 - 1) }
    return score
  }
}
