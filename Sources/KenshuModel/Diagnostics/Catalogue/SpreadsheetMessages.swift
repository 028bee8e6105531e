/// Reading Excel (.xlsx) and LibreOffice (.ods) files, and refusing the ones that cannot be
/// read safely (docs/evaluation.md "Spreadsheets").
extension Catalogue {
  private static let saveAsHint = Bilingual(
    ja: "Excel で『CSV UTF-8』または .xlsx で保存してください", en: "save it from Excel as \"CSV UTF-8\" or .xlsx")

  public static let spreadsheetLegacyXLS = MessageTemplate<Void>(
    "spreadsheet-legacy-xls", sample: (),
    ja: { Wording("古い Excel 形式（.xls, Excel 97–2003）は読めません", hint: saveAsHint.ja.message) },
    en: { Wording("the legacy Excel format (.xls, BIFF) is not supported", hint: saveAsHint.en.message) })

  public static let spreadsheetOtherZip = MessageTemplate<Void>(
    "spreadsheet-unreadable", sample: (),
    ja: {
      Wording("ZIP ファイルですが、Excel（.xlsx）や LibreOffice（.ods）の表ではありません", hint: saveAsHint.ja.message)
    },
    en: { Wording("a zip file that is not an .xlsx or .ods spreadsheet", hint: saveAsHint.en.message) })

  public static let spreadsheetDamaged = MessageTemplate<String>(
    "spreadsheet-unreadable", sample: "Excel (.xlsx)",
    ja: { Wording("\($0) ファイルとして開けません（壊れているか、途中までしかありません）", hint: saveAsHint.ja.message) },
    en: {
      Wording("the file cannot be opened as \($0): it is damaged or truncated", hint: saveAsHint.en.message)
    })

  public static let spreadsheetNoSheet = MessageTemplate<Void>(
    "spreadsheet-no-sheet", sample: (),
    ja: { Wording("ファイルにシートがありません") },
    en: { Wording("the file has no sheet") })

  public static let spreadsheetSheetNotFound = MessageTemplate<
    (selector: String, sheets: [(name: String, hidden: Bool)])
  >(
    "spreadsheet-no-sheet", sample: ("3", [("名簿", false), ("集計", true)]),
    ja: {
      let listed = $0.sheets.map { "「\($0.name)」\($0.hidden ? "（非表示）" : "")" }.joined(separator: "、")
      return Wording(
        "シート「\($0.selector)」がありません（シート: \(listed)）", hint: "--sheet にはシート名か、表示されているシートの番号（1 から）を指定します")
    },
    en: {
      let listed = $0.sheets.map { "\"\($0.name)\"\($0.hidden ? " (hidden)" : "")" }.joined(separator: ", ")
      return Wording(
        "no sheet \"\($0.selector)\" (sheets: \(listed))",
        hint: "give --sheet a sheet name or the number of a visible sheet, from 1")
    })

  public static let spreadsheetMissingContent = MessageTemplate<Void>(
    "spreadsheet-missing-part", sample: (),
    ja: { Wording("content.xml がありません。ファイルが壊れているか、表のファイルではありません") },
    en: { Wording("the file has no content.xml: it is damaged or not a spreadsheet") })

  public static let spreadsheetMissingPart = MessageTemplate<String>(
    "spreadsheet-missing-part", sample: "xl/worksheets/sheet1.xml",
    ja: { Wording("ブックに \($0) がありません。ファイルが壊れているか、Excel のブックではありません") },
    en: { Wording("the workbook has no \($0): the file is damaged or not an Excel workbook") })

  public static let spreadsheetTooManyColumns = MessageTemplate<Int>(
    "spreadsheet-too-large", sample: 16_384,
    ja: { Wording("列が多すぎます（上限 \($0) 列）") },
    en: { Wording("too many columns (limit \($0))") })

  public static let spreadsheetTooManyRows = MessageTemplate<Int>(
    "spreadsheet-too-large", sample: 1_048_576,
    ja: { Wording("行が多すぎます（上限 \($0) 行）") },
    en: { Wording("too many rows (limit \($0))") })

  public static let spreadsheetTooManyCells = MessageTemplate<Int>(
    "spreadsheet-too-large", sample: 20_000_000,
    ja: { Wording("値のあるセルが多すぎます（上限 \($0)）") },
    en: { Wording("too many cells with values (limit \($0))") })

  public static let spreadsheetMergesTooLarge = MessageTemplate<Void>(
    "spreadsheet-too-large", sample: (),
    ja: { Wording("結合セルの範囲が大きすぎます") },
    en: { Wording("merged ranges cover too many cells") })

  public static let spreadsheetBadReference = MessageTemplate<String>(
    "spreadsheet-bad-cell", sample: "C0",
    ja: { Wording("セル参照「\($0)」が正しくありません") },
    en: { Wording("bad cell reference \"\($0)\"") })

