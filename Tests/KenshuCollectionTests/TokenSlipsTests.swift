import Testing

@testable import KenshuCollection

/// The printable answer slips of `roster tokens --slips` (issue 14).
@Suite struct TokenSlipsTests {
  let slips = TokenSlips(
    surveyID: "day1-eval", surveyTitle: "1日目 <評価>", siteURL: "https://kenshu.example.org/training",
    slips: [
      TokenSlips.Slip(participant: "r 0001&x", name: "山田 <花子>", token: "ABCDEFGHJKMNPQRSTVWXYZ0123"),
      TokenSlips.Slip(participant: "r0002", name: "", token: "0123456789ABCDEFGHJKMNPQRS"),
    ])

  @Test func link_opensTheSurveyFolderWithTheTokenAlone_namingNobody() {
    #expect(
      slips.link(for: slips.slips[0])
        == "https://kenshu.example.org/training/surveys/day1-eval/?t=ABCDEFGHJKMNPQRSTVWXYZ0123")
    #expect(
      slips.link(for: TokenSlips.Slip(participant: "r1", name: "", token: "a b&c")).hasSuffix("/?t=a%20b%26c")
    )
  }

  @Test func code_isGroupedInFives() {
    #expect(TokenSlips.grouped("ABCDEFGHJKMNPQRSTVWXYZ0123") == "ABCDE-FGHJK-MNPQR-STVWX-YZ012-3")
    #expect(TokenSlips.grouped("") == "")
  }

  @Test func page_escapesNamesAndTitles_hasAQRCodePerSlip_andNoScript() throws {
    let html = try slips.html()
    #expect(html.contains("<h2>山田 &lt;花子&gt;</h2>"))
    #expect(html.contains("<h2>r0002</h2>"), "no name: the participant id heads the slip")
    #expect(html.contains("1日目 &lt;評価&gt;"))
    #expect(html.components(separatedBy: "<svg ").count == 3)
    #expect(html.contains("ABCDE-FGHJK-MNPQR-STVWX-YZ012-3"))
    #expect(html.contains("@page { size: A4;"))
    #expect(!html.contains("<script"))
    #expect(html.contains("default-src 'none'"))
  }

  @Test func siteURL_mustBeAbsoluteHTTP() {
    #expect(TokenSlips.isSiteURL("https://kenshu.example.org/"))
    #expect(TokenSlips.isSiteURL("http://127.0.0.1:8080/"))
    #expect(!TokenSlips.isSiteURL("/training/"))
    #expect(!TokenSlips.isSiteURL("javascript:alert(1)"))
    #expect(!TokenSlips.isSiteURL("file:///tmp/site/"))
  }
}
