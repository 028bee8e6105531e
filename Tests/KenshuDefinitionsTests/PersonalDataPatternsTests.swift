import Foundation
import Testing

@testable import KenshuDefinitions

/// Cases come from real practice; the patterns warn about what still looks like personal data
/// and stay quiet about the usual anonymised wording.
@Suite struct PersonalDataPatternsTests {
  private func kinds(_ text: String) -> [String] { PersonalDataPatterns.findings(in: text).map(\.kind) }

  @Test(arguments: [
    ("連絡先 054-123-4567", "a phone number"),
    ("携帯 09012345678", "a phone number"),
    ("生年月日：昭和18年4月1日", "a date of birth"),
    ("昭和18年4月1日生まれ", "a date of birth"),
    ("被保険者番号：1234567890", "an insurance or My Number"),
    ("マイナンバー 1234 5678 9012", "an insurance or My Number"),
    ("山田さんは独居", "a real-looking name"),
    ("佐藤様より相談", "a real-looking name"),
    ("担当は鈴木 さんです", "a real-looking name"),
    ("田中氏の訪問", "a real-looking name"),
  ])
  func test_personalData_isFound(text: String, kind: String) {
    #expect(kinds(text) == [kind])
  }

  @Test(arguments: [
    "Aさん（80代男性）は独居",
    "息子さんと二人暮らし",
    "利用者様の意向を確認する",
    "担当の看護師さんが訪問する",
    "ご家族様への説明",
    "研修は2026年10月17日に行う",
    "#9110 に相談する",
  ])
  func test_anonymisedWording_isNotFlagged(text: String) {
    #expect(kinds(text).isEmpty)
  }

  @Test func test_findings_carryLineAndColumn_andAreReportedOnce() {
    let findings = PersonalDataPatterns.findings(in: "事例\n本人の被保険者番号：1234567890")
    #expect(findings.count == 1)
    #expect(findings.first?.line == 1)
    #expect(findings.first?.column == 4)
  }

  @Test func test_manyFindingsOnOneLine_areEachLocated() {
    func line(_ count: Int) -> String {
      "連絡先：" + (0..<count).map { "03-\(1000 + $0 % 9000)-\(2000 + $0 % 7000)" }.joined(separator: " ")
    }
    let findings = PersonalDataPatterns.findings(in: line(3_000))
    // Every occurrence is reported, each where it is: after 4 characters of prefix and 13 per number before it.
    #expect(findings.count == 3_000)
    #expect(findings.map(\.column) == (0..<3_000).map { 5 + 13 * $0 })
  }
}
