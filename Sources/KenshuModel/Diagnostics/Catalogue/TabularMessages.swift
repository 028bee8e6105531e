/// Reading tables from offices: CSV and spreadsheets (docs/rosters.md, docs/evaluation.md).
extension Catalogue {
  public static let textAfterQuote = MessageTemplate<Void>(
    "csv-text-after-quote", sample: (),
    ja: { Wording("閉じ引用符の後に文字があります。その文字も項目の一部として読みました") },
    en: { Wording("text after a closing quote was kept as part of the field") })

  public static let unterminatedQuote = MessageTemplate<Void>(
    "csv-unterminated-quote", sample: (),
    ja: {
      Wording(
        "引用符 \" が閉じられていません。この行は読み込みません", hint: "項目の中の \" は \"\" と二つ重ねて書いてください")
    },
    en: {
      Wording(
        "a quoted field is never closed; the record is rejected",
        hint: "double quotes inside a field must be written as \"\"")
    })

  public static let notUTF16 = MessageTemplate<Void>(
    "csv-bad-encoding", sample: (),
    ja: { Wording("ファイルを UTF-16 として読めません") },
    en: { Wording("the file is not valid UTF-16") })

  public static let badBytes = MessageTemplate<String>(
    "csv-bad-encoding", sample: "Shift_JIS",
    ja: {
      Wording(
        "\($0) として読めない文字があります", hint: "U+FFFD に置き換えました。そのセルを確かめるか、文字コードを指定してください")
    },
    en: {
      Wording(
        "bytes that are not valid \($0)", hint: "replaced by U+FFFD; check the cell, or force the encoding")
    })

  public static let unencodableCharacters = MessageTemplate<String>(
    "csv-unencodable-character", sample: "髙﨑",
    ja: {
      Wording("CP932 で表せない文字を ? に置き換えました: \($0)", hint: "文字を残すには BOM 付き UTF-8 で書き出してください")
    },
    en: {
      Wording(
        "characters CP932 cannot represent were replaced by ?: \($0)",
        hint: "write UTF-8 with BOM to keep them")
    })

  public static let duplicateHeader = MessageTemplate<String>(
    "csv-duplicate-header", sample: "氏名",
    ja: { Wording("列名「\($0)」が重複しています。最初の列を使います") },
    en: { Wording("duplicate column \"\($0)\"; the first one is used") })

  public static let emptyTable = MessageTemplate<Void>(
    "csv-empty", sample: (),
    ja: { Wording("ファイルが空です（見出し行がありません）") },
    en: { Wording("the file has no header row") })

  public static let emptySheet = MessageTemplate<Void>(
    "csv-empty", sample: (),
    ja: { Wording("シートが空です（見出し行がありません）") },
    en: { Wording("the sheet has no header row") })

  public static let titleRows = MessageTemplate<(row: Int, above: [String])>(
    "spreadsheet-title-rows", sample: (3, ["研修名簿"]),
    ja: {
      let shown = $0.above.isEmpty ? "" : "（\($0.above.map { "「\($0)」" }.joined(separator: "、"))）"
      return Wording(
        "\($0.row) 行目を見出し行として読みます。それより上の \($0.row - 1) 行はタイトル・空行とみなします\(shown)")
    },
    en: {
      Wording("row \($0.row) is the header; the \($0.row - 1) row(s) above it are taken as a title or blank")
    })

  public static let sheetChosen = MessageTemplate<(sheet: String, sheets: [String])>(
    "spreadsheet-sheet", sample: ("名簿", ["名簿", "集計"]),
    ja: {
      Wording(
        "シート「\($0.sheet)」を読みます（シート: \($0.sheets.map { "「\($0)」" }.joined(separator: "、"))）",
        hint: "ほかのシートは --sheet で選べます")
    },
    en: {
      Wording(
        "reading sheet \"\($0.sheet)\" (sheets: \($0.sheets.joined(separator: ", ")))",
        hint: "choose another with --sheet NAME or --sheet N")
    })

  static let tabularEntries: [CatalogueEntry] = [
    textAfterQuote.entry, unterminatedQuote.entry, notUTF16.entry, badBytes.entry,
    unencodableCharacters.entry,
    duplicateHeader.entry, emptyTable.entry, emptySheet.entry, titleRows.entry, sheetChosen.entry,
  ]
}
