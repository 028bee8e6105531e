import Foundation
import KenshuModel

/// A small survey with one item of every kind, for specifications of validation and storage.
enum TestSurvey {
  static let survey = Survey(
    id: "day1-eval", title: "1日目アンケート",
    items: [
      SurveyItem(id: "q1", type: .likert, text: "満足しましたか", required: true, scale: "agree5"),
      SurveyItem(
        id: "q2", type: .single, text: "参加形態",
        options: [SurveyOption(label: "会場"), SurveyOption(label: "オンライン")]),
      SurveyItem(
        id: "q3", type: .multiple, text: "役立った内容",
        options: [SurveyOption(label: "講義"), SurveyOption(label: "グループワーク"), SurveyOption(label: "事例")]),
      SurveyItem(id: "q4", type: .numeric, text: "経験年数", minimum: 0, maximum: 60),
      SurveyItem(id: "q5", type: .text, text: "ご意見", maxLength: 200),
      SurveyItem(id: "q6", type: .likert, text: "他職種と連携する自信", scale: "confidence5", retrospective: true),
      SurveyItem(id: "q7", type: .profession, text: "職種"),
      SurveyItem(
        id: "q8", type: .single, text: "所属",
        options: [SurveyOption(label: "病院"), SurveyOption(label: "診療所")],
        allowOther: true),
    ])

  static let module = SelfStudyModule(
    id: "acp-basics", title: "ACP の基礎",
    quiz: Quiz(passMark: 80, questions: []), collectCompletion: true)

  /// A temporary SQLite path that does not exist yet.
  static func temporaryDatabase() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("kenshu-collect-\(UUID().uuidString)/private/responses.sqlite").path
  }

  /// Strings that must come back exactly as sent: SQL, HTML and script injection, quotes,
  /// line breaks, CSV metacharacters, non-BMP characters.
  static let hostileTexts = [
    "'); DROP TABLE responses; --",
    "<script>alert('x')</script>",
    "\"quoted\", with comma; and semicolon",
    "=HYPERLINK(\"http://example.invalid\")",
    "改行\nあり\r\nCRLF",
    "𠮷野家 ① ㈱ 髙",
    "Robert'); DELETE FROM tokens WHERE ('1'='1",
  ]
}
