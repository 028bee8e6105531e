import KenshuModel

/// What the report says about a Cronbach's α beside the number, so a committee does not read a
/// negative or low α as a scale score worth interpreting. Thresholds are the usual rules of
/// thumb (George & Mallery; Nunnally): below 0.5 unacceptable, below 0.7 questionable; below 30
/// complete cases the estimate itself is unstable.
enum ReliabilityCaution {
  static let lowAlpha = 0.5
  static let questionableAlpha = 0.7
  static let fewCases = 30

  /// Sentences of caution for one measure, Japanese with English after (`.ja`) or English
  /// only (`.en`, the report of an English survey); empty when there is none.
  static func notes(_ measure: EvaluationReport.MeasureFigures, language: MessageLanguage = .ja) -> [String] {
    func say(_ japanese: String, _ english: String) -> String {
      language == .ja ? "\(japanese)/ \(english)" : english
    }
    var notes: [String] = []
    guard let alpha = measure.cronbachAlpha else {
      return [
        say(
          "α を算出できません（項目が2つ未満、全項目に回答した人が2人未満、または合計点にばらつきがありません）。",
          language == .ja
            ? "α is undefined."
            : "α is undefined (fewer than 2 items, fewer than 2 people who answered every item, or no spread in the total score)."
        )
      ]
    }
    if alpha < 0 {
      notes.append(
        say(
          "α が負の値です。項目どうしが逆の方向に動いており、尺度として一つにまとまっていません。逆転項目の指定漏れ・誤りや入力の誤りを確認してください。合計点・平均点を尺度得点として解釈しないでください。",
          "Negative α: the items do not form one scale (check reverse-keyed items and coding); do not interpret a total score."
        ))
    } else if alpha < lowAlpha {
      notes.append(
        say(
          "α が 0.5 未満で、内的一貫性は低いと判断されます。尺度得点の解釈は控えてください。",
          "α below 0.5: internal consistency is poor; do not interpret a total score."))
    } else if alpha < questionableAlpha {
      notes.append(
        say(
          "α が 0.7 未満で、内的一貫性はやや低めです。尺度得点は参考値として扱ってください。",
          "α below 0.7: questionable internal consistency."))
    }
    let raising = zip(measure.items, measure.alphaIfDeleted).filter { ($0.1 ?? -.infinity) > alpha }.map(\.0)
    if !raising.isEmpty, alpha < questionableAlpha {
      notes.append(
        say(
          "除くと α が上がる項目：\(raising.joined(separator: "、"))（項目の内容や逆転の指定を見直す手がかりになります）。",
          language == .ja
            ? "Dropping these items raises α."
            : "Dropping these items raises α: \(raising.joined(separator: ", ")) (a reason to review their wording or reverse keying)."
        ))
    }
    if measure.completeCases < fewCases {
      notes.append(
        say(
          "全項目に回答した人が \(measure.completeCases) 人と少ないため、α の推定は不安定です。",
          language == .ja
            ? "Fewer than \(fewCases) complete cases: the estimate is unstable."
            : "Only \(measure.completeCases) people answered every item (fewer than \(fewCases)): the estimate is unstable."
        ))
    }
    return notes
  }
}

extension EvaluationReport.MeasureFigures {
  /// The cautions the report prints beside this measure's α (empty when there is none), for
  /// other documents that quote the α (the programme report).
  public var cautions: [String] { ReliabilityCaution.notes(self) }
}
