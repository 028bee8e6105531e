import KenshuTabular

extension PublicSummary {
  /// The summary in `format`: JSON as `json()`; CSV (through `CSVWriter`) or tab-separated
  /// table rows `key,label,count` with `×` for hidden counts and a final `total,合計,N` row.
  public func rendered(as format: ReportFormat) -> String {
    if format == .json { return json() }
    return PublicRendering.text(tableRows, as: format)
  }
}

extension PublicSummary: SingleTableReport {
  /// `key,label,count` rows, `×` for hidden counts, a final `total,合計,N` row.
  public var tableRows: [[String]] {
    [["key", "label", "count"]] + rows.map { [$0.key, $0.label, $0.display] }
      + [["total", "合計", total.map(String.init) ?? Self.mark]]
  }

  /// The key's Japanese label (`職種`).
  public var sheetName: String { key.japaneseLabel }
}

extension PublicCrossTab {
  /// The cross-tab in `format`: JSON as `json()`; CSV or tab-separated table with the cells,
  /// row totals (last column) and column totals (last row), `×` where hidden.
  public func rendered(as format: ReportFormat) -> String {
    if format == .json { return json() }
    return PublicRendering.text(tableRows, as: format)
  }
}

extension PublicCrossTab: SingleTableReport {
  /// The cells, row totals (last column) and column totals (last row), `×` where hidden.
  public var tableRows: [[String]] {
    func shown(_ value: Int?) -> String { value.map(String.init) ?? PublicSummary.mark }
    var lines = [[""] + table.columns.map(\.label) + ["合計"]]
    for (r, row) in table.rows.enumerated() {
      lines.append(
        [row.label] + table.columns.indices.map { shown(count(row: r, column: $0)) } + [shown(rowTotal(r))])
    }
    lines.append(["合計"] + table.columns.indices.map { shown(columnTotal($0)) } + [shown(total)])
    return lines
  }

  /// `職種×段階`.
  public var sheetName: String { table.sheetName }
}

enum PublicRendering {
  static func text(_ lines: [[String]], as format: ReportFormat) -> String {
    if format == .csv || format == .xlsx { return CSVWriter().text(for: lines) }
    return lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
  }
}
