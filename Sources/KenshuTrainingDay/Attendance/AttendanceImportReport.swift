import KenshuModel

extension AttendanceImportResult {
  /// Every row as one line — what was (or would be) recorded for whom, and why a row was not —
  /// then the totals. For the terminal: names the people, like the diagnostics do.
  public func report(dryRun: Bool) -> String {
    var lines: [String] = []
    for row in rows {
      let what: String
      switch row.status {
      case .matched(let person):
        let sessions = row.sessions.isEmpty ? "出席なし / none" : row.sessions.joined(separator: " ")
        what = "matched \(person): \(sessions)"
      case .unmatched(let reason): what = "unmatched: \(reason)"
      case .ambiguous(let candidates): what = "ambiguous: " + candidates.joined(separator: ", ")
      }
      lines.append("line \(row.line) 「\(row.written)」 \(what)")
    }
    if !ignoredColumns.isEmpty {
      lines.append("読まなかった列 / columns not read: " + ignoredColumns.joined(separator: ", "))
    }
    lines.append(
      "\(rows.count) rows: \(matched) matched, \(unmatched) unmatched, \(ambiguous) ambiguous; "
        + "\(record.attendees.count) people recorded for \(record.programme)")
    if written {
      lines.append("wrote \(destination.lastPathComponent) (personal data: never published)")
    } else if dryRun {
      lines.append("dry run: nothing written (\(destination.lastPathComponent) would be)")
    } else if diagnostics.hasErrors {
      lines.append("nothing written: fix the errors above and import again")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
