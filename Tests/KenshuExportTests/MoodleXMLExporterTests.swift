import KenshuXML
import Testing

@testable import KenshuExport

@Suite struct MoodleXMLExporterTests {
  @Test func export_isWellFormedAndKeepsTextExactly() throws {
    let text = MoodleXMLExporter.export(trickyModule)
    let parsed = readXML(Array(text.utf8), path: "quiz.xml")
    #expect(parsed.diagnostics.isEmpty)
    let quiz = try #require(parsed.root)
    let questions = quiz.children(named: "question")
    #expect(
      questions.map { $0.attribute("type") } == ["category", "multichoice", "multichoice", "truefalse"])
    let first = questions[1]
    // The question text is HTML inside XML: one level of XML escaping is undone by the parser.
    #expect(first.child(named: "questiontext")?.text == "<p>2 = 1 + 1 ですか？ {#~} C:\\path</p><p>と改行</p>")
    #expect(first.child(named: "single")?.text == "true")
    let answers = first.children(named: "answer")
    #expect(answers.map { $0.attribute("fraction") } == ["100", "0"])
    #expect(answers[0].child(named: "feedback")?.text == "<p>正解 #1: そのとおり</p>")
  }

  @Test func export_escapesMarkupInTexts() {
    var module = trickyModule
    module.quiz?.questions[0].text = "<script>alert('x')</script> & more"
    let text = MoodleXMLExporter.export(module)
    #expect(!text.contains("<script>"))
    #expect(text.contains("&amp;lt;script&amp;gt;"))
  }

  @Test func export_multipleAnswerFractionsAndTrueFalse() throws {
    let parsed = readXML(Array(MoodleXMLExporter.export(trickyModule).utf8), path: "quiz.xml")
    let questions = try #require(parsed.root).children(named: "question")
    #expect(questions[2].child(named: "single")?.text == "false")
    #expect(
      questions[2].children(named: "answer").map { $0.attribute("fraction") } == ["50", "50", "-50", "-50"])
    let trueFalse = questions[3].children(named: "answer")
    #expect(trueFalse.map { $0.child(named: "text")?.text } == ["true", "false"])
    #expect(trueFalse.map { $0.attribute("fraction") } == ["0", "100"])
  }
}
