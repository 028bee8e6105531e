import Foundation
import Testing

/// Every command that writes more than one format takes `--format` from the one `FormatOption`:
/// its help lists the values it accepts and the default, and any other value is refused before
/// the command runs.
@Suite struct FormatOptionCommandTests {
  /// Command, the values it must list, the default.
  static let commands: [([String], [String], String)] = [
    (["certificates", "p"], ["text", "json"], "text"),
    (["groups", "--roster", "r.csv"], ["table", "csv", "json", "html", "xlsx"], "table"),
    (["responses", "export", "s"], ["csv", "json"], "csv"),
    (["responses", "count"], ["table", "json"], "table"),
    (["survey", "list"], ["table", "json"], "table"),
    (["evaluate", "s", "--responses", "a.csv"], ["csv", "xlsx"], "csv"),
    (["roster", "summary", "r.csv"], ["table", "csv", "json", "xlsx"], "table"),
    (["roster", "progress", "r.csv", "--programme", "p"], ["table", "csv", "json", "xlsx"], "table"),
  ]

  @Test(arguments: commands)
  func help_listsTheValuesAndTheDefault(_ command: [String], _ values: [String], _ standard: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let words = command.prefix { !$0.contains(".") && $0.count > 1 && !$0.hasPrefix("-") }
    let help = try KenshuBinary.run(Array(words.prefix(2)) + ["--help"], in: folder)
    // argument-parser wraps help lines: compare without the line breaks and indentation.
    let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("--format <format> Output format."), "\(command)")
    #expect(text.contains("values: \(values.joined(separator: ", ")); default: \(standard))"), "\(command)")
  }

  @Test(arguments: commands)
  func anotherValue_isRefusedBeforeTheCommandRuns(_ command: [String], _ values: [String], _: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(command + ["--format", "pdf"], in: folder)
    #expect(run.status == 2, "\(command): \(run.stderr)")
    #expect(run.stderr.contains("The value 'pdf' is invalid for '--format <format>'"), "\(command)")
    for value in values { #expect(run.stderr.contains("'\(value)'"), "\(command) lists \(value)") }
  }
}
