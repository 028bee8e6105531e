import Foundation
import KenshuModel

/// Numbers as the report prints them; "—" for undefined.
enum Figure {
  static func decimal(_ value: Double?, digits: Int = 2) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%.\(digits)f", value)
  }

  static func percent(_ value: Double?, digits: Int = 1) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%.\(digits)f%%", value)
  }

  /// A share 0…1 as a percentage.
  static func share(_ value: Double?) -> String { percent(value.map { $0 * 100 }) }

  /// p-values: three decimals, "< 0.001" below that.
  static func p(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    return value < 0.001 ? "&lt; 0.001" : String(format: "%.3f", value)
  }

  /// "p = 0.012" or "p < 0.001", for running text.
  static func pClause(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "p = —" }
    return value < 0.001 ? "p &lt; 0.001" : String(format: "p = %.3f", value)
  }

  static func signed(_ value: Double?, digits: Int = 2) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%+.\(digits)f", value)
  }
}
