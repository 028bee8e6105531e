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
}
