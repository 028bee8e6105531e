import KenshuModel
import KenshuTabular

extension RosterSummary {
  /// The summary in `format`:
  /// - table: `職種 Profession | key | 人数 | 割合(%)` with a 合計 Total line;
  /// - csv: `key,label,count,percent` rows and a final `total,合計,N,100.0` row;
  /// - json: `{"total": N, "rows": [{"key": "doctor", "label": "医師", "count": 112, "percent": 31.0}, …]}`.
  public func rendered(as format: ReportFormat) -> String {
    switch format {
    case .table:
      TerminalTable(
        headers: ["\(key.japaneseLabel) \(key.englishLabel)", "key", "人数 Count", "割合 %"],
        rows: rows.map { [$0.label, $0.key, "\($0.count)", $0.percent.text] },
        rightAligned: [2, 3],
        footer: [["合計 Total", "", "\(total)", total > 0 ? "100.0" : "0.0"]]
      ).rendered()
    case .csv, .xlsx:
      CSVWriter().text(for: tableRows)
    case .json:
      "{\"total\": \(total), \"rows\": "
        + JSONText.array(
          rows.map {
            JSONText.object([
              ("key", JSONText.string($0.key)), ("label", JSONText.string($0.label)),
              ("count", "\($0.count)"),
              ("percent", $0.percent.text),
            ])
          }) + "}\n"
    }
  }
}

extension RosterCrossTab {
  /// The cross-tab in `format`:
  /// - table: row categories down, column categories across, 計 Total column and row;
  /// - csv: first row `rowKey\columnKey,<column labels…>,total`, one row per category, a total row;
  /// - json: `{"total": N, "rowKey": "profession", "columnKey": "stage",
  ///   "columns": [{"key": "pre-learning", "label": "事前学習", "total": 300}, …],
  ///   "rows": [{"key": "doctor", "label": "医師", "total": 112, "counts": [12, 100]}, …]}`
  ///   where `counts[i]` belongs to `columns[i]`.
  public func rendered(as format: ReportFormat) -> String {
    switch format {
    case .table:
      return TerminalTable(
        headers: ["\(rowKey.japaneseLabel) \\ \(columnKey.japaneseLabel)"] + columns.map(\.label) + [
          "計 Total"
        ],
        rows: rows.indices.map { [rows[$0].label] + counts[$0].map { "\($0)" } + ["\(rowTotals[$0])"] },
        rightAligned: Set(1...(columns.count + 1)),
        footer: [["計 Total"] + columnTotals.map { "\($0)" } + ["\(total)"]]
      ).rendered()
    case .csv, .xlsx:
      return CSVWriter().text(for: tableRows)
    case .json:
      let columnObjects = columns.indices.map {
        JSONText.object([
          ("key", JSONText.string(columns[$0].key)), ("label", JSONText.string(columns[$0].label)),
          ("total", "\(columnTotals[$0])"),
        ])
      }
      let rowObjects = rows.indices.map {
        JSONText.object([
          ("key", JSONText.string(rows[$0].key)), ("label", JSONText.string(rows[$0].label)),
          ("total", "\(rowTotals[$0])"),
          ("counts", "[" + counts[$0].map { "\($0)" }.joined(separator: ", ") + "]"),
        ])
      }
      return "{\"total\": \(total), \"rowKey\": \(JSONText.string(rowKey.rawValue)), "
        + "\"columnKey\": \(JSONText.string(columnKey.rawValue)),\n\"columns\": \(JSONText.array(columnObjects)),\n"
        + "\"rows\": \(JSONText.array(rowObjects))}\n"
    }
  }
}

extension RosterSummary: SingleTableReport {
  /// The CSV form's rows: `key,label,count,percent`, one row per category, `total,合計,N,100.0`.
  public var tableRows: [[String]] {
    [["key", "label", "count", "percent"]]
      + rows.map { [$0.key, $0.label, "\($0.count)", $0.percent.text] }
      + [["total", "合計", "\(total)", total > 0 ? "100.0" : "0.0"]]
  }

  /// The key's Japanese label (`職種`).
  public var sheetName: String { key.japaneseLabel }
}

extension RosterCrossTab: SingleTableReport {
  /// The CSV form's rows: `rowKey\columnKey,<column keys…>,total`, a `label` row, one row per
  /// category, a total row.
  public var tableRows: [[String]] {
    [["\(rowKey.rawValue)\\\(columnKey.rawValue)"] + columns.map(\.key) + ["total"]]
      + [["label"] + columns.map(\.label) + ["合計"]]
      + rows.indices.map { [rows[$0].key] + counts[$0].map { "\($0)" } + ["\(rowTotals[$0])"] }
      + [["total"] + columnTotals.map { "\($0)" } + ["\(total)"]]
  }

  /// `職種×段階`.
  public var sheetName: String { "\(rowKey.japaneseLabel)×\(columnKey.japaneseLabel)" }
}
