import Foundation
import KenshuModel

/// `kenshu evaluate`: reads response exports, matches them to the survey and computes the report.
///
/// - Parameters:
///   - survey: the survey the responses answer.
///   - responseFiles: evaluation responses; when empty and `pre`/`post` are given, the item
///     figures describe the post-test answers.
///   - pre, post: responses to a test before and after the training, paired by participant id;
///     both answer `survey` unless `postSurvey` names a different (paired) survey.
///   - by: item id, or `profession`, to break results down by.
///   - minCell: smallest group count shown in breakdowns (smaller cells are suppressed).
///   - map: a `--map` file (see `ColumnMap`).
///   - includeIncomplete: keep LimeSurvey responses without a submit date.
///   - sheet: the sheet to read from .xlsx/.ods files (name or number; default the first visible).
/// - Returns: the report and every diagnostic (unreadable files are error diagnostics).
public func evaluate(
  survey: Survey, responseFiles: [URL], pre: URL? = nil, post: URL? = nil, postSurvey: Survey? = nil,
  by: String? = nil, minCell: Int = 5, map: URL? = nil, sheet: String? = nil,
  includeIncomplete: Bool = false
) -> (EvaluationReport, [Diagnostic]) {
  var diagnostics: [Diagnostic] = []
  var columnMap = ColumnMap()
  if let map {
    do {
      let text = try String(contentsOf: map, encoding: .utf8)
      let (parsed, problems) = ColumnMap.parse(text, file: map.lastPathComponent)
      columnMap = parsed
      diagnostics += problems
    } catch {
      diagnostics.append(
        .error(
          "evaluation-file-unreadable", at: SourceLocation(file: map.relativePath),
          "対応表を読めません / cannot read map file: \(error.localizedDescription)"))
    }
  }
  func load(_ urls: [URL], survey: Survey) -> ResponseSet {
    var set = ResponseSet(survey: survey)
    set.includeIncomplete = includeIncomplete
    for url in urls {
      do {
        let (table, problems) = try ResponseTable.read(contentsOf: url, sheet: sheet)
        diagnostics += problems
        // An unreadable file (a legacy .xls, a damaged workbook) has said so once already.
        if table.header.isEmpty, problems.hasErrors { continue }
        diagnostics += set.add(table, map: columnMap)
      } catch {
        diagnostics.append(
          .error(
            "evaluation-file-unreadable", at: SourceLocation(file: url.relativePath),
            "回答ファイルを読めません / cannot read response file: \(error.localizedDescription)"))
      }
    }
    return set
  }
  var preSet: ResponseSet?
  var postSet: ResponseSet?
  if let pre, let post {
    preSet = load([pre], survey: survey)
    postSet = load([post], survey: postSurvey ?? survey)
  } else if pre != nil || post != nil {
    diagnostics.append(
      .error(
        "evaluation-pre-post-incomplete", at: SourceLocation(file: (pre ?? post)?.relativePath ?? ""),
        "--pre と --post は両方指定してください / give both --pre and --post"))
  }
  // With only a pre/post pair, the item figures describe the post-test answers.
  let responses =
    responseFiles.isEmpty && postSet != nil
    ? postSet ?? ResponseSet(survey: survey) : load(responseFiles, survey: survey)
  let report = EvaluationReport(
    responses: responses, pre: preSet, post: postSet, by: by, minCell: minCell)
  if let unmatched = report.unmatched, !(unmatched.pre.isEmpty && unmatched.post.isEmpty) {
    diagnostics.append(
      Diagnostic(
        .note, code: "evaluation-pair-unmatched", at: SourceLocation(file: post?.relativePath ?? ""),
        "事前・事後で対応しない参加者: 事前のみ \(unmatched.pre.count) 名、事後のみ \(unmatched.post.count) 名 / unpaired participants"
      ))
  }
  if let invited = survey.invited, report.responses.used > invited {
    diagnostics.append(
      .warning(
        "evaluation-more-responses-than-invited",
        at: SourceLocation(file: survey.location?.file ?? survey.id),
        "回答数 \(report.responses.used) が対象者数 \(invited) を超えています / more responses than people invited",
        hint: "対象者数 (invited) か、重複した回答ファイルを確認してください"))
  }
  if let by, EvaluationReport.groupingItem(by, in: survey) == nil {
    diagnostics.append(
      .error(
        "evaluation-by-unknown", at: SourceLocation(file: survey.location?.file ?? survey.id),
        "--by「\(by)」は単一選択または職種の項目ではありません / --by must name a single-choice or profession item"))
  }
  return (report, diagnostics)
}
