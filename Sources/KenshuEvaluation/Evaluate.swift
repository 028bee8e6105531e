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
          Catalogue.evaluationMapUnreadable, error.localizedDescription,
          at: SourceLocation(file: map.relativePath)))
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
        diagnostics += set.add(consume table, map: columnMap)
      } catch {
        diagnostics.append(
          .error(
            Catalogue.evaluationResponsesUnreadable, error.localizedDescription,
            at: SourceLocation(file: url.relativePath)))
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
        Catalogue.evaluationPrePostIncomplete, (), at: SourceLocation(file: (pre ?? post)?.relativePath ?? "")
      ))
  }
  // With only a pre/post pair, the item figures describe the post-test answers.
  let responses =
    responseFiles.isEmpty && postSet != nil
    ? postSet ?? ResponseSet(survey: survey) : load(responseFiles, survey: survey)
  let report = EvaluationReport(
    responses: responses, pre: preSet, post: postSet, by: by, minCell: minCell)
  if let unmatched = report.unmatched, !(unmatched.pre.isEmpty && unmatched.post.isEmpty) {
    diagnostics.append(
      .note(
        Catalogue.evaluationPairUnmatched, (unmatched.pre.count, unmatched.post.count),
        at: SourceLocation(file: post?.relativePath ?? "")))
  }
  if let invited = survey.invited, report.responses.used > invited {
    diagnostics.append(
      .warning(
        Catalogue.evaluationMoreThanInvited, (report.responses.used, invited),
        at: SourceLocation(file: survey.location?.file ?? survey.id)))
  }
  if let by, EvaluationReport.groupingItem(by, in: survey) == nil {
    diagnostics.append(
      .error(Catalogue.evaluationByUnknown, by, at: SourceLocation(file: survey.location?.file ?? survey.id)))
  }
  return (report, diagnostics)
}
