import Foundation
import KenshuModel
import KenshuTabular

extension EvaluationReport {
  /// The report as `summary.json`: sorted keys, no NaN (undefined figures are null).
  public func summaryJSON() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The committee report page.
  /// - Parameter freeText: list free-text and "other" answers (organiser copy); false for a copy
  ///   to pass on.
  public func html(freeText: Bool = true) -> String { ReportPage(report: self, freeText: freeText).html() }

  /// CSV tables, by file name: `items.csv` (one row per item and category), `prepost.csv`,
  /// `measures.csv`, `breakdown-ITEM.csv` (suppressed cells empty), `freetext.csv` (free-text and
  /// "other" answers: organiser output), `files.csv` (row accounting).
  public func csvTables(includingFreeText: Bool = true) -> [String: [[String]]] {
    func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }
    var tables: [String: [[String]]] = [:]
    var items = [
      [
        "item", "type", "text", "level", "n", "missing", "category", "count", "percent", "mean", "sd",
        "median", "top2box", "top2box_low", "top2box_high",
      ]
    ]
    for item in self.items {
      let stats = [
        number(item.mean), number(item.sd), number(item.median), number(item.top2box),
        number(item.top2boxCI?.first), number(item.top2boxCI?.last),
      ]
      let base = [item.id, item.type, item.text, item.level ?? "", String(item.n), String(item.missing)]
      if item.counts.isEmpty {
        items.append(base + ["", "", ""] + stats)
      }
      for count in item.counts {
        items.append(base + [count.label, String(count.count), number(count.percent)] + stats)
      }
    }
    tables["items.csv"] = items
    tables["prepost.csv"] =
      [
        [
          "id", "text", "kind", "pairs", "mean_before", "mean_after", "mean_change", "wilcoxon_statistic",
          "wilcoxon_p", "wilcoxon_method", "z", "t", "df", "t_p", "r", "r_n", "dz",
        ]
      ]
      + prePost.map { row in
        [
          row.id, row.text, row.kind, String(row.pairs), number(row.meanBefore), number(row.meanAfter),
          number(row.meanChange), number(row.wilcoxon.statistic), number(row.wilcoxon.p), row.wilcoxon.method,
          number(row.wilcoxon.z), number(row.tTest.t), number(row.tTest.df), number(row.tTest.p),
          number(row.effectSize.r), String(row.effectSize.rN), number(row.effectSize.dz),
        ]
      }
    tables["measures.csv"] =
      [["id", "title", "items", "reverse_items", "complete_cases", "cronbach_alpha", "alpha_if_deleted"]]
      + measures.map { measure in
        [
          measure.id, measure.title, measure.items.joined(separator: ";"),
          measure.reverseItems.joined(separator: ";"), String(measure.completeCases),
          number(measure.cronbachAlpha),
          zip(measure.items, measure.alphaIfDeleted).map { "\($0)=\(number($1))" }.joined(separator: ";"),
        ]
      }
    for breakdown in breakdowns {
      var rows = [[breakdown.by] + breakdown.columnLabels + ["total"]]
      for (r, label) in breakdown.rowLabels.enumerated() {
        rows.append(
          [label] + breakdown.cells[r].map { $0.map(String.init) ?? "" } + [String(breakdown.rowTotals[r])])
      }
      rows.append(["total"] + breakdown.columnTotals.map(String.init) + [String(breakdown.total)])
      tables["breakdown-\(safeFileName(breakdown.item)).csv"] = rows
    }
    if includingFreeText {
      var freeText = [["item", "kind", "text"]]
      forEachFreeText { freeText.append([$0, $1, $2]) }
      tables["freetext.csv"] = freeText
    }
    tables["files.csv"] =
      [
        [
          "file", "format", "read", "used", "rejected", "excluded_values", "first_submitted",
          "last_submitted",
        ]
      ]
      + responses.files.map {
        [
          $0.file, $0.format, String($0.read), String($0.used), String($0.rejected.count),
          String($0.excludedValues), $0.firstSubmitted ?? "", $0.lastSubmitted ?? "",
        ]
      }
    return tables
  }

  /// Writes `index.html`, `report.css`, `summary.json` and the CSV tables (UTF-8 with BOM, so
  /// Excel opens them correctly) into `dir`, creating it if needed. With `freeText: false` (a
  /// shareable copy) every file is made from `shareableCopy()`: no free-text answer, no
  /// fragment of one, no participant id; `freetext.csv` is not written. With `workbook`, the
  /// same tables are also written as `tables.xlsx` (`tablesWorkbook`), one sheet each.
  ///
  /// `runningHead`, when given, is printed at the top of every page (`PrintedEdition.pageRule`):
  /// the programme, its edition and the copy.
  public func write(to dir: URL, freeText: Bool = true, workbook: Bool = false, runningHead: String? = nil)
    throws
  {
    if !freeText {
      try shareableCopy().writeFiles(to: dir, freeText: false, workbook: workbook, runningHead: runningHead)
    } else {
      try writeFiles(to: dir, freeText: true, workbook: workbook, runningHead: runningHead)
    }
  }

  /// The report with nothing a participant wrote or is known by: no unmatched ids, no
  /// keywords of free text (words people typed, names included). Free text
  /// itself is left out by the writers (`freeText: false`).
  public func shareableCopy() -> EvaluationReport {
    var copy = self
    for index in copy.items.indices {
      copy.items[index].keywords = nil
      copy.items[index].texts = nil
      copy.items[index].otherTexts = nil
    }
    if var unmatched = copy.unmatched {
      unmatched.pre = []
      unmatched.post = []
      copy.unmatched = unmatched
    }
    return copy
  }

  private func writeFiles(to dir: URL, freeText: Bool, workbook: Bool, runningHead: String?) throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    // Organisers open these in Excel, and free text is what respondents typed.
    let writer = CSVWriter(encoding: .utf8BOM, guardsFormulas: true)
    // The other files are made on one core while `freetext.csv`'s records (every answer:
    // 400,000 on 100,000 responses) are made item by item on the others: writing was the
    // longest part of `kenshu evaluate` that ran on one core, and free text two thirds of it.
    enum Part: Sendable {
      case summaryFiles
      case freeText(item: Int)
    }
    let parts = [Part.summaryFiles] + (freeText ? items.indices.map { Part.freeText(item: $0) } : [])
    let results: [Result<CSVWriter.Records?, any Error>] = parts.concurrentMap { part in
      Result {
        switch part {
        case .summaryFiles:
          try writeSummaryFiles(to: dir, freeText: freeText, writer: writer, runningHead: runningHead)
          return nil
        case .freeText(let item): return freeTextRecords(of: items[item], writer: writer)
        }
      }
    }
    var itemRecords: [CSVWriter.Records] = []
    for result in results { if let records = try result.get() { itemRecords.append(records) } }
    if freeText {
      var header = CSVWriter.Records(writer: writer)
      header.append(["item", "kind", "text"])
      try header.write(
        to: dir.appendingPathComponent("freetext.csv"), parts: itemRecords, file: "freetext.csv")
    }
    if workbook {
      try tablesWorkbook(includingFreeText: freeText).write(
        to: dir.appendingPathComponent("tables.xlsx"), options: .atomic)
    }
  }

  /// `summary.json`, `index.html`, `report.css` and every CSV table but `freetext.csv`.
  private func writeSummaryFiles(to dir: URL, freeText: Bool, writer: CSVWriter, runningHead: String?) throws
  {
    try summaryJSON().write(to: dir.appendingPathComponent("summary.json"), options: .atomic)
    try Data(html(freeText: freeText).utf8).write(
      to: dir.appendingPathComponent("index.html"), options: .atomic)
    let css = ReportStyle.css + (runningHead.map { "\n" + PrintedEdition.pageRule($0) } ?? "")
    try Data(css.utf8).write(to: dir.appendingPathComponent("report.css"), options: .atomic)
    for (name, rows) in csvTables(includingFreeText: false) {
      try writer.data(for: rows, file: name).data.write(
        to: dir.appendingPathComponent(name), options: .atomic)
    }
  }

  /// One item's records of `freetext.csv`, written record by record: a table of every answer
  /// as rows of strings would be 500,000 small arrays on a large survey.
  private func freeTextRecords(of item: Item, writer: CSVWriter) -> CSVWriter.Records {
    var records = CSVWriter.Records.part(of: writer)
    // The part's size when no field is quoted or guarded: one allocation, no copies as it grows.
    var size = 0
    item.forEachFreeText { size += $0.utf8.count + $1.utf8.count + $2.utf8.count + 4 }
    records.reserveCapacity(size)
    item.forEachFreeText { id, kind, text in
      records.append(field: id)
      records.append(field: kind)
      records.append(field: text)
      records.endRecord()
    }
    return records
  }
}

extension EvaluationReport {
  /// Every free-text and "other" answer as (item id, `text` or `other`, answer), item by item.
  func forEachFreeText(_ body: (String, String, String) -> Void) {
    for item in items { item.forEachFreeText(body) }
  }
}

extension EvaluationReport.Item {
  /// The item's free-text and "other" answers as (item id, `text` or `other`, answer).
  func forEachFreeText(_ body: (String, String, String) -> Void) {
    for text in texts ?? [] { body(id, "text", text) }
    for text in otherTexts ?? [] { body(id, "other", text) }
  }
}

/// `writeReport(_:to:)` for the CLI: the same as `report.write(to:freeText:workbook:)`.
public func writeReport(
  _ report: EvaluationReport, to dir: URL, freeText: Bool = true, workbook: Bool = false,
  runningHead: String? = nil
) throws {
  try report.write(to: dir, freeText: freeText, workbook: workbook, runningHead: runningHead)
}

/// Item ids are user text: keep file names to safe characters.
func safeFileName(_ text: String) -> String {
  String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
}
