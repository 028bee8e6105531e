import KenshuModel

/// A JSON value whose objects keep their keys in the order written, so that documented
/// outputs print fields in the documented order (JSONEncoder sorts or scrambles them).
enum JSONText: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONText])
  case object([(String, JSONText)])

  /// Pretty-printed with two-space indentation; arrays and objects containing only scalars
  /// stay on one line, which keeps member lists readable.
  func rendered(indent: Int = 0) -> String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .string(let value): return Self.quoted(value)
    case .array(let items):
      if items.isEmpty { return "[]" }
      if items.allSatisfy(\.isScalar) {
        return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
      }
      let inner = String(repeating: "  ", count: indent + 1)
      return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n"
        + String(repeating: "  ", count: indent) + "]"
    case .object(let fields):
      if fields.isEmpty { return "{}" }
      if fields.allSatisfy({ $0.1.isFlat }) {
        return "{" + fields.map { Self.quoted($0.0) + ": " + $0.1.rendered() }.joined(separator: ", ") + "}"
      }
      let inner = String(repeating: "  ", count: indent + 1)
      return "{\n"
        + fields.map { inner + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }.joined(
          separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// A scalar, or an array of scalars: fits on one line inside an object.
  private var isFlat: Bool {
    switch self {
    case .array(let items): items.allSatisfy(\.isScalar)
    case .object: false
    default: true
    }
  }

  static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
