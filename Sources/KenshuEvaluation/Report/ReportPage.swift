import KenshuModel

/// The committee report (`index.html`): Japanese first, overview on top, then results by
/// evaluation level, pre/post changes, scale reliability and breakdowns. Every piece of user
/// text goes through `Markup.escape`; there is no script, and styles come from `report.css`.
struct ReportPage {
  var report: EvaluationReport
  /// Whether free-text and "other" answers are listed (organiser copy) or left out (a copy to
  /// pass on; counts stay, keywords of free text go).
  var freeText = true

  /// The survey's language (`xml:lang`, filled from `kenshu.xml` when the survey has none): a
  /// Japanese survey gets the Japanese report with English beside its headings, an English
  /// survey a report in English only.
  var language: MessageLanguage { report.survey.language.flatMap { MessageLanguage(tag: $0) } ?? .ja }

  /// The Japanese or the English text, in the report's language.
  func t(_ japanese: String, _ english: String) -> String { language == .ja ? japanese : english }

  func html() -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      \(ContentSecurityPolicy.metaTag())
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Markup.escape(report.survey.title)) \(t("評価報告 / Evaluation report", "Evaluation report"))</title>
      <link rel="stylesheet" href="report.css">
      </head>
      <body>
      <header>
      <h1>\(Markup.escape(report.survey.title))<br><small>\(t("評価報告 / Evaluation report", "Evaluation report"))</small></h1>
      \(freeText ? t(Self.freeTextNotice, Self.freeTextNoticeEnglish) : t(Self.noFreeTextNotice, Self.noFreeTextNoticeEnglish))
      </header>
      <main>

      """
    page += overview()
    page += levels()
    page += prePostSection()
    page += measuresSection()
    page += breakdownsSection()
    page += accountingSection()
    page += methods()
    page += "</main>\n</body>\n</html>\n"
    return page
  }

  static let freeTextNotice = """
    <p class="notice">この報告書には自由記述の回答がそのまま含まれます。主催者の内部資料として扱ってください。
    / Contains free-text answers verbatim: for organisers only.</p>
    """
  static let noFreeTextNotice = """
    <p class="notice">自由記述の回答本文は含めていません。参加者IDも含めていません（件数のみ）。
    / Free-text answers and participant ids are left out of this copy (counts only).</p>
    """

  static let freeTextNoticeEnglish = """
    <p class="notice">This report contains free-text answers verbatim: treat it as an internal document of the organisers.</p>
    """
  static let noFreeTextNoticeEnglish = """
    <p class="notice">Free-text answers and participant ids are left out of this copy (counts only).</p>
    """

  /// A heading in the report's language: Japanese with the English beside it, or English.
  func heading(_ japanese: String, _ english: String) -> String {
    t("\(japanese) <small>\(english)</small>", english)
  }

  // MARK: Overview

  func overview() -> String {
    var out =
      "<section id=\"overview\" class=\"overview\">\n<h2>\(heading("概要", "Overview"))</h2>\n<dl class=\"keyfigures\">\n"
    out += "<div><dt>\(t("回答数 / Responses", "Responses"))</dt><dd>\(report.responses.used)</dd></div>\n"
    if let invited = report.responses.invited {
      out += "<div><dt>\(t("対象者数 / Invited", "Invited"))</dt><dd>\(invited)</dd></div>\n"
      out +=
        "<div><dt>\(t("回答率 / Response rate", "Response rate"))</dt><dd>\(Figure.share(report.responses.rate))</dd></div>\n"
    }
    let rejected = report.responses.files.reduce(0) { $0 + $1.rejected.count }
    out += "<div><dt>\(t("除外した行 / Rejected rows", "Rejected rows"))</dt><dd>\(rejected)</dd></div>\n</dl>\n"

    let likert = report.items.filter { $0.type == "likert" && $0.n > 0 }
    let headline = likert.filter { $0.top2box != nil }.sorted { ($0.top2box ?? 0) > ($1.top2box ?? 0) }
      .prefix(3)
    if !headline.isEmpty {
      out += "<h3>\(heading("評価の高かった項目", "Highest rated (top-2-box)"))</h3>\n<ol>\n"
      for item in headline {
        out +=
          "<li><a href=\"#item-\(Markup.escape(item.id))\">\(Markup.escape(item.text))</a>: \(t("肯定的回答", "agreement")) \(Figure.share(item.top2box)) (95%CI \(ci(item.top2boxCI)), n=\(item.n))</li>\n"
      }
      out += "</ol>\n"
    }
    let changes = report.prePost.filter { $0.meanChange != nil && $0.pairs > 0 }
      .sorted { abs($0.meanChange ?? 0) > abs($1.meanChange ?? 0) }.prefix(3)
    if !changes.isEmpty {
      out += "<h3>\(heading("変化の大きかった項目", "Biggest pre/post changes"))</h3>\n<ol>\n"
      for change in changes {
        out +=
          "<li>\(Markup.escape(change.text)): \(Figure.decimal(change.meanBefore)) → \(Figure.decimal(change.meanAfter)) (\(t("変化", "change")) \(Figure.signed(change.meanChange)), \(Figure.pClause(change.wilcoxon.p)), r=\(Figure.decimal(change.effectSize.r)), \(t("\(change.pairs)組", "\(change.pairs) pairs")))</li>\n"
      }
      out += "</ol>\n"
    }
    // Reverse-keyed items count as low when agreement is high: compare keyed means.
    func keyedMean(_ item: EvaluationReport.Item) -> Double {
      guard let mean = item.mean else { return .infinity }
      return item.reverse == true ? Double((item.points ?? 0) + 1) - mean : mean
    }
    let lowest = likert.filter { $0.mean != nil }.sorted { keyedMean($0) < keyedMean($1) }.prefix(3)
    if !lowest.isEmpty {
      out += "<h3>\(heading("評価の低かった項目", "Lowest rated (mean)"))</h3>\n<ol>\n"
      for item in lowest {
        let keyed = Figure.decimal(keyedMean(item))
        let note =
          item.reverse == true
          ? t("（逆転項目：低いほど望ましい。反転後 \(keyed)）", " (reverse-keyed: lower is better; \(keyed) reversed)") : ""
        out +=
          "<li><a href=\"#item-\(Markup.escape(item.id))\">\(Markup.escape(item.text))</a>\(note): \(t("平均", "mean")) \(Figure.decimal(item.mean)) / \(item.points ?? 0) (n=\(item.n))</li>\n"
      }
      out += "</ol>\n"
    }
    return out + "</section>\n"
  }

  func ci(_ interval: [Double]?) -> String {
    guard let interval, interval.count == 2 else { return "—" }
    return "\(Figure.share(interval[0]))–\(Figure.share(interval[1]))"
  }

  // MARK: Items by level

  func levels() -> String {
    var out = "<section id=\"items\">\n<h2>\(heading("評価レベル別の結果", "Results by evaluation level"))</h2>\n"
    let levels = EvaluationLevel.allCases.filter { level in
      report.items.contains { $0.level == level.rawValue }
    }
    for level in levels {
      out +=
        "<section class=\"level\">\n<h3>\(heading(Markup.escape(level.japaneseLabel), Markup.escape(level.englishLabel)))</h3>\n<div class=\"items\">\n"
      for item in report.items where item.level == level.rawValue { out += itemBlock(item) }
      out += "</div>\n</section>\n"
    }
    let unlevelled = report.items.filter { $0.level == nil }
    if !unlevelled.isEmpty {
      out +=
        "<section class=\"level\">\n<h3>\(heading("その他の項目", "Other items"))</h3>\n<div class=\"items\">\n"
      for item in unlevelled { out += itemBlock(item) }
      out += "</div>\n</section>\n"
    }
    return out + "</section>\n"
  }

  // MARK: Pre/post

  func prePostSection() -> String {
    guard !report.prePost.isEmpty else { return "" }
    var out = "<section id=\"prepost\">\n<h2>\(heading("研修前後の変化", "Pre/post change"))</h2>\n"
    out +=
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(t("研修前後の比較の表", "Pre/post comparisons"))\">\n<table class=\"prepost\">\n<caption>\(t("対応のある比較（振り返り式の事前評価を含む。分母：前後の両方に回答した組数） / Paired comparisons", "Paired comparisons (including retrospective pre-ratings; denominator: pairs who answered both)"))</caption>\n"
    out +=
      "<thead><tr><th scope=\"col\">\(t("項目", "Item"))</th><th scope=\"col\">\(t("方式", "Design"))</th><th scope=\"col\">\(t("組数", "Pairs"))</th><th scope=\"col\">\(t("前", "Before"))</th><th scope=\"col\">\(t("後", "After"))</th><th scope=\"col\">\(t("変化", "Change"))</th><th scope=\"col\">Wilcoxon W</th><th scope=\"col\">p</th><th scope=\"col\">t (df)</th><th scope=\"col\">p</th><th scope=\"col\">r</th><th scope=\"col\">d<sub>z</sub></th></tr></thead>\n<tbody>\n"
    for row in report.prePost {
      let kind = row.kind == "retrospective" ? t("振り返り式", "retrospective") : t("事前・事後", "pre/post")
      out +=
        "<tr><th scope=\"row\">\(Markup.escape(row.text))</th><td>\(kind)</td><td>\(row.pairs)</td><td>\(Figure.decimal(row.meanBefore))</td><td>\(Figure.decimal(row.meanAfter))</td><td>\(Figure.signed(row.meanChange))</td><td>\(Figure.decimal(row.wilcoxon.statistic, digits: 1))</td><td>\(Figure.p(row.wilcoxon.p))</td><td>\(Figure.decimal(row.tTest.t)) (\(Figure.decimal(row.tTest.df, digits: 0)))</td><td>\(Figure.p(row.tTest.p))</td><td>\(Figure.decimal(row.effectSize.r))</td><td>\(Figure.decimal(row.effectSize.dz))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n</div>\n"
    out +=
      t(
        "<p class=\"note\">効果量 r = Z/√n（n は変化が0でない組の数）。d<sub>z</sub> = 変化の平均 ÷ 変化の標準偏差（符号付き。他のツールが示す d<sub>av</sub> とは異なります）。</p>\n",
        "<p class=\"note\">Effect size r = Z/√n (n: pairs whose change is not 0). d<sub>z</sub> = mean change ÷ SD of the change (signed; not the d<sub>av</sub> other tools show).</p>\n"
      )
    if let unmatched = report.unmatched {
      out +=
        t(
          "<p>対応がとれなかった記録: 事前のみ \(unmatched.preOnly) 名、事後のみ \(unmatched.postOnly) 名、ID なし 事前 \(unmatched.preWithoutId) 行・事後 \(unmatched.postWithoutId) 行。</p>\n",
          "<p>Records without a pair: \(unmatched.preOnly) only before, \(unmatched.postOnly) only after; without an id, \(unmatched.preWithoutId) rows before and \(unmatched.postWithoutId) after.</p>\n"
        )
      // The ids only in the organiser's copy: a shareable copy names no participant.
      if freeText, !(unmatched.pre.isEmpty && unmatched.post.isEmpty) {
        out += "<details><summary>\(t("対応しない参加者ID / Unmatched ids", "Unmatched ids"))</summary><ul>\n"
        for id in unmatched.pre { out += "<li>\(t("事前のみ", "before only")): \(Markup.escape(id))</li>\n" }
        for id in unmatched.post { out += "<li>\(t("事後のみ", "after only")): \(Markup.escape(id))</li>\n" }
        out += "</ul></details>\n"
      }
    }
    return out + "</section>\n"
  }

  // MARK: Breakdowns

  func breakdownsSection() -> String {
    guard !report.breakdowns.isEmpty || !report.breakdownsOmitted.isEmpty else { return "" }
    let hidden = report.breakdowns.reduce(0) { $0 + $1.suppressedCells }
    var out = "<section id=\"breakdowns\">\n<h2>\(heading("属性別の集計", "Breakdowns"))</h2>\n"
    // One mark for every hidden cell, and one count: saying which cells are small (1 to
    // minCell − 1) would tell a reader more than the mark does.
    let english =
      "Cells with fewer than \(report.minCell) respondents, and further cells that keep them from being worked out from the totals, are shown as \(suppressedMark) (\(hidden) in all, with one mark; no hidden value follows exactly from the published figures)."
    out += t(
      "<p class=\"suppression\">個人が特定されないよう、\(report.minCell) 人未満のセルと、合計などから逆算されないようそれを守るセルを「秘匿」としました（計 \(hidden) 個。どちらも同じ表示で、秘匿したセルの値は公開したどの数字からも一通りには定まりません）。合計（分母）は表示しています。 / \(english)</p>\n",
      "<p class=\"suppression\">\(english) Totals (denominators) are shown.</p>\n")
    if !report.breakdownsOmitted.isEmpty {
      out +=
        t(
          "<p class=\"suppression\">次の項目の属性別集計は、秘匿しても合計から値が定まるため掲載していません / Not shown, because the totals alone would give the cells away: ",
          "<p class=\"suppression\">Not shown, because the totals alone would give the cells away: ")
        + report.breakdownsOmitted.map(Markup.escape).joined(separator: ", ") + "</p>\n"
    }
    let itemTexts = Dictionary(report.items.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
    out += "<div class=\"crosstabs\">\n"
    for breakdown in report.breakdowns {
      out +=
        "<div class=\"scroll crosstab-box\" tabindex=\"0\" role=\"region\" aria-label=\"\(t("\(Markup.escape(breakdown.item)) の属性別集計", "Breakdown of \(Markup.escape(breakdown.item))"))\">\n<table class=\"crosstab\">\n<caption>\(Markup.escape(breakdown.item)) \(Markup.escape(itemTexts[breakdown.item] ?? "")) × \(Markup.escape(itemTexts[breakdown.by] ?? breakdown.by))<br><small>\(t("人数（行%：分母は各行の回答者数＝右端の計）", "respondents (row %: denominator is each row's respondents, the total on the right)"))</small></caption>\n"
      out += "<thead><tr><th scope=\"col\"></th>"
      for label in breakdown.columnLabels { out += "<th scope=\"col\">\(Markup.escape(label))</th>" }
      out += "<th scope=\"col\">\(t("計", "Total")) (n)</th></tr></thead>\n<tbody>\n"
      for (r, label) in breakdown.rowLabels.enumerated() {
        out += "<tr><th scope=\"row\">\(Markup.escape(label))</th>"
        for c in breakdown.columnLabels.indices {
          if let count = breakdown.cells[r][c], count == 0 {
            // A zero's row percentage says nothing more; leaving it out keeps the table narrow.
            out += "<td>0</td>"
          } else if let count = breakdown.cells[r][c] {
            out +=
              "<td>\(count) <span class=\"pct\">(\(Figure.percent(breakdown.rowPercents[r][c], digits: 0)))</span></td>"
          } else {
            out += "<td class=\"suppressed\">\(suppressedMark)</td>"
          }
        }
        out += "<td>\(breakdown.rowTotals[r])</td></tr>\n"
      }
      out += "</tbody>\n<tfoot><tr><th scope=\"row\">\(t("計", "Total"))</th>"
      for total in breakdown.columnTotals { out += "<td>\(total)</td>" }
      out += "<td>\(breakdown.total)</td></tr></tfoot>\n</table>\n</div>\n"
    }
    return out + "</div>\n</section>\n"
  }

  /// The mark of a suppressed cell.
  var suppressedMark: String { t("秘匿", "suppressed") }

  // MARK: Accounting and methods

  func accountingSection() -> String {
    var out = "<section id=\"files\">\n<h2>\(heading("読み込んだ回答ファイル", "Response files"))</h2>\n"
    out +=
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(t("回答ファイルの表", "Response files"))\">\n<table>\n<caption>\(t("ファイルごとの行数（読込 = 使用 + 除外） / Rows per file (read = used + rejected)", "Rows per file (read = used + rejected)"))</caption>\n<thead><tr><th scope=\"col\">\(t("ファイル", "File"))</th><th scope=\"col\">\(t("形式", "Format"))</th><th scope=\"col\">\(t("読込", "Read"))</th><th scope=\"col\">\(t("使用", "Used"))</th><th scope=\"col\">\(t("除外", "Rejected"))</th><th scope=\"col\">\(t("除外した値", "Excluded values"))</th><th scope=\"col\">\(t("回答期間", "Answered"))</th></tr></thead>\n<tbody>\n"
    for file in report.responses.files {
      out +=
        "<tr><th scope=\"row\">\(Markup.escape(file.file))</th><td>\(Markup.escape(file.format))</td><td>\(file.read)</td><td>\(file.used)</td><td>\(file.rejected.count)</td><td>\(file.excludedValues)</td><td>\(period(file))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n</div>\n"
    let rejections = report.responses.files.flatMap { file in file.rejected.map { (file.file, $0) } }
    if !rejections.isEmpty {
      out += "<details><summary>\(t("除外した行", "Rejected rows")) (\(rejections.count))</summary><ul>\n"
      for (file, rejection) in rejections.prefix(500) {
        out +=
          "<li>\(Markup.escape(file)):\(rejection.line) — \(Markup.escape(reason(rejection.reason)))</li>\n"
      }
      out += "</ul></details>\n"
    }
    return out + "</section>\n"
  }

  /// A rejection's reason in the report's language. The import records each reason as
  /// `日本語 / English` (summary.json keeps that, for either reader); an English report shows the
  /// English half.
  func reason(_ recorded: String) -> String {
    guard language == .en, let slash = recorded.range(of: " / ") else { return recorded }
    return String(recorded[slash.upperBound...])
  }

  /// `2026-11-20` or `2026-11-20 〜 2026-11-21`; `—` when the file has no readable times.
  func period(_ file: RowAccount) -> String {
    guard let first = file.firstSubmitted, let last = file.lastSubmitted else { return "—" }
    return first == last ? first : t("\(first) 〜 \(last)", "\(first) – \(last)")
  }

  func methods() -> String {
    language == .en ? Self.methodsEnglish : Self.methodsJapanese
  }

  static let methodsEnglish = """
    <section id="methods">
    <h2>Methods</h2>
    <ul>
    <li>Agreement (top-2-box) is the share of the two highest points of the scale; 95% confidence intervals by Wilson's score method.</li>
    <li>Before and after are paired by participant id and compared with the Wilcoxon signed-rank test (pairs without change left out; the exact distribution up to 50 pairs without ties, a permutation test over all sign flips up to 13 pairs with ties or zeros, otherwise the normal approximation with tie correction) and the paired t test (two-sided).</li>
    <li>Percentages are of each item's respondents (for multiple answers, of respondents, not of answers).</li>
    <li>Frequent words of free text: split into words by MeCab (IPA dictionary), runs of nouns joined as compound nouns, common words left out; a word counts once per answer however often it appears.</li>
    </ul>
    </section>

    """

  static let methodsJapanese =
    """
    <section id="methods">
    <h2>集計方法 <small>Methods</small></h2>
    <ul>
    <li>肯定的回答は尺度の上位2段階の割合。95%信頼区間は Wilson のスコア法。</li>
    <li>事前・事後の比較は参加者IDで対応づけ、Wilcoxon 符号付順位検定（変化0の組は除外。50組以下で同順位がなければ正確分布、13組以下で同順位・0があれば全符号反転の並べ替え検定、それ以外は同順位補正付き正規近似）と対応のある t 検定（両側）。</li>
    <li>割合は各項目の回答者数（複数回答は回答者数）を分母とします。</li>
    <li>自由記述の頻出語は MeCab（IPA 辞書）で単語に分け、名詞の連続を複合名詞としてまとめ、「こと」「今回」などの一般的な語を除いたもの。1つの回答に何度現れても1と数えます。</li>
    </ul>
    </section>

    """
}
