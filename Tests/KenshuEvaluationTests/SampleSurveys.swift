import KenshuModel

/// Surveys built in Swift for tests (the XML definitions are another target's concern).
enum SampleSurveys {
  static let dayOne = Survey(
    id: "day1-eval", title: "1日目 研修評価アンケート",
    measures: [Measure(id: "ipc", title: "多職種連携への自信")],
    items: [
      SurveyItem(id: "prof", type: .profession, text: "あなたの職種を教えてください"),
      SurveyItem(id: "q1", type: .likert, text: "研修全体に満足した", scale: "satisfaction5", level: .reaction),
      SurveyItem(id: "q2", type: .likert, text: "グループワークは有意義だった", scale: "agree5", level: .reaction),
      SurveyItem(
        id: "q3", type: .likert, text: "他職種の役割を説明できる", scale: "confidence5", retrospective: true,
        measure: "ipc", level: .knowledgeSkills),
      SurveyItem(
        id: "q4", type: .likert, text: "他職種に相談するのはためらわれる", scale: "agree5", reverse: true,
        measure: "ipc", level: .attitudes),
      SurveyItem(
        id: "q5", type: .likert, text: "退院支援で連携できる", scale: "agree5", measure: "ipc", level: .attitudes),
      SurveyItem(
        id: "q6", type: .multiple, text: "特に役立った内容",
        options: [
          SurveyOption(label: "退院支援"), SurveyOption(label: "急変時の対応"), SurveyOption(label: "看取り"),
          SurveyOption(label: "事例検討, グループワーク"),
        ], allowOther: true, level: .reaction),
      SurveyItem(
        id: "q7", type: .single, text: "今後、地域で研修を企画したいですか",
        options: [SurveyOption(label: "はい"), SurveyOption(label: "いいえ"), SurveyOption(label: "わからない")],
        level: .behaviour),
      SurveyItem(id: "q8", type: .numeric, text: "連携している事業所数", minimum: 0, maximum: 200),
      SurveyItem(id: "q9", type: .text, text: "ご意見・ご感想"),
    ], invited: 40)
}
