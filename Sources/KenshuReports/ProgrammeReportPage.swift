import KenshuModel
import KenshuSite

/// The programme report as one printable A4 page set (`index.html`): Japanese first, no script,
/// styles from `report.css`; every table names its denominator.
struct ProgrammeReportPage {
  var report: ProgrammeReport

  func html() -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="ja">
      <head>
      <meta charset="utf-8">
      \(ContentSecurityPolicy.metaTag())
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Markup.escape(report.title)) 実施報告 / Programme report</title>
      <link rel="stylesheet" href="report.css">
      </head>
      <body>
      <header>
      <h1>\(Markup.escape(report.title))<br><small>実施報告\(report.fiscalYear.map { "（\(Self.fiscalYearLabel($0))）" } ?? "") / Programme report</small></h1>
      \(report.shareable ? Self.shareableNotice : Self.organiserNotice)
      </header>
      <main>

      """
    page += overview()
    page += delivery()
    page += participantsSection()
    page += attendanceSection()
    page += evaluationSection()
    page += methods()
    return page + "</main>\n</body>\n</html>\n"
  }

  static let organiserNotice = """
    <p class="notice">主催者用：講師の氏名と、秘匿していない人数を含みます。外部に渡すときは --shareable で作成してください。
    / Organiser copy: names instructors and shows every count; pass on the --shareable copy.</p>
    """
  static let shareableNotice = """
    <p class="notice">提出用：氏名・自由記述は含まず、少人数の集計は秘匿しています。
    / Shareable copy: no names or free text; small counts suppressed.</p>
    """

  static func fiscalYearLabel(_ year: Int) -> String {
    // 令和 starts on 2019-05-01, so fiscal 2019 (from April) is 令和元年度.
    let reiwa = year - 2018
    return reiwa >= 1 ? "令和\(reiwa == 1 ? "元" : String(reiwa))年度（\(year)年度）" : "\(year)年度"
  }

  /// The shift that makes the text's highest heading `topLevel`, so headings never skip a
  /// level below the section's `<h3>` (a Markdown file may start at `#` or at `###`).
  static func headingShift(_ markdown: String, topLevel: Int) -> Int {
    let lines: [Substring] = markdown.split(whereSeparator: \.isNewline)
    let levels = lines.compactMap { (line: Substring) -> Int? in
      let hashes = line.prefix(while: { $0 == "#" }).count
      return (1...6).contains(hashes) && line.dropFirst(hashes).first == " " ? hashes : nil
    }
    return topLevel - (levels.min() ?? 1)
  }

  func hours(_ minutes: Int) -> String {
    let h = Double(minutes) / 60
    return h == h.rounded() ? "\(Int(h))時間" : String(format: "%.1f時間", h)
  }

  func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "—" }
    return String(format: "%.1f%%", share * 100)
  }

  // MARK: Sections

  func overview() -> String {
    var out = "<section id=\"overview\">\n<h2>1. 研修の概要 <small>Overview</small></h2>\n<dl class=\"facts\">\n"
    func fact(_ term: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      out += "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n"
    }
    fact(
      "研修名 / Title", Markup.escape(report.title) + (report.subtitle.map { "<br>" + Markup.escape($0) } ?? ""))
    fact("主催 / Organiser", report.organiser.map(Markup.escape))
    fact("会場 / Venue", report.venue.map(Markup.escape))
    let period =
      report.firstDate.map { first in
        first == report.lastDate || report.lastDate == nil ? first : "\(first) 〜 \(report.lastDate ?? "")"
      }
    fact("実施日 / Dates", period ?? "（この期間の実施日はありません / no course in this period）")
    fact("版 / Edition", report.edition.map(Markup.escape))
    let served =
      report.serves.isEmpty
      ? "（定義に serves 属性がありません / not stated）"
      : report.serves.map { "\($0.letter) \(Markup.escape($0.label))" }.joined(separator: "<br>")
    fact("事業項目 / Work items (在宅医療・介護連携推進事業)", served)
    out += "</dl>\n"
    if let purpose = report.purpose, !purpose.isEmpty {
      // The site's renderer: author HTML escaped, no inline styles; # in the text sits below h3.
      out += "<h3>研修の目的 <small>Purpose</small></h3>\n<div class=\"purpose\">\n"
      out += MarkdownRenderer(headingShift: Self.headingShift(purpose, topLevel: 4)).render(purpose).html
      out += "</div>\n"
    }
    return out + "</section>\n"
  }

  func delivery() -> String {
    var out = "<section id=\"delivery\">\n<h2>2. 実施内容 <small>Sessions and hours</small></h2>\n"
    out += "<table>\n<caption>日程と研修時間（休憩・開会・閉会を除く学習セッション） / Courses</caption>\n"
    out +=
      "<thead><tr><th scope=\"col\">日付</th><th scope=\"col\">コース</th><th scope=\"col\">時間</th><th scope=\"col\">形式</th><th scope=\"col\">セッション数</th><th scope=\"col\">研修時間</th></tr></thead>\n<tbody>\n"
    for course in report.courses {
      let time = [course.start, course.end].compactMap { $0 }.joined(separator: "〜")
      out +=
        "<tr><td>\(Markup.escape(course.date ?? "—"))</td><th scope=\"row\">\(Markup.escape(course.title))</th><td>\(Markup.escape(time))</td><td>\(Markup.escape(course.mode ?? ""))</td><td>\(course.sessions)</td><td>\(hours(course.learningMinutes))（\(course.learningMinutes)分）</td></tr>\n"
    }
    out +=
      "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"4\">計 \(report.courses.count) コース</th><td>\(report.sessions)</td><td>\(hours(report.learningMinutes))（\(report.learningMinutes)分）</td></tr></tfoot>\n</table>\n"
    out += "<h3>講師 <small>Instructors</small></h3>\n"
    if report.instructors.isEmpty {
      out += "<p>講師の指定はありません。</p>\n"
    } else {
      out +=
        "<table>\n<caption>講師 \(report.instructors.count) 名（担当セッション数） / Instructors</caption>\n<thead><tr>"
      if !report.shareable { out += "<th scope=\"col\">氏名</th>" }
      out += "<th scope=\"col\">職種</th><th scope=\"col\">担当</th></tr></thead>\n<tbody>\n"
      for instructor in report.instructors {
        out += "<tr>"
        if !report.shareable {
          out += "<th scope=\"row\">\(Markup.escape(instructor.name ?? instructor.id ?? ""))</th>"
        }
        out += "<td>\(Markup.escape(instructor.profession))</td><td>\(instructor.sessions)</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    out += "<p>グループワークのファシリテーター：\(report.facilitators) 名</p>\n"
    return out + "</section>\n"
  }

  func participantsSection() -> String {
    var out = "<section id=\"participants\">\n<h2>3. 受講者 <small>Participants</small></h2>\n"
    guard let table = report.participants else {
      return out + "<p>名簿に受講者（roles=\"trainee\"）がいません。</p>\n</section>\n"
    }
    if table.suppressed > 0 {
      out +=
        "<p class=\"note\">\(table.minCell ?? 5) 人未満の人数と、合計から逆算できる人数を「×」としました（計 \(table.suppressed) 個）。/ Counts below \(table.minCell ?? 5) and those they could be worked out from are shown as ×.</p>\n"
    }
    out += table.html(
      corner: "職種", caption: "職種 × 市区町村（名簿の受講者。計の分母：受講者数） / Profession × municipality",
      regionLabel: "職種×市区町村の表")
    return out + "</section>\n"
  }

  func attendanceSection() -> String {
    var out = "<section id=\"attendance\">\n<h2>4. 出席・修了 <small>Attendance and completion</small></h2>\n"
    guard let attendance = report.attendance else {
      return out
        + "<p>出席記録（rosters/ の &lt;attendance&gt;）がないため、出席率・修了率は算出していません。/ No attendance records: rates not computed.</p>\n</section>\n"
    }
    out +=
      "<p>受講者 \(attendance.enrolled) 名のうち、1つ以上のセッションに出席した人 \(attendance.attended) 名（出席率 \(percent(attendance.attendanceRate))、分母：名簿の受講者数）。</p>\n"
    if !attendance.awards.isEmpty {
      out +=
        "<table>\n<caption>修了要件を満たした人（修了証・受講証明書の交付対象。分母：受講者 \(attendance.enrolled) 名） / Completion</caption>\n<thead><tr><th scope=\"col\">証書</th><th scope=\"col\">種類</th><th scope=\"col\">人数</th><th scope=\"col\">修了率</th></tr></thead>\n<tbody>\n"
      for award in attendance.awards {
        out +=
          "<tr><th scope=\"row\">\(Markup.escape(award.title))</th><td>\(Markup.escape(award.kind))</td><td>\(award.eligible)</td><td>\(percent(award.rate))</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    out +=
      "<table>\n<caption>セッション別の出席者数（分母：受講者 \(attendance.enrolled) 名） / Attendance by session</caption>\n<thead><tr><th scope=\"col\">セッション</th><th scope=\"col\">出席</th><th scope=\"col\">%</th></tr></thead>\n<tbody>\n"
    for session in attendance.sessions {
      let share = attendance.enrolled > 0 ? Double(session.attended) / Double(attendance.enrolled) : nil
      out +=
        "<tr><th scope=\"row\">\(Markup.escape(session.title))</th><td>\(session.attended)</td><td>\(percent(share))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  func evaluationSection() -> String {
    var out = "<section id=\"evaluation\">\n<h2>5. 評価の概要 <small>Evaluation highlights</small></h2>\n"
    guard !report.evaluations.isEmpty else {
      return out
        + "<p>アンケートの回答が指定されていません（--responses）。/ No responses given.</p>\n</section>\n"
    }
    for evaluation in report.evaluations {
      out += "<h3>\(Markup.escape(evaluation.title))</h3>\n<p>回答 \(evaluation.responses) 件"
      if let invited = evaluation.invited {
        out += "（対象 \(invited) 名、回答率 \(percent(evaluation.rate))）"
      }
      out += "。詳細は kenshu evaluate の報告書を参照。</p>\n"
      if !evaluation.items.isEmpty {
        out +=
          "<table>\n<caption>肯定的回答の割合が高い項目（上位2段階。分母：各項目の回答者 n） / Highest rated</caption>\n<thead><tr><th scope=\"col\">項目</th><th scope=\"col\">肯定的回答</th><th scope=\"col\">平均</th><th scope=\"col\">n</th></tr></thead>\n<tbody>\n"
        for item in evaluation.items.prefix(5) {
          out +=
            "<tr><th scope=\"row\">\(Markup.escape(item.text))</th><td>\(percent(item.top2box))</td><td>\(item.mean.map { String(format: "%.2f", $0) } ?? "—")</td><td>\(item.n)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
      if !evaluation.changes.isEmpty {
        out +=
          "<table>\n<caption>研修前後の変化（分母：前後とも回答した組数） / Pre/post change</caption>\n<thead><tr><th scope=\"col\">項目</th><th scope=\"col\">前</th><th scope=\"col\">後</th><th scope=\"col\">変化</th><th scope=\"col\">p (Wilcoxon)</th><th scope=\"col\">組数</th></tr></thead>\n<tbody>\n"
        func f(_ value: Double?, _ format: String = "%.2f") -> String {
          value.map { String(format: format, $0) } ?? "—"
        }
        for change in evaluation.changes.prefix(5) {
          let p = change.p.map { $0 < 0.001 ? "&lt; 0.001" : String(format: "%.3f", $0) } ?? "—"
          out +=
            "<tr><th scope=\"row\">\(Markup.escape(change.text))</th><td>\(f(change.meanBefore))</td><td>\(f(change.meanAfter))</td><td>\(f(change.meanChange, "%+.2f"))</td><td>\(p)</td><td>\(change.pairs)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
      for scale in evaluation.reliability {
        out +=
          "<p>尺度「\(Markup.escape(scale.title))」の Cronbach の α = \(scale.cronbachAlpha.map { String(format: "%.3f", $0) } ?? "—")（全項目に回答した \(scale.completeCases) 人）。</p>\n"
        if !scale.cautions.isEmpty {
          out += "<div class=\"caution\" role=\"note\"><ul>\n"
          for caution in scale.cautions { out += "<li>\(Markup.escape(caution))</li>\n" }
          out += "</ul></div>\n"
        }
      }
    }
    return out + "</section>\n"
  }

  func methods() -> String {
    """
    <section id="methods">
    <h2>6. 集計方法 <small>Methods</small></h2>
    <ul>
    <li>研修時間は学習セッション（講義・グループワーク・事例検討など。開会・休憩・閉会を除く）の所要時間の合計。</li>
    <li>受講者は研修プログラムの名簿（roster 属性）で役割が受講者（trainee）の人。年度を指定したときは、その年度（4月〜翌3月）に実施したコースのみを数えます。</li>
    <li>修了は定義の修了要件（&lt;award&gt;）を出席記録に当てはめて判定します。</li>
    <li>評価の数値は kenshu evaluate と同じ計算です（肯定的回答＝上位2段階、Wilcoxon 符号付順位検定）。</li>
    </ul>
    </section>

    """
  }
}
