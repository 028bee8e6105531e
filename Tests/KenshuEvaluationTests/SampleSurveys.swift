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

extension SampleSurveys {
  /// A pre/post knowledge test on ACP, emergencies and home-visit safety; the first option is the key.
  static let acpTest: Survey = {
    let questions: [(String, String, [String])] = [
      ("k1", "人生会議（ACP）の進め方として適切なもの", ["本人の意思を中心に繰り返し話し合う", "家族の希望を優先して一度で決める", "医師が方針を決めて伝える"]),
      ("k2", "救急時に本人の意向を尊重するために必要なこと", ["救急隊と共有する手順を地域で決める", "本人の意向は救急搬送時には扱わない", "かかりつけ医だけが知っていればよい"]),
      ("k3", "24時間対応の負担を減らす体制", ["主治医と副主治医で夜間の対応を分担する", "すべて一人の医師が24時間対応する", "夜間は救急要請のみで対応する"]),
      ("k4", "退院支援で最初に行うこと", ["退院前カンファレンスで在宅の支援者と情報を共有する", "退院後に初めてケアマネジャーへ連絡する", "病棟看護師だけで退院計画を立てる"]),
      ("k5", "訪問時の安全確保", ["二人訪問の体制や相談窓口を事前に確認する", "暴力の兆候があっても一人で訪問を続ける", "記録は残さず口頭で共有する"]),
    ]
    var items = questions.map { id, text, options in
      SurveyItem(
        id: id, type: .single, text: text,
        options: options.enumerated().map { SurveyOption(label: $0.element, correct: $0.offset == 0) },
        level: .knowledgeSkills)
    }
    items.append(
      SurveyItem(id: "c1", type: .likert, text: "ACPについて説明する自信", scale: "confidence5", level: .attitudes))
    return Survey(id: "acp-test", title: "ACP・急変時対応 知識テスト", kind: .preTest, items: items)
  }()
}
