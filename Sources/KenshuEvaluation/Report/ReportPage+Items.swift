import KenshuModel

/// One survey item of the report: its chart, the table behind the chart (which names its
/// denominator) and, in the organiser's copy, what respondents wrote.
extension ReportPage {
  func itemBlock(_ item: EvaluationReport.Item) -> String {
    let wide = item.type == "text" || (item.type == "multiple" && item.counts.count > 6)
    var out =
      "<article class=\"item\(wide ? " wide" : "")\" id=\"item-\(Markup.escape(item.id))\">\n"
    out += "<h4><span class=\"itemid\">\(Markup.escape(item.id))</span> \(Markup.escape(item.text))</h4>\n"
    out +=
      "<p class=\"denominator\">\(t("回答 n=\(item.n)、無回答 \(item.missing) / answered \(item.n), no answer \(item.missing)", "answered n=\(item.n), no answer \(item.missing)"))</p>\n"
    switch item.type {
    case "likert": out += likertBlock(item)
    case "single", "profession":
      out += ChoiceBars.table(
        item.counts, n: item.n,
        caption: t(
          "回答分布（%の分母：回答者 n=\(item.n)） / Distribution", "Distribution (% of respondents, n=\(item.n))"),
        language: language)
      out += otherTexts(item)
    case "multiple":
      out += ChoiceBars.table(
        item.counts, n: item.n,
        caption: t(
          "選択した人の割合（複数回答。%の分母：回答者 n=\(item.n)、合計は100%を超えます） / % of respondents",
          "Share of respondents who chose each option (several answers allowed; % of respondents, n=\(item.n); the total exceeds 100%)"
        ), language: language)
      out += otherTexts(item)
    case "numeric":
      out += "<figure class=\"chart\">"
      out += NumericHistogram.svg(item.histogram ?? [], text: item.text, language: language)
      let (mean, sd, median) = (
        Figure.decimal(item.mean), Figure.decimal(item.sd), Figure.decimal(item.median)
      )
      let (minimum, maximum) = (Figure.decimal(item.minimum), Figure.decimal(item.maximum))
      out += t(
        "<figcaption>平均 \(mean) (SD \(sd))、中央値 \(median)、最小 \(minimum)、最大 \(maximum)（回答者 n=\(item.n)）。棒の上の数字は人数。</figcaption></figure>\n",
        "<figcaption>Mean \(mean) (SD \(sd)), median \(median), minimum \(minimum), maximum \(maximum) (respondents n=\(item.n)). The number above a bar is people.</figcaption></figure>\n"
      )
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
      rows.append(DivergingBar.Row(label: t("研修前", "Before"), counts: before.map(\.count)))
      rows.append(DivergingBar.Row(label: t("現在", "Now"), counts: item.counts.map(\.count)))
      names = [summary(before, t("（研修前）", " (before)")), summary(item.counts, t("（現在）", " (now)"))]
    } else {
      rows.append(DivergingBar.Row(label: nil, counts: item.counts.map(\.count)))
      names = [summary(item.counts, "")]
    }
    var out = "<figure class=\"chart\">"
    out += DivergingBar.svg(rows: rows, summary: names.joined(separator: t("。", ". ")))
    let (mean, sd) = (Figure.decimal(item.mean), Figure.decimal(item.sd))
    let (median, top2box) = (Figure.decimal(item.median, digits: 1), Figure.share(item.top2box))
    out += t(
      "<figcaption>平均 \(mean) (SD \(sd))、中央値 \(median)、肯定的回答（上位2段階） \(top2box)、95%CI \(ci(item.top2boxCI))",
      "<figcaption>Mean \(mean) (SD \(sd)), median \(median), agreement (top 2 points) \(top2box), 95% CI \(ci(item.top2boxCI))"
    )
    if item.reverse == true {
      out += t("。逆転項目（尺度得点では反転して扱う）/ reverse-keyed", ". Reverse-keyed (reversed in the scale score)")
    }
    out += "</figcaption></figure>\n"
    let colours = DivergingBar.colours(points: labels.count)
    out +=
      "<table class=\"likert-table\">\n<caption>\(t("凡例と回答分布（%の分母：各行の回答者） / Legend and distribution", "Legend and distribution (% of each row's respondents)"))</caption>\n<thead><tr><td></td>"
    for (index, label) in labels.enumerated() {
      let colour = index < colours.count ? colours[index] : "#bdbdbd"
      out += "<th scope=\"col\">\(DivergingBar.legendSwatch(colour)) \(Markup.escape(label))</th>"
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
      out += row(t("研修前<br><small>人数 / %</small>", "Before<br><small>people / %</small>"), before)
      out += row(t("現在<br><small>人数 / %</small>", "Now<br><small>people / %</small>"), item.counts)
    } else {
      out += row(t("人数 / %", "people / %"), item.counts)
    }
    return out + "</tbody>\n</table>\n"
  }

  /// Recurring words of a free-text item (see `keywords` in `summary.json`).
  func keywords(_ item: EvaluationReport.Item) -> String {
    guard let keywords = item.keywords, !keywords.isEmpty else { return "" }
    let bigrams = item.keywordMethod == "character-bigrams"
    let method =
      bigrams
      ? t(
        "よく現れる2文字の並び（MeCab の辞書がないため文字bigramで代用。単語ではありません）",
        "Frequent two-character sequences (MeCab's dictionary is missing: character bigrams, not words)")
      : t(
        "よく現れる語（MeCab による形態素解析。名詞・複合名詞、一般的な語は除外）",
        "Frequent words (nouns and compound nouns, common words left out)")
    var out = t(
      "<p class=\"keywords\">\(method) / Frequent words。括弧内はその語を含む回答数（分母：回答者 n=\(item.n)）: ",
      "<p class=\"keywords\">\(method). In brackets, the answers that contain it (of respondents n=\(item.n)): "
    )
    out += keywords.map { "\(Markup.escape($0.keyword)) (\($0.answers))" }.joined(separator: t("、", ", "))
    return out + "</p>\n"
  }

  func otherTexts(_ item: EvaluationReport.Item) -> String {
    guard freeText, let others = item.otherTexts, !others.isEmpty else { return "" }
    return
      "<details><summary>\(t("「その他」の記述 (\(others.count)件)", "Answers written under \"Other\" (\(others.count))"))</summary>\n"
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
      out += Markup.escape(text)
      if count > 1 {
        out += " <span class=\"repeat\">\(t("（同じ回答 \(count)件）", "(the same answer \(count) times)"))</span>"
      }
      out += "</li>\n"
    }
    return out + "</ul>\n"
  }
}
