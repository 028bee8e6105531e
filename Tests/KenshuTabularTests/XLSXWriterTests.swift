import Foundation
import KenshuModel
import Testing
import ZIPFoundation

@testable import KenshuTabular

@Suite struct XLSXWriterTests {
  let rows = [
    ["職種", "人数", "割合", "番号", "備考"],
    ["医師", "12", "33.3", "007", "=HYPERLINK(\"http://x\")"],
    ["ケアマネジャー（介護支援専門員）", "-3", "<5", "p-1", "行1\n行2\u{1}"],
  ]

  @Test func test_writtenWorkbook_readsBackThroughTheReader() throws {
    let data = try XLSXWriter.data(sheets: [
      XLSXSheet(name: "集計", rows: rows), XLSXSheet(name: "集計", rows: [["a", "b"], ["1", "2"]]),
    ])
    #expect(SpreadsheetFormat.detect(data) == .xlsx)
    let first = Table.read(data: data, file: "out.xlsx")
    #expect(!first.diagnostics.hasErrors)
    #expect(first.table.rows == rows)
    let second = Table.read(data: data, file: "out.xlsx", options: TableReadOptions(sheet: "2"))
    #expect(second.spreadsheet?.sheet == "集計 (2)")
    #expect(second.table.rows == [["a", "b"], ["1", "2"]])
  }

  @Test func test_numbersAsNumbers_textNeverAFormula_headerFrozen_widthsFitJapanese() throws {
    let sheet = XLSXWriter.worksheet(rows)
    #expect(sheet.contains("<c r=\"B2\"><v>12</v></c>"))
    #expect(sheet.contains("<c r=\"C2\"><v>33.3</v></c>"))
    #expect(sheet.contains("<c r=\"D2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">007</t>"))
    #expect(!sheet.contains("<f>"))
    // The formula-looking text is text with Excel's quote prefix (style 2).
    #expect(
      sheet.contains(
        "<c r=\"E2\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;)"))
    #expect(sheet.contains("<c r=\"B3\"><v>-3</v></c>"))
    #expect(sheet.contains("state=\"frozen\""))
    // ケアマネジャー（介護支援専門員） is 16 wide characters: 32 columns, plus margin.
    #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"34\" customWidth=\"1\"/>"))
    #expect(XLSXWriter.isNumber("0") && XLSXWriter.isNumber("-12.5") && !XLSXWriter.isNumber("1e5"))
    #expect(!XLSXWriter.isNumber("12.") && !XLSXWriter.isNumber(".5") && !XLSXWriter.isNumber("12%"))
  }

  /// Regression: p-values below 0.0001 are printed by Swift as `1.2e-05` and were written as text
  /// cells, so Excel could neither sort nor format them. Codes that merely look numeric stay text.
  @Test func test_isNumber_acceptsSwiftsExponentFormOnly() {
    for number in [String(0.000012), String(1e-05), String(1e16), "-2.5e-10", "3e+7"] {
      #expect(XLSXWriter.isNumber(number), "\(number)")
    }
    for text in ["1e5", "1E5", "1E-5", "2e", "2e-", "1.e-5", "1e-5x", "1e-99999", "inf", "nan", "007e-1"] {
      #expect(!XLSXWriter.isNumber(text), "\(text)")
    }
    #expect(String(0.000012) == "1.2e-05")
  }

  @Test func test_sheetNames_followExcelsRules() {
    #expect(
      XLSXWriter.sheetNames(["a/b", "A/B", String(repeating: "長", count: 40), ""]) == [
        "a_b", "A_B (2)", String(repeating: "長", count: 31), "Sheet4",
      ])
  }
}

/// Text columns (what people wrote) are string cells whatever they look like; the figure
/// columns beside them are still numbers.
@Suite struct XLSXTextColumnTests {
  @Test func test_textColumns_areStringCells_evenWhenTheyReadAsNumbers() throws {
    let rows = [["answer", "n"], ["1e+05", "3"], ["12", "1e+05"], ["-3", "4.5"]]
    let sheet = XLSXWriter.worksheet(rows, textColumns: [0])
    #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">1e+05</t>"))
    #expect(sheet.contains("<c r=\"A3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">12</t>"))
    #expect(sheet.contains("<c r=\"A4\" t=\"inlineStr\"><is><t xml:space=\"preserve\">-3</t>"))
    #expect(sheet.contains("<c r=\"B2\"><v>3</v></c>"))
    #expect(sheet.contains("<c r=\"B3\"><v>1e+05</v></c>"))
    let data = try XLSXWriter.data(sheets: [XLSXSheet(name: "a", rows: rows, textColumns: [0])])
    #expect(
      Table.read(data: data, file: "a.xlsx").table.records.map { $0.fields[0] } == ["1e+05", "12", "-3"])
  }

  @Test func test_textOfOtherShapes_isNeverANumber() {
    for text in ["0012", "1,000", "3.0e2", "1E+05", "１２", "12 "] {
      #expect(!XLSXWriter.isNumber(text), "\(text)")
    }
  }
}
