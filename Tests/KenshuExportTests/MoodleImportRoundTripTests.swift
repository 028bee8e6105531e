import Foundation
import KenshuModel
import KenshuXML
import Testing

@testable import KenshuExport

/// The stress module: every GIFT special character, `/`, `%` weights and line breaks in the
/// title, question texts, choices and feedback.
func stressModule() throws -> SelfStudyModule {
  struct Fixture: Decodable {
    var id: String
    var title: String
    var quiz: Quiz
  }
  let url = try #require(
    Bundle.module.url(forResource: "gift-stress-module", withExtension: "json", subdirectory: "Fixtures"))
  let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  return SelfStudyModule(id: fixture.id, title: fixture.title, quiz: fixture.quiz)
}

/// Moodle's allowed grades (question_bank::fraction_options_full), kept apart from the exporter's
/// copy so a wrong value there is caught.
private let moodleFractions: [Double] = [
  1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
  0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0,
]

/// Moodle's import check: within 0.00001 of an allowed fraction (either sign).
private func moodleAcceptsGrade(_ percent: Double) -> Bool {
  moodleFractions.contains { abs(abs(percent) / 100 - $0) < 0.00001 }
}

/// Moodle's multiple-answer check: the positive fractions, rounded to two decimals, total 1.
private func moodleAcceptsMultipleAnswerTotal(_ percents: [Double]) -> Bool {
  let total = percents.filter { $0 > 0 }.reduce(0) { $0 + $1 / 100 }
  return (total * 100).rounded() / 100 == 1
}

/// The category Moodle keeps for the module: its title, with line breaks as spaces.
private func expectedCategory(_ module: SelfStudyModule) -> [String] {
  ["$course$", "top", module.title.replacingOccurrences(of: "\n", with: " ")]
}

@Suite struct MoodleGradeSchemeTests {
  @Test(arguments: 1...20)
  func shares_areAllowedAndTotalOneHundred(count: Int) throws {
    let shares = try #require(MoodleGrades.shares(count: count))
    #expect(shares.count == count)
    #expect(shares.allSatisfy(moodleAcceptsGrade))
    #expect(moodleAcceptsMultipleAnswerTotal(shares))
    // With two wrong choices too, every grade stays allowed and the wrong ones are negative.
    let fractions = MoodleGrades.multipleAnswerFractions(
      correct: Array(repeating: true, count: count) + [false, false])
    #expect(fractions.allSatisfy(moodleAcceptsGrade))
    #expect(moodleAcceptsMultipleAnswerTotal(fractions))
    #expect(fractions.suffix(2) == [-50, -50])
  }

  @Test func elevenCorrect_isNineTensAndTwoFives_not110Percent() {
    #expect(MoodleGrades.shares(count: 11) == Array(repeating: 10, count: 9) + [5, 5])
    #expect(MoodleGrades.shares(count: 3) == [33.33333, 33.33333, 33.33333])
  }

  @Test func moreThanTwentyCorrect_isReportedAsAProblem() {
    #expect(MoodleGrades.shares(count: 21) == nil)
    let choices = (1...21).map { Choice(id: "c\($0)", text: "\($0)", correct: true) }
    let module = SelfStudyModule(
      id: "m", title: "t",
      quiz: Quiz(
        passMark: 80, questions: [QuizQuestion(id: "q", kind: .multiple, text: "x", choices: choices)]))
    let problems = MoodleGrades.problems(in: module)
    #expect(problems.count == 1)
    #expect(problems.first?.en.message.contains("\"q\" has 21 correct choices") == true)
    #expect(problems.first?.ja.message.contains("正解は 21 個") == true)
    #expect(MoodleGrades.problems(in: trickyModule).isEmpty)
  }
}

