import Foundation
import Testing

@testable import KenshuTabular

/// The formula guard is on unless a caller turns it off: every CSV Kenshu writes for people
/// (token lists, progress reports, summaries, response exports) is guarded without asking.
@Suite struct CSVWriterDefaultGuardTests {
  @Test(arguments: [
    ("=HYPERLINK(\"http://x\",\"y\")", true), ("+cmd", true), ("-cmd", true), ("@SUM(A1)", true),
    ("\t=1", true), ("\r=1", true), ("-5", false), ("+81", false), ("山田", false),
  ])
  func test_defaultWriter_guards(field: String, guarded: Bool) {
    for writer in [CSVWriter(), CSVWriter(encoding: .utf8BOM), CSVWriter(separator: .tab)] {
      let cell = writer.quoted(field)
      let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
      #expect(unquoted.hasPrefix("'") == guarded, "\(cell.debugDescription)")
      #expect(unquoted.dropFirst(guarded ? 1 : 0).hasPrefix(field.prefix(1)))
    }
    let text = CSVWriter().text(for: [["name"], [field]])
    #expect(text.contains(guarded ? "'" + field.prefix(1) : field.prefix(1)))
  }
}
