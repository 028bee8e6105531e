import KenshuDefinitions
import KenshuModel
import Testing

/// A programme, module or survey without `xml:lang` is in the site's language; one that says
/// otherwise keeps its own.
@Suite struct ContentLanguageTests {
  @Test func test_undeclaredLanguage_followsTheSite_declaredOneIsKept() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("kenshu.xml", #"<site xmlns="urn:kenshu:1" xml:lang="en" title="Training"/>"#)
    let programme = { (id: String, lang: String) in
      """
      <programme xmlns="urn:kenshu:1" id="\(id)"\(lang)>
        <title>t</title>
        <course id="c" start="13:00"><title>d</title>
          <session id="s" kind="lecture" duration="PT60M"><title>l</title></session>
        </course>
      </programme>
      """
    }
    try project.write("curricula/a.xml", programme("a", ""))
    try project.write("curricula/b.xml", programme("b", #" xml:lang="ja""#))
    let result = project.load(["kenshu.xml", "curricula/a.xml", "curricula/b.xml"])
    #expect(result.project.programmes.map(\.language) == ["en", "ja"])
  }

  /// `<content xml:lang="ja">` in an English programme: the text keeps its own language.
  @Test func test_contentLanguage_isKeptOnTheBlock() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/a.xml",
      """
      <programme xmlns="urn:kenshu:1" id="a" xml:lang="en">
        <title>Training</title>
        <course id="c" start="13:00"><title>Day 1</title>
          <session id="s" kind="lecture" duration="PT60M"><title>Talk</title><content xml:lang="ja">日本語の資料です。</content></session>
          <session id="t" kind="lecture" duration="PT60M"><title>Talk 2</title><content>In English.</content></session>
        </course>
      </programme>
      """)
    let result = project.load(["curricula/a.xml"])
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
    let sessions = try #require(result.project.programmes.first?.courses.first?.sessions)
    #expect(sessions.map { $0.content?.language } == ["ja", nil])
  }

  /// `<session xml:lang="en">` in a Japanese programme (an English guest lecture): the session
  /// is English, and so are its texts without a language of their own; a `<content xml:lang>`
  /// keeps its own, and a session without one is in its programme's language.
  @Test func test_sessionLanguage_isRead_andGivenToItsTextsWithoutOne() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/a.xml",
      """
      <programme xmlns="urn:kenshu:1" id="a" xml:lang="ja">
        <title>多職種連携研修</title>
        <course id="c" start="13:00"><title>1日目</title>
          <session id="guest" kind="groupwork" duration="PT60M" xml:lang="en">
            <title>Guest lecture</title>
            <content>Home care in the Netherlands.</content>
            <case title="Mr A"><body>An 80-year-old man.</body><answer-key>Ask first.</answer-key></case>
            <facilitator-notes>Keep time.</facilitator-notes>
          </session>
          <session id="mixed" kind="lecture" duration="PT30M" xml:lang="en">
            <title>Q&amp;A</title><content xml:lang="ja">日本語の資料です。</content>
          </session>
          <session id="local" kind="lecture" duration="PT30M"><title>講義</title><content>本文</content></session>
        </course>
      </programme>
      """)
    let result = project.load(["curricula/a.xml"])
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
    let sessions = try #require(result.project.programmes.first?.courses.first?.sessions)
    #expect(sessions.map(\.language) == ["en", "en", nil])
    #expect(sessions.map { $0.content?.language } == ["en", "ja", nil])
    let guest = sessions[0]
    #expect(guest.facilitatorNotes.map(\.language) == ["en"])
    #expect(guest.groupWork?.cases.map(\.body.language) == ["en"])
    #expect(guest.groupWork?.cases.map { $0.answerKey?.language } == ["en"])
  }

  /// A session's `xml:lang` is checked like a programme's: a value that is no language tag is an
  /// error at the attribute.
  @Test func test_sessionLanguage_thatIsNoLanguageTag_isReportedAtTheAttribute() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/a.xml",
      """
      <programme xmlns="urn:kenshu:1" id="a">
        <title>研修</title>
        <course id="c" start="13:00"><title>1日目</title>
          <session id="s" kind="lecture" duration="PT60M" xml:lang="英語"><title>講義</title></session>
        </course>
      </programme>
      """)
    let result = project.load(["curricula/a.xml"])
    let found = try #require(result.diagnostics("invalid-language").first)
    #expect(found.location.line == 4)
    #expect(found.message.contains("<session>"))
  }
}
