import Foundation
import KenshuModel

/// Writes a module's quiz in Moodle's GIFT format, for organisations that already run Moodle.
///
/// Text is written as `[plain]`, with GIFT's special characters (`~ = # { } :` and `\`)
/// backslash-escaped and line breaks written as `\n`, so every character survives the import.
public enum GIFTExporter {
  public static func export(_ module: SelfStudyModule) -> String {
    var lines: [String] = [
      "// \(commentSafe(module.title)) — exported by Kenshu",
      "// Quiz answers are for self-study, not examination.",
      "$CATEGORY: \(escape(module.title))",
      "",
    ]
    for question in module.quiz?.questions ?? [] {
      lines.append(contentsOf: block(for: question, moduleID: module.id))
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  static func block(for question: QuizQuestion, moduleID: String) -> [String] {
    var out = ["::\(escape("\(moduleID)-\(question.id)"))::[plain]\(escape(question.text)) {"]
    switch question.kind {
    case .trueFalse:
      let answer = question.choices.first { $0.correct }?.id == "true"
      let wrongFeedback = question.choices.first { !$0.correct }?.feedback
      let rightFeedback = question.choices.first { $0.correct }?.feedback
      var line = answer ? "TRUE" : "FALSE"
      if wrongFeedback != nil || rightFeedback != nil {
        line += "#\(escape(wrongFeedback ?? ""))#\(escape(rightFeedback ?? ""))"
      }
      out.append("  " + line)
    case .single:
      for choice in question.choices {
        out.append("  \(choice.correct ? "=" : "~")\(escape(choice.text))\(feedback(choice))")
      }
    case .multiple:
      let fractions = MoodleGrades.multipleAnswerFractions(correct: question.choices.map(\.correct))
      for (choice, fraction) in zip(question.choices, fractions) {
        out.append("  ~%\(MoodleGrades.format(fraction))%\(escape(choice.text))\(feedback(choice))")
      }
    }
    if let general = question.feedback { out.append("  ####\(escape(general))") }
    out.append("}")
    return out
  }

  private static func feedback(_ choice: Choice) -> String {
    choice.feedback.map { "#\(escape($0))" } ?? ""
  }

  /// Escapes GIFT's special characters; the backslash first, so escapes are not doubled.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "~", "=", "#", "{", "}", ":": result += "\\\(character)"
      case "\n": result += "\\n"
      case "\r": continue
      default: result.append(character)
      }
    }
    return result
  }

  private static func commentSafe(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: " ")
  }
}
