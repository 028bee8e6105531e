import Testing

@testable import KenshuReports

/// The one cross-tab renderer of the programme and follow-up reports (issue 17): pinned to
/// the bytes both reports wrote before it replaced their copies.
@Suite struct CountTableHTMLTests {
  @Test func table_rendersHeadRowsAndFoot_withSuppressedCellsAndEscapedLabels() {
    let table = ProgrammeReport.CountTable(
      rowKey: "profession", columnKey: "municipality", rowLabels: ["看護師", "<医師>"],
      columnLabels: ["みなと市", "A&B町"], cells: [[12, nil], [nil, 7]], rowTotals: [15, nil],
      columnTotals: [14, nil], total: 30, suppressed: 4, minCell: 5)
    let html = table.html(corner: "職種", caption: "職種 × 市区町村", regionLabel: "職種×市区町村の表")
    #expect(
      html == """
        <div class="scroll" tabindex="0" role="region" aria-label="職種×市区町村の表">
        <table class="crosstab">
        <caption>職種 × 市区町村</caption>
        <thead><tr><th scope="col">職種</th><th scope="col">みなと市</th><th scope="col">A&amp;B町</th>\
        <th scope="col">計</th></tr></thead>
        <tbody>
        <tr><th scope="row">看護師</th><td>12</td><td class="suppressed">×</td><td>15</td></tr>
        <tr><th scope="row">&lt;医師&gt;</th><td class="suppressed">×</td><td>7</td><td class="suppressed">×</td></tr>
        </tbody>
        <tfoot><tr><th scope="row">計</th><td>14</td><td class="suppressed">×</td><td>30</td></tr></tfoot>
        </table>
        </div>

        """)
  }
}
