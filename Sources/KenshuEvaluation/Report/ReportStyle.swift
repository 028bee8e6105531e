/// The report's stylesheet, written beside `index.html` as `report.css` (the page's CSP allows
/// styles from the same origin only, so no inline `style` anywhere). Screen: one column on a
/// phone, items side by side from about 54rem. Print: A4 portrait, two items per row, compact
/// tables, each major section on a new page, page numbers in the bottom margin.
enum ReportStyle {
  static let css = """
    @page {
      size: A4 portrait;
      margin: 12mm 11mm 14mm;
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555555; }
    }
    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; line-height: 1.55;
      max-width: 64rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
    h1 { font-size: 1.6rem; line-height: 1.3; }
    h1 small, h2 small, h3 small { font-weight: normal; color: #555555; font-size: 0.7em; }
    h4 { font-size: 1rem; margin: 0.3rem 0; }
    .notice { border-left: 4px solid #b35900; padding: 0.3rem 0.8rem; background: #fff4e5; }
    .keyfigures { display: flex; flex-wrap: wrap; gap: 0.6rem; padding: 0; }
    .keyfigures div { border: 1px solid #cccccc; padding: 0.4rem 0.8rem; min-width: 7rem; }
    .keyfigures dt { font-size: 0.85em; color: #444444; }
    .keyfigures dd { margin: 0; font-size: 1.5em; font-weight: bold; }
    .items, .crosstabs { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr));
      gap: 0 1.5rem; align-items: start; }
    .item { border-top: 1px solid #dddddd; padding: 0.5rem 0; break-inside: avoid; min-width: 0; }
    .item.wide { grid-column: 1 / -1; }
    .itemid { color: #555555; font-weight: normal; font-size: 0.85em; }
    .denominator { margin: 0.2rem 0; color: #333333; }
    figure { margin: 0.3rem 0; }
    figcaption { font-size: 0.85em; }
    svg.diverging { display: block; width: 100%; max-width: 34rem; height: auto; }
    svg.histogram { display: block; width: 100%; max-width: 26rem; height: auto; }
    svg.bar { display: block; width: 100%; min-width: 3rem; height: 0.8em; }
    svg.swatch { vertical-align: -1px; }
    table { border-collapse: collapse; margin: 0.4rem 0; font-size: 0.85em; max-width: 100%; }
    th, td { border: 1px solid #bbbbbb; padding: 0.15rem 0.4rem; text-align: right; }
    td { overflow-wrap: normal; white-space: nowrap; }
    th[scope="row"], caption { text-align: left; }
    caption { font-weight: bold; padding-bottom: 0.2rem; }
    caption small { font-weight: normal; }
    thead th { background: #f0f0f0; text-align: center; font-weight: normal; }
    table.likert-table { width: 100%; }
    table.likert-table thead th { font-size: 0.9em; }
    table.likert-table td { text-align: center; }
    table.choices { width: 100%; }
    table.choices th[scope="row"] { font-weight: normal; }
    table.choices .barcol { width: 30%; }
    table.reliability th[scope="row"] { font-weight: normal; }
    td.raises { font-weight: bold; }
    td.suppressed { color: #555555; background: #f4f4f4; text-align: center; }
    .pct { color: #444444; }
    table.crosstab .pct { font-size: 0.85em; }
    .scroll { overflow-x: auto; max-width: 100%; }
    .caution { border-left: 4px solid #b00020; background: #fdecea; padding: 0.2rem 0.8rem; margin: 0.4rem 0; }
    .caution p, .caution ul { margin: 0.2rem 0; }
    .denominator, .note, .suppression, .keywords, .caution { font-size: 0.9em; }
    .freetext { padding-left: 1.2rem; }
    .freetext li { margin-bottom: 0.15rem; }
    .freetext .repeat { color: #555555; white-space: nowrap; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; }
    @media print {
      body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.35; }
      h1 { font-size: 15pt; margin: 0 0 2mm; }
      h2 { font-size: 12pt; margin: 0 0 2mm; }
      h3 { font-size: 10pt; margin: 2mm 0 1mm; }
      h4 { font-size: 8.5pt; margin: 0 0 0.5mm; }
      #prepost, #breakdowns { break-before: page; }
      table.crosstab { font-size: 7pt; }
      table.crosstab th[scope="row"] { white-space: nowrap; }
      h2, h3, h4, caption { break-after: avoid; }
      .items, .crosstabs { grid-template-columns: 1fr 1fr; gap: 0 6mm; }
      .item { padding: 1.2mm 0; }
      .denominator, figcaption, .note, .suppression, .keywords, .caution { font-size: 7.5pt; }
      figure { margin: 0.5mm 0; }
      svg.diverging { max-width: none; }
      svg.histogram { max-width: 75mm; }
      table { font-size: 7.5pt; margin: 0.8mm 0; break-inside: avoid; }
      th, td { padding: 0.2mm 1mm; }
      .keyfigures div { padding: 1mm 3mm; min-width: 0; }
      .keyfigures dd { font-size: 13pt; }
      .scroll { overflow: visible; }
      .freetext { column-count: 2; column-gap: 6mm; font-size: 7.5pt; margin: 1mm 0; }
      .freetext li { margin-bottom: 0.3mm; break-inside: avoid; }
      details > summary { list-style: none; }
      details:not([open]) > *:not(summary) { display: block; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
