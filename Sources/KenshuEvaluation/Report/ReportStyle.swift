/// The report's stylesheet, written beside `index.html` as `report.css` (the page's CSP allows
/// styles from the same origin only). Print: A4 portrait, sections start cleanly.
enum ReportStyle {
  static let css = """
    @page { size: A4 portrait; margin: 15mm 12mm; }
    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; line-height: 1.6;
      max-width: 60rem; margin: 0 auto; padding: 1rem; }
    h1 small, h2 small, h3 small { font-weight: normal; color: #555555; font-size: 0.7em; }
    .notice { border-left: 4px solid #b35900; padding: 0.3rem 0.8rem; background: #fff4e5; }
    .keyfigures { display: flex; flex-wrap: wrap; gap: 1rem; }
    .keyfigures div { border: 1px solid #cccccc; padding: 0.5rem 1rem; min-width: 9rem; }
    .keyfigures dt { font-size: 0.85em; color: #444444; }
    .keyfigures dd { margin: 0; font-size: 1.6em; font-weight: bold; }
    .item { border-top: 1px solid #dddddd; padding: 0.5rem 0; break-inside: avoid; }
    .itemid { color: #555555; font-weight: normal; font-size: 0.85em; }
    .likert { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    figure { margin: 0; }
    .barlabel { display: block; font-size: 0.85em; color: #444444; }
    figcaption { font-size: 0.9em; }
    table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9em; }
    th, td { border: 1px solid #bbbbbb; padding: 0.2rem 0.5rem; text-align: right; }
    th[scope="row"], caption { text-align: left; }
    caption { font-weight: bold; padding-bottom: 0.2rem; }
    thead th { background: #f0f0f0; text-align: center; }
    td.suppressed { color: #666666; background: #f4f4f4; text-align: center; }
    .pct { color: #555555; }
    .denominator, .note, .suppression, .bigrams { font-size: 0.9em; }
    .freetext li { margin-bottom: 0.2rem; }
    .freetext .repeat { color: #555; white-space: nowrap; }
    #overview { break-after: page; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      details > summary { list-style: none; }
      details:not([open]) > *:not(summary) { display: block; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
