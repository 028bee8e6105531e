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
    ], invited: 360)
}

extension SampleSurveys {
  /// The prefectural survey of hospitals and clinics in the domain notes (734 asked, 619 answered).
  static let prefecture = Survey(
    id: "prefecture-2016", title: "在宅医療に関する医療機関調査",
    items: [
      SurveyItem(
        id: "doing", type: .single, text: "在宅医療を実施していますか",
        options: [SurveyOption(label: "実施している"), SurveyOption(label: "実施していない")]),
      SurveyItem(
        id: "reasons", type: .multiple, text: "在宅医療を実施していない理由",
        options: [
          "在宅医療を担う人員がいない", "往診する時間がない", "夜間の対応が体力的に厳しい", "24時間の呼び出しが精神的に負担", "休日が取れない",
          "患者からの要望が少ない", "必要性を感じない", "採算が合わない",
        ].map { SurveyOption(label: $0) }, allowOther: true),
      SurveyItem(
        id: "lacking", type: .multiple, text: "在宅医療の推進に不足しているもの",
        options: [
          "在宅医療を担う医師", "急変時に受け入れる病院", "家族介護者を支えるサービス", "住民への普及啓発", "訪問看護ステーション", "訪問介護との連携",
          "在宅医療を行う薬局",
        ].map { SurveyOption(label: $0) }, allowOther: true),
    ], invited: 734)
}
