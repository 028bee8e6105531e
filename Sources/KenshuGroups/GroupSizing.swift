/// How many groups there are and how large each one is, for a number of people.
///
/// People are always split as evenly as possible (sizes differ by at most 1); the number of
/// groups is the one whose even split lies in the allowed range and whose mean size is closest
/// to the target. When no count fits (too few people), the closest count is used and the
/// reason is reported.
struct GroupSizing: Sendable, Hashable {
  /// Size of each group, larger groups first.
  var sizes: [Int]
  /// Why the allowed sizes could not be met, when they could not.
  var unmet: UnmetConstraint?

  init(people: Int, settings: GroupFormationSettings) {
    guard people > 0 else {
      sizes = []
      unmet = nil
      return
    }
    let allowed = settings.allowedSizes
    let target = Double(max(1, settings.size))
    var best: (count: Int, fits: Bool, distance: Double)?
    for count in 1...people {
      let small = people / count
      let large = small + (people % count == 0 ? 0 : 1)
      let fits = allowed.contains(small) && allowed.contains(large)
      let distance = abs(Double(people) / Double(count) - target)
      if let current = best {
        // A fitting count beats a non-fitting one; then the mean closest to the target wins,
        // and on a tie the smaller number of groups (fewer facilitators needed).
        if (fits && !current.fits) || (fits == current.fits && distance < current.distance) {
          best = (count, fits, distance)
        }
      } else {
        best = (count, fits, distance)
      }
    }
    let count = best?.count ?? 1
    let small = people / count
    let extra = people % count
    sizes = (0..<count).map { $0 < extra ? small + 1 : small }
    if best?.fits == false {
      let range = small == (sizes.first ?? small) ? "\(small)" : "\(small)–\(small + 1)"
      unmet = UnmetConstraint(
        code: "group-size",
        ja:
          "\(people)人を\(allowed.lowerBound)〜\(allowed.upperBound)人のグループに分けられないため、\(range)人のグループを\(count)つ作りました",
        en: "\(people) people cannot be split into groups of \(allowed.lowerBound)–\(allowed.upperBound);"
          + " made \(count) group(s) of \(range)")
    } else {
      unmet = nil
    }
  }
}
