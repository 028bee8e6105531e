import Foundation
import KenshuModel
import KenshuTabular

/// One certificate issued: a row of the ledger (台帳).
public struct LedgerEntry: Sendable, Hashable, Codable {
  public var number: String
  /// Award id (`<award id>`).
  public var award: String
  public var kind: AwardKind
  public var participant: String
  public var name: String
  /// ISO date of issue.
  public var issued: String
  /// Minutes of training attended, as printed (hours) on the certificate.
  public var minutes: Int
  /// The verification code printed on the certificate.
  public var code: String
  public var revoked: Bool
  /// The number of the certificate that replaced this one (差替): a 受講証明書 is superseded
  /// when the same person later earns the group's 修了証書. It then verifies as revoked.
  public var supersededBy: String?

  /// Neither revoked nor superseded: printed, and verified as valid.
  public var isValid: Bool { !revoked && supersededBy == nil }

  public init(
    number: String, award: String, kind: AwardKind, participant: String, name: String, issued: String,
    minutes: Int, code: String, revoked: Bool = false, supersededBy: String? = nil
  ) {
    self.number = number
    self.award = award
    self.kind = kind
    self.participant = participant
    self.name = name
    self.issued = issued
    self.minutes = minutes
    self.code = code
    self.revoked = revoked
    self.supersededBy = supersededBy
  }
}

/// The ledger of a programme's certificates (`private/certificates/PROGRAMME/ledger.csv`, also
/// written as .xlsx). It is the source of numbering: numbers and codes once written are read
/// back and never change; a new certificate gets the award's next running number.
public struct CertificateLedger: Sendable, Hashable {
  public var entries: [LedgerEntry]

  public init(entries: [LedgerEntry] = []) { self.entries = entries }

  static let header = ["番号", "証書", "種別", "受講者ID", "氏名", "発行日", "研修時間(分)", "確認コード", "状態", "差替先"]
  static let revokedLabel = "取消"
  static let validLabel = "有効"
  static let supersededLabel = "差替"

  /// The ledger's cells, header first.
  public var rows: [[String]] {
    [Self.header]
      + entries.map {
        [
          $0.number, $0.award, $0.kind.japaneseLabel, $0.participant, $0.name, $0.issued, String($0.minutes),
          $0.code,
          $0.revoked ? Self.revokedLabel : $0.supersededBy != nil ? Self.supersededLabel : Self.validLabel,
          $0.supersededBy ?? "",
        ]
      }
  }

  /// CSV (UTF-8 with BOM for Excel) through the formula guard.
  public func csv() -> Data { CSVWriter(encoding: .utf8BOM).data(for: rows).data }

  /// The same cells as an Excel workbook.
  /// `研修時間(分)` is the one number column; numbers, ids, names and codes stay text as written.
  public func xlsx() throws -> Data {
    let minutes = Self.header.firstIndex(of: "研修時間(分)") ?? -1
    return try XLSXWriter.data(sheets: [
      XLSXSheet(name: "台帳", rows: rows, textColumns: Set(Self.header.indices).subtracting([minutes]))
    ])
  }

  /// Reads a ledger written by `csv()` (and perhaps edited: 状態 set to 取消 revokes). A
  /// ledger from before the 差替先 column reads as one without superseded certificates.
  /// Problems are diagnostics; a row without number, award or participant is refused.
  public static func read(_ read: TableReadResult) -> (ledger: CertificateLedger, diagnostics: [Diagnostic]) {
    let table = read.table
    var diagnostics = read.diagnostics
    let columns = header.map { table.columnIndex(named: $0) }
    guard columns[0] != nil, columns[1] != nil, columns[3] != nil, columns[7] != nil else {
      diagnostics.append(
        .error(
          Catalogue.ledgerColumns, table.file,
          at: SourceLocation(file: table.file, line: max(table.headerLine, 1))))
      return (CertificateLedger(), diagnostics)
    }
    var entries: [LedgerEntry] = []
    for record in table.nonBlankRecords {
      func cell(_ index: Int) -> String? { record.value(at: columns[index]) }
      guard let number = cell(0), let award = cell(1), let participant = cell(3), let code = cell(7) else {
        diagnostics.append(
          .error(Catalogue.ledgerRow, record.line, at: SourceLocation(file: table.file, line: record.line)))
        continue
      }
      let kind =
        AwardKind.allCases.first { $0.japaneseLabel == cell(2) || $0.rawValue == cell(2) } ?? .completion
      let status = Profession.normalizedKey(cell(8) ?? "")
      entries.append(
        LedgerEntry(
          number: number, award: award, kind: kind, participant: participant, name: cell(4) ?? "",
          issued: cell(5) ?? "", minutes: Int(cell(6) ?? "") ?? 0, code: code,
          revoked: status == revokedLabel || status == "revoked",
          supersededBy: cell(9) ?? (status == supersededLabel ? "" : nil)))
    }
    return (CertificateLedger(entries: entries), diagnostics)
  }

  /// The entry of `participant` for `award`, if issued before.
  public func entry(participant: String, award: String) -> LedgerEntry? {
    entries.first { $0.participant == participant && $0.award == award }
  }

  /// The next running number of an award: one above the highest of its numbers in the ledger.
  public func nextRunningNumber(for award: Award) -> Int {
    let used = entries.filter { $0.award == award.id }.compactMap {
      award.numbering.runningNumber(of: $0.number)
    }
    return (used.max() ?? 0) + 1
  }
}
