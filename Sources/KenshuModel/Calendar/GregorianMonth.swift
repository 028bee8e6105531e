/// Month lengths of the Gregorian calendar, for the date checks of roster cells, survey
/// submission times and certificate dates (one rule, so 2100-02-29 is refused everywhere).
public enum GregorianMonth {
  /// Days in `month` (1–12) of `year`: February has 29 in leap years (every fourth year, not
  /// centuries unless divisible by 400).
  public static func days(_ month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
