/// A calendar date written in the Japanese era (令和) and in Western form, as on a Japanese
/// certificate: `令和8年6月1日（2026年6月1日）`.
///
/// 令和 began on 1 May 2019; its first year is written 元年 (gan-nen), not 1年. Dates before
/// 1 May 2019 belong to 平成 and are written in Western form only — certificates issued by
/// Kenshu are never that old. The same rule lives in `module.js` for dates taken in the browser.
public struct ReiwaDate: Sendable, Hashable {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`; nil for anything else or an impossible month or day.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Whether the date falls in the 令和 era (from 2019-05-01).
  public var isReiwa: Bool { (year, month, day) >= (2019, 5, 1) }

  /// `令和8年` / `令和元年`, or nil before the era began.
  public var eraYear: String? {
    guard isReiwa else { return nil }
    let reiwa = year - 2018
    return reiwa == 1 ? "令和元年" : "令和\(reiwa)年"
  }

  /// `2026年6月1日`.
  public var western: String { "\(year)年\(month)月\(day)日" }

  /// `令和8年6月1日`, or the Western form before 令和.
  public var japanese: String { eraYear.map { "\($0)\(month)月\(day)日" } ?? western }

  /// Both forms: `令和8年6月1日（2026年6月1日）`.
  public var both: String { isReiwa ? "\(japanese)（\(western)）" : western }
}
