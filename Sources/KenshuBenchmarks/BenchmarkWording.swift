import KenshuModel
import KenshuTabular

/// The benchmarks' lines in the run's language: every line `kenshu bench` prints exists in
/// Japanese and English, as every other line of the command line does.
extension MessageLanguage {
  /// `ja` in Japanese, `en` in English; both are required, so no line is worded in one only.
  func say(ja: String, en: String) -> String {
    self == .ja ? ja : en
  }
}

extension String {
  /// The text followed by spaces up to `columns` terminal columns (a Japanese character takes
  /// two), so that the figures after it line up in both languages.
  func padded(toColumns columns: Int) -> String {
    self + String(repeating: " ", count: max(1, columns - DisplayWidth.of(self)))
  }
}
