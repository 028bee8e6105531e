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
}
