/// The survey tool a response file was exported from, recognised by its header row.
public enum ExportFormat: String, Sendable, Hashable, Codable {
  /// Kenshu's own sheet: `participant`, then one column per item id (`ID.before`/`ID.now` for
  /// retrospective items).
  case kenshu
  /// Google Forms: `タイムスタンプ`/`Timestamp` first, then one column per question text; grid
  /// questions as `Question [Row]`; multiple answers joined by ", ".
  case googleForms = "google-forms"
  /// Microsoft Forms: `ID`, `開始時刻`, `完了時刻`, `メール`, `名前` (English: Start time,
  /// Completion time, Email, Name), then question texts; multiple answers joined by ";".
  case microsoftForms = "microsoft-forms"
  /// LimeSurvey "question code" headers: `id`, `submitdate`, `lastpage`, `startlanguage`, `seed`,
  /// then codes such as `q1`, `q1[SQ001]` (array rows) and `q1[other]`.
  case limeSurvey = "limesurvey"
  case unknown

  /// Recognises the format from header keys (see `matchKey`).
  static func detect(headerKeys keys: [String]) -> ExportFormat {
    let set = Set(keys)
    if keys.first == "participant" { return .kenshu }
    if set.contains("id") && (set.contains("開始時刻") || set.contains("starttime"))
      && (set.contains("完了時刻") || set.contains("completiontime"))
    {
      return .microsoftForms
    }
    if keys.first == "タイムスタンプ" || keys.first == "timestamp" { return .googleForms }
    if set.contains("submitdate") || set.contains("startlanguage") || set.contains("lastpage") {
      return .limeSurvey
    }
    if set.contains("participant") { return .kenshu }
    return .unknown
  }

  /// Header keys (see `matchKey`) of the column saying when a response was submitted, in the
  /// order tried: the completion time rather than the start time.
  var submissionTimeKeys: [String] {
    switch self {
    case .googleForms: ["タイムスタンプ", "timestamp"]
    case .microsoftForms: ["完了時刻", "completiontime", "開始時刻", "starttime"]
    case .limeSurvey: ["submitdate", "datesubmitted", "回答日時", "datestamp"]
    case .kenshu, .unknown: []
    }
  }

  /// Bookkeeping columns the tools add, ignored without comment.
  static let metadataKeys: Set<String> = [
    "タイムスタンプ", "timestamp", "id", "開始時刻", "完了時刻", "starttime", "completiontime", "メール", "email",
    "名前", "name", "最終変更時刻", "lastmodifiedtime", "submitdate", "lastpage", "startlanguage", "seed",
    "startdate", "datestamp", "refurl", "ipaddr", "合計ポイント", "totalpoints", "スコア", "score",
    "クイズのフィードバック", "quizfeedback", "interviewtime",
  ]
}