@Suite struct GIFTMoodleImportTests {
  @Test func stressModule_importsAsWritten() throws {
    let module = try stressModule()
    let items = try MoodleGIFTReader.read(GIFTExporter.export(module))
    let questions = try #require(module.quiz?.questions)
    #expect(items.count == 1 + questions.count)

    guard case .category(let path) = items[0] else {
      Issue.record("first item is not a category: \(items[0])")
      return
    }
    #expect(MoodleGIFTReader.splitCategoryPath(path) == expectedCategory(module))

    for (item, question) in zip(items.dropFirst(), questions) {
      switch (item, question.kind) {
      case (.multichoice(let name, let text, let single, let answers, let general), .single),
        (.multichoice(let name, let text, let single, let answers, let general), .multiple):
        #expect(name == "\(module.id)-\(question.id)")
        #expect(text == question.text)
        #expect(single == (question.kind == .single))
        #expect(general == (question.feedback ?? ""))
        #expect(answers.map(\.text) == question.choices.map(\.text))
        #expect(answers.map(\.feedback) == question.choices.map { $0.feedback ?? "" })
        if question.kind == .single {
          #expect(answers.map(\.percent) == question.choices.map { $0.correct ? 100 : 0 })
        } else {
          #expect(answers.allSatisfy { moodleAcceptsGrade($0.percent) })
          #expect(moodleAcceptsMultipleAnswerTotal(answers.map(\.percent)))
          #expect(zip(answers, question.choices).allSatisfy { ($0.percent > 0) == $1.correct })
        }
      case (
        .trueFalse(let name, let text, let answer, let feedbackTrue, let feedbackFalse, let general),
        .trueFalse
      ):
        #expect(name == "\(module.id)-\(question.id)")
        #expect(text == question.text)
        #expect(answer == (question.choices.first { $0.correct }?.id == "true"))
        #expect(feedbackTrue == question.choices.first { $0.id == "true" }?.feedback)
        #expect(feedbackFalse == question.choices.first { $0.id == "false" }?.feedback)
        #expect(general == (question.feedback ?? ""))
      default:
        Issue.record("question \(question.id) read as \(item)")
      }
    }
  }

  @Test func categoryLine_hasNoEscapesMoodleWouldKeep() throws {
    let gift = GIFTExporter.export(try stressModule())
    let line = try #require(gift.split(separator: "\n").first { $0.hasPrefix("$CATEGORY:") })
    #expect(line == #"$CATEGORY: $course$/top/安全//確保 {基礎}: ~=#\\ 100% ////二重// 改行 の後"#)
  }

  @Test func percentAtStartOfWrongChoice_getsExplicitZeroWeight() throws {
    let gift = GIFTExporter.export(try stressModule())
    #expect(gift.contains("  ~%0%%100%誤り \\= 重み風#%0% 誤り"))
    #expect(gift.contains("  =%50% は重みではない#正解 \\#1\\: そのとおり"))
    #expect(gift.contains("  ~[plain][html]<b>太字</b> ではない#[plain][plain] も文字"))
  }

  @Test func readerCatchesTheOldEscapedCategory() throws {
    // The category line the exporter used to write: Moodle keeps its escapes as placeholders.
    let items = try MoodleGIFTReader.read(#"$CATEGORY: 安全\: 基礎"#)
    #expect(items != [.category("安全: 基礎")])
  }
}

@Suite struct MoodleXMLImportTests {
  @Test func stressModule_categoryPathAndFractions() throws {
    let module = try stressModule()
    let parsed = readXML(Array(MoodleXMLExporter.export(module).utf8), path: "quiz.xml")
    #expect(parsed.diagnostics.isEmpty)
    let questions = try #require(parsed.root).children(named: "question")
    let category = try #require(questions.first?.child(named: "category")?.child(named: "text")?.text)
    #expect(MoodleGIFTReader.splitCategoryPath(category) == expectedCategory(module))

    let eleven = try #require(
      questions.first { $0.child(named: "name")?.child(named: "text")?.text == "stress-eleven" })
    let percents = try eleven.children(named: "answer").map {
      try #require(Double($0.attribute("fraction") ?? ""))
    }
    #expect(percents.count == 13)
    #expect(percents.allSatisfy(moodleAcceptsGrade))
    #expect(moodleAcceptsMultipleAnswerTotal(percents))
    #expect(percents.prefix(11).allSatisfy { $0 > 0 } && percents.suffix(2).allSatisfy { $0 < 0 })
  }

  @Test func slashesInNamesFollowMoodlesPathRule() {
    #expect(MoodleCategoryPath.forModule(titled: "a/b") == "$course$/top/a//b")
    #expect(MoodleCategoryPath.forModule(titled: "/先頭と末尾/") == "$course$/top/ //先頭と末尾// ")
    #expect(MoodleGIFTReader.splitCategoryPath("$course$/top/ //先頭と末尾// ") == ["$course$", "top", "/先頭と末尾/"])
  }
}
