import KenshuModel
import Testing

@testable import KenshuExport

/// A module whose texts use every GIFT special character, Japanese, and line breaks.
let trickyModule = SelfStudyModule(
  id: "safety", title: "安全{確保}: 基礎",
  quiz: Quiz(
    passMark: 80,
    questions: [
      QuizQuestion(
        id: "q1", kind: .single, text: "2 = 1 + 1 ですか？ {#~} C:\\path\nと改行",
        choices: [
          Choice(id: "a", text: "はい = yes", correct: true, feedback: "正解 #1: そのとおり"),
          Choice(id: "b", text: "いいえ ~ no", feedback: "{誤り}"),
        ], feedback: "全体: 解説"),
      QuizQuestion(
        id: "q2", kind: .multiple, text: "当てはまるものを全て選ぶ",
        choices: [
          Choice(id: "a", text: "記録する", correct: true),
          Choice(id: "b", text: "相談する", correct: true),
          Choice(id: "c", text: "我慢する"),
          Choice(id: "d", text: "一人で対応する"),
        ]),
      QuizQuestion(
        id: "q3", kind: .trueFalse, text: "暴言はハラスメントではない",
        choices: [
          Choice(id: "true", text: "正しい", feedback: "違います"),
          Choice(id: "false", text: "誤り", correct: true, feedback: "そのとおり"),
        ]),
    ]))

/// Undoes GIFT escaping, as Moodle's importer does.
func unescapeGIFT(_ text: String) -> String {
  var result = ""
  var escaping = false
  for character in text {
    if escaping {
      result.append(character == "n" ? "\n" : character)
      escaping = false
    } else if character == "\\" {
      escaping = true
    } else {
      result.append(character)
    }
  }
  return result
}

/// Splits on an unescaped separator.
func splitUnescaped(_ text: Substring, on separator: Character) -> [String] {
  var parts: [String] = [""]
  var escaping = false
  for character in text {
    if escaping {
      parts[parts.count - 1] += "\\\(character)"
      escaping = false
    } else if character == "\\" {
      escaping = true
    } else if character == separator {
      parts.append("")
    } else {
      parts[parts.count - 1].append(character)
    }
  }
  return parts
}

@Suite struct GIFTExporterTests {
  @Test func escape_backslashesEverySpecialCharacter() {
    #expect(GIFTExporter.escape(##"a~b=c#d{e}f:g\h"##) == ##"a\~b\=c\#d\{e\}f\:g\\h"##)
    #expect(GIFTExporter.escape("一行目\n二行目") == #"一行目\n二行目"#)
  }

  @Test func export_roundTripsQuestionTextChoicesAndFeedback() throws {
    let gift = GIFTExporter.export(trickyModule)
    let blocks = gift.components(separatedBy: "\n\n").filter { $0.hasPrefix("::") }
    #expect(blocks.count == 3)
    let first = try #require(blocks.first)
    // ::title::[plain]text {
    let header = first.split(separator: "\n")[0]
    let titleParts = splitUnescaped(header.dropFirst(2), on: ":")
    #expect(unescapeGIFT(titleParts[0]) == "safety-q1")
    let text = header.split(separator: "]", maxSplits: 1)[1].dropLast(2)
    #expect(unescapeGIFT(String(text)) == "2 = 1 + 1 ですか？ {#~} C:\\path\nと改行")
    let answerLines = first.split(separator: "\n").dropFirst().filter {
      $0.hasPrefix("  =") || $0.hasPrefix("  ~")
    }
    let right = splitUnescaped(answerLines[0].dropFirst(3), on: "#")
    #expect(unescapeGIFT(right[0]) == "はい = yes")
    #expect(unescapeGIFT(right[1]) == "正解 #1: そのとおり")
    let wrong = splitUnescaped(answerLines[1].dropFirst(3), on: "#")
    #expect(unescapeGIFT(wrong[0]) == "いいえ ~ no")
    #expect(unescapeGIFT(wrong[1]) == "{誤り}")
    #expect(first.contains("####全体\\: 解説"))
  }

  @Test func export_multipleAnswerUsesValidMoodleFractions() {
    let gift = GIFTExporter.export(trickyModule)
    #expect(gift.contains("~%50%記録する"))
    #expect(gift.contains("~%50%相談する"))
    #expect(gift.contains("~%-50%我慢する"))
  }

  @Test func export_trueFalseWithBothFeedbacks() {
    let gift = GIFTExporter.export(trickyModule)
    #expect(gift.contains("FALSE#違います#そのとおり"))
  }

  @Test func grades_roundToMoodlesList() {
    #expect(
      MoodleGrades.multipleAnswerFractions(correct: [true, true, true, false]) == [
        33.33333, 33.33333, 33.33333, -100,
      ])
    #expect(MoodleGrades.format(33.33333) == "33.33333")
    #expect(MoodleGrades.format(-100) == "-100")
  }
}
