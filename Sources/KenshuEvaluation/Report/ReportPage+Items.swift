/// One survey item of the report: its chart, the table behind the chart (which names its
/// denominator) and, in the organiser's copy, what respondents wrote.
extension ReportPage {
  func itemBlock(_ item: EvaluationReport.Item) -> String {
    let wide = item.type == "text" || (item.type == "multiple" && item.counts.count > 6)
    var out =
      "<article class=\"item\(wide ? " wide" : "")\" id=\"item-\(escapeHTML(item.id))\">\n"
    out += "<h4><span class=\"itemid\">\(escapeHTML(item.id))</span> \(escapeHTML(item.text))</h4>\n"
    out +=
      "<p class=\"denominator\">回答 n=\(item.n)、無回答 \(item.missing) / answered \(item.n), no answer \(item.missing)</p>\n"
    switch item.type {
    case "likert": out += likertBlock(item)
    case "single", "profession":
      out += ChoiceBars.table(item.counts, n: item.n, caption: "回答分布（%の分母：回答者 n=\(item.n)） / Distribution")
      out += otherTexts(item)
    case "multiple":
      out += ChoiceBars.table(
        item.counts, n: item.n,
        caption: "選択した人の割合（複数回答。%の分母：回答者 n=\(item.n)、合計は100%を超えます） / % of respondents")
      out += otherTexts(item)
    case "numeric":
      out += "<figure class=\"chart\">"
      out += NumericHistogram.svg(item.histogram ?? [], text: item.text)
      out +=
        "<figcaption>平均 \(Figure.decimal(item.mean)) (SD \(Figure.decimal(item.sd)))、中央値 \(Figure.decimal(item.median))、最小 \(Figure.decimal(item.minimum))、最大 \(Figure.decimal(item.maximum))（回答者 n=\(item.n)）。棒の上の数字は人数。</figcaption></figure>\n"
    case "text":
      out += keywords(item)
      if freeText, let texts = item.texts, !texts.isEmpty {
        out += answerList(item.textTally ?? TextTally(texts))
      }
    default:
      break
    }
    return out + "</article>\n"
  }

  /// A Likert item: the diverging bar(s), then the distribution as a table whose header cells
  /// carry the colours, so the table is also the chart's legend.
  func likertBlock(_ item: EvaluationReport.Item) -> String {
    let labels = item.counts.map(\.label)
    func summary(_ counts: [EvaluationReport.CategoryCount], _ when: String) -> String {
      "\(item.text)\(when): "
        + counts.map { "\($0.label) \(Figure.percent($0.percent))" }.joined(separator: "、")
    }
    var rows: [DivergingBar.Row] = []
    var names: [String] = []
    if let before = item.beforeCounts {
      rows.append(DivergingBar.Row(label: "研修前", counts: before.map(\.count)))
      rows.append(DivergingBar.Row(label: "現在", counts: item.counts.map(\.count)))
      names = [summary(before, "（研修前）"), summary(item.counts, "（現在）")]
    } else {
      rows.append(DivergingBar.Row(label: nil, counts: item.counts.map(\.count)))
      names = [summary(item.counts, "")]
    }
    var out = "<figure class=\"chart\">"
    out += DivergingBar.svg(rows: rows, summary: names.joined(separator: "。"))
    out +=
      "<figcaption>平均 \(Figure.decimal(item.mean)) (SD \(Figure.decimal(item.sd)))、中央値 \(Figure.decimal(item.median, digits: 1))、肯定的回答（上位2段階） \(Figure.share(item.top2box))、95%CI \(ci(item.top2boxCI))"
    if item.reverse == true { out += "。逆転項目（尺度得点では反転して扱う）/ reverse-keyed" }
    out += "</figcaption></figure>\n"
    let colours = DivergingBar.colours(points: labels.count)
    out +=
      "<table class=\"likert-table\">\n<caption>凡例と回答分布（%の分母：各行の回答者） / Legend and distribution</caption>\n<thead><tr><td></td>"
    for (index, label) in labels.enumerated() {
      let colour = index < colours.count ? colours[index] : "#bdbdbd"
      out += "<th scope=\"col\">\(DivergingBar.legendSwatch(colour)) \(escapeHTML(label))</th>"
    }
    out += "<th scope=\"col\">n</th></tr></thead>\n<tbody>\n"
    func row(_ name: String, _ counts: [EvaluationReport.CategoryCount]) -> String {
      let n = counts.reduce(0) { $0 + $1.count }
      var line = "<tr><th scope=\"row\">\(name)</th>"
      for count in counts {
        line +=
          "<td>\(count.count)<br><span class=\"pct\">\(Figure.percent(count.percent, digits: 0))</span></td>"
      }
      return line + "<td>\(n)</td></tr>\n"
    }
    if let before = item.beforeCounts {
      out += row("研修前<br><small>人数 / %</small>", before)
      out += row("現在<br><small>人数 / %</small>", item.counts)
    } else {
      out += row("人数 / %", item.counts)
    }
    return out + "</tbody>\n</table>\n"
  }

  /// Recurring words of a free-text item (see `keywords` in `summary.json`).
  func keywords(_ item: EvaluationReport.Item) -> String {
    guard let keywords = item.keywords, !keywords.isEmpty else { return "" }
    let method =
      item.keywordMethod == "character-bigrams"
      ? "よく現れる2文字の並び（MeCab の辞書がないため文字bigramで代用。単語ではありません）"
      : "よく現れる語（MeCab による形態素解析。名詞・複合名詞、一般的な語は除外）"
    var out =
      "<p class=\"keywords\">\(method) / Frequent words。括弧内はその語を含む回答数（分母：回答者 n=\(item.n)）: "
    out += keywords.map { "\(escapeHTML($0.keyword)) (\($0.answers))" }.joined(separator: "、")
    return out + "</p>\n"
  }

  func otherTexts(_ item: EvaluationReport.Item) -> String {
    guard freeText, let others = item.otherTexts, !others.isEmpty else { return "" }
    return "<details><summary>「その他」の記述 (\(others.count)件)</summary>\n"
      + answerList(item.otherTally ?? TextTally(others)) + "</details>\n"
  }

  /// Free-text answers as a list, identical answers once with their number (「特になし」 written
  /// by 300 people is one line, not 300), in the order they first appear. Every answer is also
  /// in `freetext.csv`, one per row.
  func answerList(_ tally: TextTally) -> String {
    var out = "<ul class=\"freetext\">\n"
    // Appending pieces avoids an interpolated temporary per answer (there can be 100,000).
    for (text, count) in zip(tally.texts, tally.counts) {
      out += "<li>"
      out += escapeHTML(text)
      if count > 1 {
        out += " <span class=\"repeat\">（同じ回答 \(count)件）</span>"
      }
      out += "</li>\n"
    }
    return out + "</ul>\n"
  }
}
