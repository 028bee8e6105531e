import KenshuModel

/// Writes a module's quiz as Moodle XML: per-choice feedback, multiple-answer fractions that
/// Moodle accepts, general feedback, and the module's shuffle setting.
public enum MoodleXMLExporter {
  public static func export(_ module: SelfStudyModule) -> String {
    var out = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<!-- \(comment(module.title)): exported by Kenshu. Quiz answers are for self-study, not examination. -->",
      "<quiz>",
      #"  <question type="category">"#,
      "    <category><text>\(xml(MoodleCategoryPath.forModule(titled: module.title)))</text></category>",
      "  </question>",
    ]
    let shuffle = module.quiz?.shuffleChoices ?? false
    for question in module.quiz?.questions ?? [] {
      out += questionXML(question, moduleID: module.id, shuffle: shuffle)
    }
    out.append("</quiz>")
    return out.joined(separator: "\n") + "\n"
  }

  static func questionXML(_ question: QuizQuestion, moduleID: String, shuffle: Bool) -> [String] {
    let type = question.kind == .trueFalse ? "truefalse" : "multichoice"
    var out = [
      #"  <question type="\#(type)">"#,
      "    <name><text>\(xml("\(moduleID)-\(question.id)"))</text></name>",
      #"    <questiontext format="html"><text>\#(html(question.text))</text></questiontext>"#,
      #"    <generalfeedback format="html"><text>\#(html(question.feedback ?? ""))</text></generalfeedback>"#,
      "    <defaultgrade>1</defaultgrade>",
      "    <penalty>\(question.kind == .trueFalse ? "1" : "0.3333333")</penalty>",
      "    <hidden>0</hidden>",
    ]
    switch question.kind {
    case .trueFalse:
      let answer = question.choices.first { $0.correct }?.id == "true"
      for (value, choice) in [
        ("true", question.choices.first { $0.id == "true" }),
        ("false", question.choices.first { $0.id == "false" }),
      ] {
        let fraction = (value == "true") == answer ? "100" : "0"
        out.append(#"    <answer fraction="\#(fraction)" format="moodle_auto_format">"#)
        out.append("      <text>\(value)</text>")
        out.append(#"      <feedback format="html"><text>\#(html(choice?.feedback ?? ""))</text></feedback>"#)
        out.append("    </answer>")
      }
    case .single, .multiple:
      let fractions =
        question.kind == .single
        ? question.choices.map { $0.correct ? 100.0 : 0 }
        : MoodleGrades.multipleAnswerFractions(correct: question.choices.map(\.correct))
      out.append("    <single>\(question.kind == .single ? "true" : "false")</single>")
      out.append("    <shuffleanswers>\(shuffle ? "true" : "false")</shuffleanswers>")
      out.append("    <answernumbering>abc</answernumbering>")
      for (choice, fraction) in zip(question.choices, fractions) {
        out.append(#"    <answer fraction="\#(MoodleGrades.format(fraction))" format="html">"#)
        out.append("      <text>\(html(choice.text))</text>")
        out.append(#"      <feedback format="html"><text>\#(html(choice.feedback ?? ""))</text></feedback>"#)
        out.append("    </answer>")
      }
    }
    out.append("  </question>")
    return out
  }

  /// Plain text as Moodle HTML inside XML: HTML-escaped, paragraphs for line breaks, then
  /// XML-escaped for the file.
  static func html(_ text: String) -> String {
    guard !text.isEmpty else { return "" }
    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true).map {
      "<p>" + escapeMarkup(String($0)) + "</p>"
    }
    return xml(paragraphs.joined())
  }

  static func xml(_ text: String) -> String { escapeMarkup(text) }

  private static func comment(_ text: String) -> String {
    text.replacingOccurrences(of: "--", with: "- -")
  }
}

/// Escapes `& < > " '` for XML and HTML text and attribute values.
func escapeMarkup(_ text: String) -> String { Markup.escape(text) }