  public static let spreadsheetBadRow = MessageTemplate<Int>(
    "spreadsheet-bad-cell", sample: 0,
    ja: { Wording("行番号 \($0) が正しくありません（順番が逆か、Excel の上限 1,048,576 行を超えています）") },
    en: { Wording("row number \($0) is out of order or beyond Excel's 1,048,576 rows") })

  public static let spreadsheetBadSharedString = MessageTemplate<Void>(
    "spreadsheet-bad-cell", sample: (),
    ja: { Wording("セルが存在しない共有文字列を指しています") },
    en: { Wording("the cell refers to a shared string that does not exist") })

  public static let spreadsheetBadNumber = MessageTemplate<String>(
    "spreadsheet-bad-cell", sample: "1..2",
    ja: { Wording("数値「\($0)」を読めません") },
    en: { Wording("the number \"\($0)\" cannot be read") })

  public static let zipPartNotFile = MessageTemplate<Void>(
    "spreadsheet-zip-limit", sample: (),
    ja: { Wording("この部分はファイルではありません") },
    en: { Wording("the part is not a file") })

  public static let zipPartDeclaresTooMuch = MessageTemplate<(declared: UInt64, limit: UInt64)>(
    "spreadsheet-zip-limit", sample: (4_294_967_295, 1_073_741_824),
    ja: { Wording("展開すると \($0.declared) バイトになると書かれています（上限 \($0.limit)）。ZIP 爆弾か、壊れたファイルです") },
    en: {
      Wording(
        "the part declares \($0.declared) bytes uncompressed (limit \($0.limit)): a zip bomb or a damaged file"
      )
    })

  public static let zipPartRatio = MessageTemplate<(ratio: UInt64, limit: UInt64)>(
    "spreadsheet-zip-limit", sample: (1_000, 400),
    ja: { Wording("展開すると \($0.ratio)× に膨らみます（上限 \($0.limit)×）。ZIP 爆弾か、壊れたファイルです") },
    en: { Wording("the part inflates \($0.ratio)× (limit \($0.limit)×): a zip bomb or a damaged file") })

  public static let zipTotalTooLarge = MessageTemplate<UInt64>(
    "spreadsheet-zip-limit", sample: 2_147_483_648,
    ja: { Wording("ファイル全体を展開すると \($0) バイトを超えます。ZIP 爆弾か、壊れたファイルです") },
    en: { Wording("the file inflates to more than \($0) bytes: a zip bomb or a damaged file") })

  public static let zipPartOverrun = MessageTemplate<UInt64>(
    "spreadsheet-zip-limit", sample: 1_024,
    ja: { Wording("書かれた大きさ \($0) バイトを超えて展開されます。ZIP 爆弾か、壊れたファイルです") },
    en: { Wording("the part inflates past its declared size of \($0) bytes: a zip bomb or a damaged file") })

  public static let zipPartNotInflatable = MessageTemplate<String>(
    "spreadsheet-zip-limit", sample: "invalid block type",
    ja: { Wording("この部分を展開できません（\($0)）。ファイルが壊れています") },
    en: { Wording("the part cannot be inflated (\($0)): the file is damaged") })

  public static let zipPartShort = MessageTemplate<Void>(
    "spreadsheet-zip-limit", sample: (),
    ja: { Wording("この部分は書かれた大きさより短く、ファイルが壊れています") },
    en: { Wording("the part is shorter than its declared size: the file is damaged") })

  public static let zipPartChecksum = MessageTemplate<Void>(
    "spreadsheet-zip-limit", sample: (),
    ja: { Wording("この部分の中身がチェックサム（CRC-32）と合わず、ファイルが壊れています") },
    en: { Wording("the part's bytes do not match its checksum (CRC-32): the file is damaged") })

  static let spreadsheetEntries: [CatalogueEntry] = [
    spreadsheetLegacyXLS.entry, spreadsheetOtherZip.entry, spreadsheetDamaged.entry, spreadsheetNoSheet.entry,
    spreadsheetSheetNotFound.entry, spreadsheetMissingContent.entry, spreadsheetMissingPart.entry,
    spreadsheetTooManyColumns.entry, spreadsheetTooManyRows.entry, spreadsheetTooManyCells.entry,
    spreadsheetMergesTooLarge.entry, spreadsheetBadReference.entry, spreadsheetBadRow.entry,
    spreadsheetBadSharedString.entry, spreadsheetBadNumber.entry, zipPartNotFile.entry,
    zipPartDeclaresTooMuch.entry, zipPartRatio.entry, zipTotalTooLarge.entry, zipPartOverrun.entry,
    zipPartNotInflatable.entry, zipPartShort.entry, zipPartChecksum.entry,
  ]
}
