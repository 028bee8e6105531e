/// Dates as Japanese documents print them: the era (令和8年10月17日, 令和元年 for its first
/// year; 平成 from 1989-01-08 to 2019-04-30) and the Western calendar (2026年10月17日). The one
/// era rule of certificates, reception sheets and module pages (`module.js` has the 令和 rule
/// for dates taken in the browser, which are never older).
public enum JapaneseDate {
  /// Year, month and day of a real calendar date written `YYYY-MM-DD`, or `YYYY/MM/DD` as Excel
  /// rewrites a ledger's dates; nil otherwise (2026-02-30 included).
  public static func parts(_ iso: String) -> (year: Int, month: Int, day: Int)? {
    let pieces = iso.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
    guard pieces.count == 3, let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
      (1...9999).contains(year), (1...12).contains(month),
      (1...GregorianMonth.days(month, year: year)).contains(day)
    else {
      return nil
    }
    return (year, month, day)
  }

  /// Whether `text` is a real date in either form (`--date` and ledger dates are checked with it).
  public static func isValid(_ text: String) -> Bool { parts(text) != nil }

  /// `令和8年10月17日`; dates from 1989-01-08 to 2019-04-30 in 平成. The text as given when it is
  /// not an ISO date or falls before 平成.
  public static func era(_ iso: String) -> String {
    guard let (year, month, day) = parts(iso) else { return iso }
    let key = year * 10_000 + month * 100 + day
    let (name, first): (String, Int)
    if key >= 2019_0501 {
      (name, first) = ("令和", 2019)
    } else if key >= 1989_0108 {
      (name, first) = ("平成", 1989)
    } else {
      return western(iso)
    }
    let number = year - first + 1
    return "\(name)\(number == 1 ? "元" : String(number))年\(month)月\(day)日"
  }

  /// `2026年10月17日`.
  public static func western(_ iso: String) -> String {
    guard let (year, month, day) = parts(iso) else { return iso }
    return "\(year)年\(month)月\(day)日"
  }

  /// Both: `令和8年10月17日（2026年10月17日）`.
  public static func longForm(_ iso: String) -> String {
    let era = era(iso)
    let western = western(iso)
    return era == western ? western : "\(era)（\(western)）"
  }
}
