import Foundation

/// Output formats for diagnostics, shared by every command that reports problems in files.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  /// Compiler-style lines on stderr: `file:line:col: error: message (hint)`.
  case text
  /// A JSON array of `{file, line, column, severity, code, message, hint}` on stdout.
  case json
  /// Text lines plus GitHub Actions workflow commands (`::error file=…,line=…::…`).
  case github
}

/// The stable JSON shape of one diagnostic (documented in docs/diagnostics.md).
public struct DiagnosticRecord: Sendable, Codable, Equatable {
  public var file: String
  public var line: Int
  public var column: Int
  public var severity: String
  public var code: String
  public var message: String
  public var hint: String?

  public init(_ diagnostic: Diagnostic) {
    file = diagnostic.location.file
    line = diagnostic.location.line
    column = diagnostic.location.column
    severity = diagnostic.severity.rawValue
    code = diagnostic.code
    message = diagnostic.message
    hint = diagnostic.hint
  }
}

extension Array where Element == Diagnostic {
  /// The diagnostics as a pretty-printed JSON array with sorted keys.
  public func jsonText() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(map(DiagnosticRecord.init))) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  /// GitHub Actions workflow commands, one per diagnostic (notes become `notice`).
  public func githubAnnotations() -> [String] {
    map { d in
      let kind =
        switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
      var props = ["file=\(escapeGitHubProperty(d.location.file))"]
      if d.location.line > 0 { props.append("line=\(d.location.line)") }
      if d.location.column > 0 { props.append("col=\(d.location.column)") }
      props.append("title=\(escapeGitHubProperty(d.code))")
      var message = d.message
      if let hint = d.hint, !hint.isEmpty { message += " (\(hint))" }
      return "::\(kind) \(props.joined(separator: ","))::\(escapeGitHubData(message))"
    }
  }

  /// A one-line count such as `2 errors, 1 warning`.
  public func summaryLine() -> String {
    let errors = filter { $0.severity == .error }.count
    let warnings = filter { $0.severity == .warning }.count
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
  }
}

private func escapeGitHubData(_ text: String) -> String {
  text.replacingOccurrences(of: "%", with: "%25")
    .replacingOccurrences(of: "\r", with: "%0D")
    .replacingOccurrences(of: "\n", with: "%0A")
}

private func escapeGitHubProperty(_ text: String) -> String {
  escapeGitHubData(text).replacingOccurrences(of: ":", with: "%3A")
    .replacingOccurrences(of: ",", with: "%2C")
}
