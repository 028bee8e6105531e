import KenshuModel

/// Small helpers for writing JSON by hand, which we do so that percentages keep their one
/// decimal (`31.0`; `JSONEncoder` writes `31`) and keys keep a documented order.
enum JSONText {
  static func string(_ text: String) -> String { JSONString.quoted(text) }

  static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

  static func optional(_ value: Bool?) -> String { value.map { "\($0)" } ?? "null" }

  static func optional(_ value: Int?) -> String { value.map { "\($0)" } ?? "null" }

  /// `{"a": 1, "b": "x"}` from already-encoded values, in the given order.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  /// An array with one element per line, indented, for readable diffs.
  static func array(_ elements: [String], indent: String = "  ") -> String {
    guard !elements.isEmpty else { return "[]" }
    return "[\n" + elements.map { indent + $0 }.joined(separator: ",\n") + "\n]"
  }
}
