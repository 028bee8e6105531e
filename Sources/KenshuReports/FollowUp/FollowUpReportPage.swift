import Foundation
import KenshuModel

/// The follow-up report as a printable A4 page set (`index.html`): Japanese first, no script,
/// styles from `report.css` (the programme report's); every table names its denominator.
struct FollowUpReportPage {
  var report: FollowUpReport

  private var areaWord: String { report.by == "region" ? "地方" : "都道府県" }

  func html() -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="ja">
      <head>
      <meta charset="utf-8">
      \(ContentSecurityPolicy.metaTag())
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Markup.escape(report.title)) 地域研修の実施状況 / Follow-up report</title>
      <link rel="stylesheet" href="report.css">
      </head>
      <body>
      <header>
      <h1>\(Markup.escape(report.title))<br><small>修了者による地域研修の実施状況\(report.fiscalYear.map { "（\(ProgrammeReportPage.fiscalYearLabel($0))）" } ?? "") / Follow-up: local trainings run by graduates</small></h1>
      \(report.shareable ? ProgrammeReportPage.shareableNotice : Self.organiserNotice)
      </header>
      <main>

      """
    page += summary()
    page += areasSection()
    page += reachedSection()
    page += kindsSection()
    if !report.shareable { page += listSection() }
    page += methods()
    return page + "</main>\n</body>\n</html>\n"
  }

  static let organiserNotice = """
    <p class="notice">主催者用：修了者・共同講師の氏名と、秘匿していない人数を含みます。外部に渡すときは --shareable で作成してください。
    / Organiser copy: names graduates and co-instructors and shows every count; pass on the --shareable copy.</p>
    """

  func n(_ value: Int?) -> String { value.map { "\($0)" } ?? "×" }
  func cell(_ value: Int?) -> String { value.map { "<td>\($0)</td>" } ?? "<td class=\"suppressed\">×</td>" }
  func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "—" }
    return String(format: "%.1f%%", share * 100)
  }

  func summary() -> String {
    var out = "<section id=\"summary\">\n<h2>1. 概要 <small>Summary</small></h2>\n<dl class=\"facts\">\n"
    func fact(_ term: String, _ value: String) { out += "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n" }
    fact("研修 / Programme", Markup.escape(report.title) + "（\(Markup.escape(report.programme))）")
    fact("名簿 / Roster", Markup.escape(report.roster))
    let period =
      report.firstDate.map { first in first == report.lastDate ? first : "\(first) 〜 \(report.lastDate ?? "")"
      }
    fact("研修の実施日 / Dates", period ?? "（記録された研修はありません / no training recorded）")
    fact("修了者 / Graduates", "\(n(report.graduates)) 名")
    fact(
      "地域研修を実施した修了者 / Graduates who ran training",
      "\(n(report.ranTraining)) 名（実施率 \(percent(report.rate))、分母：修了者）")
    fact("地域研修 / Local trainings", "\(report.trainings) 回")
    fact("参加者（延べ） / People reached", "\(report.reached) 人")
    out += "</dl>\n"
    if let missing = report.reportedWithoutRecord, missing > 0 {
      out +=
        "<p class=\"caution\" role=\"note\">名簿で「地域研修を実施した」とされている修了者のうち \(missing) 名は、研修の記録がありません（kenshu followup import で記録を追加してください）。/ \(missing) graduates marked as having run training on the roster have no training recorded.</p>\n"
    }
    return out + "</section>\n"
  }

  func areasSection() -> String {
    var out = "<section id=\"areas\">\n<h2>2. \(areaWord)別の実施状況 <small>By \(report.by)</small></h2>\n"
    if report.suppressed > 0 {
      out +=
        "<p class=\"note\">\(report.minCell ?? 5) 未満の数と、合計から逆算できる数を「×」としました（計 \(report.suppressed) 個）。/ Counts below \(report.minCell ?? 5) and those they could be worked out from are shown as ×.</p>\n"
    }
    out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(areaWord)別の表\">\n<table>\n"
    out +=
      "<caption>修了者は名簿の\(areaWord)、研修と参加者は研修の開催地で数えます（実施率の分母：その\(areaWord)の修了者） / Graduates where registered; trainings where held</caption>\n"
    out +=
      "<thead><tr><th scope=\"col\">\(areaWord)</th><th scope=\"col\">修了者</th><th scope=\"col\">実施した修了者</th><th scope=\"col\">実施率</th><th scope=\"col\">研修回数</th><th scope=\"col\">参加者（延べ）</th></tr></thead>\n<tbody>\n"
    for area in report.areas {
      out +=
        "<tr><th scope=\"row\">\(Markup.escape(area.label))</th>\(cell(area.graduates))\(cell(area.ranTraining))<td>\(percent(area.rate))</td>\(cell(area.trainings))\(cell(area.reached))</tr>\n"
    }
    out +=
      "</tbody>\n<tfoot><tr><th scope=\"row\">計</th>\(cell(report.graduates))\(cell(report.ranTraining))<td>\(percent(report.rate))</td><td>\(report.trainings)</td><td>\(report.reached)</td></tr></tfoot>\n</table>\n</div>\n"
    return out + "</section>\n"
  }

  func reachedSection() -> String {
    let table = report.reachedTable
    var out = "<section id=\"reached\">\n<h2>3. 参加者の職種 <small>People reached by profession</small></h2>\n"
    guard !table.rowLabels.isEmpty else {
      return out + "<p>参加者の記録はありません。/ No participants recorded.</p>\n</section>\n"
    }
    out += table.html(
      corner: areaWord,
      caption:
        "\(areaWord) × 参加者の職種（延べ人数。計の分母：参加者 \(report.reached) 人） / \(report.by.capitalized) × profession",
      regionLabel: "職種別の参加者の表")
    return out + "</section>\n"
  }

  func kindsSection() -> String {
    var out = "<section id=\"kinds\">\n<h2>4. 研修の種類 <small>Kinds of training</small></h2>\n"
    guard !report.kinds.isEmpty else { return out + "<p>記録された研修はありません。</p>\n</section>\n" }
    out +=
      "<table>\n<caption>種類別の研修回数と参加者（分母：研修 \(report.trainings) 回、参加者 \(report.reached) 人） / By kind</caption>\n<thead><tr><th scope=\"col\">種類</th><th scope=\"col\">研修回数</th><th scope=\"col\">参加者（延べ）</th></tr></thead>\n<tbody>\n"
    for kind in report.kinds {
      out +=
        "<tr><th scope=\"row\">\(Markup.escape(kind.label))</th>\(cell(kind.trainings))\(cell(kind.reached))</tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  func listSection() -> String {
    var out = "<section id=\"trainings\">\n<h2>5. 研修の一覧 <small>Trainings (organiser copy)</small></h2>\n"
    guard !report.trainingList.isEmpty else { return out + "<p>記録された研修はありません。</p>\n</section>\n" }
    out +=
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"研修の一覧\">\n<table class=\"list\">\n<caption>実施日順 / By date</caption>\n<thead><tr><th scope=\"col\">実施日</th><th scope=\"col\">開催地</th><th scope=\"col\">種類</th><th scope=\"col\">実施した修了者</th><th scope=\"col\">共同講師</th><th scope=\"col\">参加者</th></tr></thead>\n<tbody>\n"
    for training in report.trainingList {
      let place = [training.prefecture, training.municipality].compactMap { $0 }.joined(separator: " ")
      let kind =
        Markup.escape(training.kind)
        + (training.title.map { "<br><small>\(Markup.escape($0))</small>" } ?? "")
      out +=
        "<tr><td class=\"date\">\(Markup.escape(training.date ?? "—"))</td><td>\(Markup.escape(place))</td><td>\(kind)</td><td>\(training.graduates.map(Markup.escape).joined(separator: "、"))</td><td>\(training.coInstructors.map(Markup.escape).joined(separator: "、"))</td><td class=\"count\">\(training.participants)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</div>\n</section>\n"
  }

  func methods() -> String {
    let number = report.shareable ? 5 : 6
    return """
      <section id="methods">
      <h2>\(number). 集計方法 <small>Methods</small></h2>
      <ul>
      <li>修了者は名簿で研修「\(Markup.escape(report.programme))」の修了（progress stage="completion"）が記録された人と、研修の記録に実施者として名前のある人。</li>
      <li>地域研修は rosters/ のフォローアップ記録（&lt;followup&gt;、kenshu followup import で取り込み）の一件ずつ。年度を指定したときは、その年度（4月〜翌3月）に実施した研修のみを数えます。</li>
      <li>修了者・実施した修了者は名簿の都道府県で、研修回数・参加者は研修の開催地（記録がなければ最初の実施者の都道府県）で数えます。地方は統計で用いる8地方区分です。</li>
      <li>参加者は研修ごとの人数の合計（延べ人数）です。職種が記録されていない参加者は「職種不明」とします。</li>
      </ul>
      </section>

      """
  }
}
