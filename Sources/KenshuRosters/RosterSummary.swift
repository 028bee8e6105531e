import KenshuModel

/// One line of a summary: a category, how many people fall in it, and their share.
public struct SummaryRow: Sendable, Hashable, Codable {
  public var key: String
  public var label: String
  public var count: Int
  public var percent: Percent

  public init(key: String, label: String, count: Int, percent: Percent) {
    self.key = key
    self.label = label
    self.count = count
    self.percent = percent
  }
}

/// People counted by one key, with percentages of the number of people.
///
/// Rows appear in vocabulary order (professions as in `Profession`, prefectures in JIS order,
/// stages in programme order); categories with nobody are left out unless `includeEmpty`.
public struct RosterSummary: Sendable, Hashable {
  public var key: SummaryKey
  /// Number of people counted (not the sum of rows, which differs under `role`).
  public var total: Int
  public var rows: [SummaryRow]

  public init(key: SummaryKey, total: Int, rows: [SummaryRow]) {
    self.key = key
    self.total = total
    self.rows = rows
  }

  /// Counts `people` by `key`.
  public init(
    people: [Person], by key: SummaryKey, classifier: SummaryClassifier = SummaryClassifier(),
    includeEmpty: Bool = false
  ) {
    var counts: [SummaryCategory: Int] = [:]
    if includeEmpty {
      for category in classifier.allCategories(by: key) { counts[category] = 0 }
    }
    for person in people {
      for category in classifier.categories(of: person, by: key) { counts[category, default: 0] += 1 }
    }
    self.key = key
    self.total = people.count
    self.rows = counts.keys.sorted().map { category in
      let count = counts[category] ?? 0
      return SummaryRow(
        key: category.key, label: category.label, count: count,
        percent: Percent(count: count, of: people.count))
    }
  }

  /// The count for a category key, 0 when absent.
  public func count(for key: String) -> Int {
    rows.first { $0.key == key }?.count ?? 0
  }
}
