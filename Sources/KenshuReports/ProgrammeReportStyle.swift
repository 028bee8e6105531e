/// The programme report's stylesheet (`report.css`): A4 portrait print with page numbers,
/// one column on a phone, no inline styles (the CSP forbids them).
enum ProgrammeReportStyle {
  static let css = """
    @page {
      size: A4 portrait;
      margin: 15mm 14mm 16mm;
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555555; }
    }
    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; line-height: 1.55;
      max-width: 52rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
    h1 { font-size: 1.5rem; line-height: 1.3; }
    h1 small, h2 small, h3 small { font-weight: normal; color: #555555; font-size: 0.7em; }
    h2 { font-size: 1.2rem; border-bottom: 2px solid #2b6cb0; padding-bottom: 0.1rem; margin-top: 1.5rem; }
    h3 { font-size: 1rem; }
    .notice { border-left: 4px solid #b35900; padding: 0.3rem 0.8rem; background: #fff4e5; }
    .facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; margin: 0; }
    .facts div { display: contents; }
    .facts dt { font-weight: bold; padding: 0.2rem 0.5rem 0.2rem 0; border-top: 1px solid #dddddd; }
    .facts dd { margin: 0; padding: 0.2rem 0; border-top: 1px solid #dddddd; }
    table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9em; max-width: 100%; }
    th, td { border: 1px solid #bbbbbb; padding: 0.15rem 0.5rem; text-align: right; }
    td { overflow-wrap: normal; }
    th[scope="row"], caption { text-align: left; }
    th[scope="row"] { font-weight: normal; }
    caption { font-weight: bold; padding-bottom: 0.2rem; }
    thead th { background: #f0f0f0; text-align: center; font-weight: normal; }
    td.suppressed { color: #555555; background: #f4f4f4; text-align: center; }
    .scroll { overflow-x: auto; max-width: 100%; }
    .note { font-size: 0.9em; }
    .purpose h4, .purpose h5, .purpose h6 { font-size: 1em; margin: 0.6rem 0 0.2rem; }
    .purpose table { font-size: 0.85em; }
    .caution { border-left: 4px solid #b00020; background: #fdecea; padding: 0.2rem 0.8rem; font-size: 0.9em; }
    @media (max-width: 30rem) { .facts { grid-template-columns: 1fr; } .facts dd { border-top: 0; } }
    @media print {
      body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.45; }
      h2 { break-after: avoid; }
      table, .caution { break-inside: avoid; }
      #evaluation { break-before: page; }
      .scroll { overflow: visible; }
    }
    """
}
