import Foundation
import KenshuModel

/// Writes a module's quiz in Moodle's GIFT format, for organisations that already run Moodle.
///
/// Text is written as `[plain]`, with GIFT's special characters (`~ = # { } :` and `\`)
/// backslash-escaped and line breaks written as `\n`, so every character survives the import.
///
/// Moodle's reader has three places where that is not enough, handled here:
/// - the `$CATEGORY:` line is not unescaped (Moodle turns `\:` into an internal placeholder
///   there and never restores it), so only the backslash is doubled in it and `/` follows
///   Moodle's path rule (see ``MoodleCategoryPath``);
/// - GIFT has no escape for `%`, and a `~` answer starting with `%50%` is read as a 50% weight,
///   so such an answer gets an explicit `%0%` weight first (Moodle reads only one weight);
/// - an answer or feedback starting with `[` could be read as a text format (`[html]`), so it
///   gets an explicit `[plain]` first.
public enum GIFTExporter {
  public static func export(_ module: SelfStudyModule) -> String {
    var lines: [String] = [
      "// \(commentSafe(module.title)) — exported by Kenshu",
      "// Quiz answers are for self-study, not examination.",
      "$CATEGORY: \(categoryLine(module.title))",
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
        line += "#\(plain(wrongFeedback ?? ""))#\(plain(rightFeedback ?? ""))"
      }
      out.append("  " + line)
    case .single:
      for choice in question.choices {
        // A correct `=` answer is never weight-parsed; a `~` one is, so `%` at its start is guarded.
        let text = plain(choice.text)
        let weight = !choice.correct && startsLikeWeight(text) ? "%0%" : ""
        out.append("  \(choice.correct ? "=" : "~")\(weight)\(text)\(feedback(choice))")
      }
    case .multiple:
      let fractions = MoodleGrades.multipleAnswerFractions(correct: question.choices.map(\.correct))
      for (choice, fraction) in zip(question.choices, fractions) {
        out.append("  ~%\(MoodleGrades.format(fraction))%\(plain(choice.text))\(feedback(choice))")
      }
    }
    if let general = question.feedback { out.append("  ####\(plain(general))") }
    out.append("}")
    return out
  }

  private static func feedback(_ choice: Choice) -> String {
    choice.feedback.map { "#\(plain($0))" } ?? ""
  }

  /// The `$CATEGORY:` value: Moodle's path for the module, with only `\` doubled (Moodle turns
  /// `\\` back into `\` there but leaves every other escape as a placeholder in the name).
  static func categoryLine(_ title: String) -> String {
    MoodleCategoryPath.forModule(titled: title).replacingOccurrences(of: "\\", with: "\\\\")
  }

  /// Escaped answer or feedback text, with `[plain]` in front when it starts with `[` so Moodle
  /// does not take a leading `[html]` or `[markdown]` as its format.
  static func plain(_ text: String) -> String {
    let escaped = escape(text)
    return escaped.drop { $0 == " " || $0 == "\t" }.hasPrefix("[") ? "[plain]" + escaped : escaped
  }

  /// Whether Moodle would read the start of an answer as a `%NN%` weight (it trims the answer and
  /// then matches `%`, optional `-`, one or two digits, optional decimals and `%`); guarding every
  /// leading `%` is simpler and never wrong.
  static func startsLikeWeight(_ text: String) -> Bool {
    text.drop { $0.isWhitespace }.hasPrefix("%")
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
