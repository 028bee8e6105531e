import Foundation
import KenshuEvaluation
import KenshuModel
import KenshuTabular

/// The benchmark survey of issue 6: a profession item, 30 Likert items (three 10-item measures),
/// 5 single-choice items and 5 free-text items.
public func benchmarkSurvey() -> Survey {
  var items = [SurveyItem(id: "prof", type: .profession, text: "職種")]
  for index in 1...30 {
    items.append(
      SurveyItem(
        id: "l\(index)", type: .likert, text: "評価項目 \(index)", scale: "agree5", reverse: index % 10 == 0,
        measure: "m\((index - 1) / 10 + 1)", level: index <= 10 ? .reaction : .attitudes))
  }
  for index in 1...5 {
    items.append(
      SurveyItem(
        id: "c\(index)", type: .single, text: "選択項目 \(index)",
        options: ["はい", "いいえ", "わからない", "該当しない"].map { SurveyOption(label: $0) }, level: .behaviour))
  }
  for index in 1...5 { items.append(SurveyItem(id: "t\(index)", type: .text, text: "自由記述 \(index)")) }
  return Survey(
    id: "bench", title: "ベンチマーク", measures: (1...3).map { Measure(id: "m\($0)", title: "尺度 \($0)") },
    items: items, invited: nil)
}

/// Deterministic CSV text in Kenshu's format for `benchmarkSurvey()` (about 5% empty cells).
public func benchmarkResponsesCSV(rows: Int) -> String {
  var state: UInt64 = 0x5EED
  func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  let professions = ["医師", "看護師", "薬剤師", "介護支援専門員", "理学療法士", "管理栄養士", "行政職員", "介護福祉士"]
  let choices = ["はい", "いいえ", "わからない", "該当しない"]
  // Free text built from fragments (about 1,700 distinct answers) plus a share of empty ones.
  let openings = [
    "多職種の役割が", "グループワークが", "退院支援の連携が", "事例検討が", "講師の説明が", "ケアマネジャーとの話し合いが",
    "急変時の対応が", "看取りの事例が", "地域の資源が", "訪問看護の実際が", "薬剤師の視点が", "ACPの進め方が",
  ]
  let middles = ["よく", "とても", "少し", "思ったより", "具体的に", "あまり", "十分に", "改めて", "実践的に", "なんとなく", "初めて", "はっきり"]
  let endings = [
    "分かった。", "参考になった。", "難しかった。", "印象に残った。", "役に立つと思う。", "物足りなかった。", "現場で使えそう。", "時間が短いと感じた。",
    "もっと知りたい。", "考えるきっかけになった。", "今後に活かしたい。", "整理できた。",
  ]
  let survey = benchmarkSurvey()
  var text = "participant," + survey.items.map(\.id).joined(separator: ",") + "\n"
  text.reserveCapacity(rows * 160)
  for row in 0..<rows {
    text += "P\(row),"
    text += professions[Int(next() % UInt64(professions.count))]
    for _ in 0..<30 {
      let roll = next() % 100
      text += roll < 5 ? "," : ",\(1 + (roll * 7 + next() % 3) % 5)"
    }
    for _ in 0..<5 { text += "," + choices[Int(next() % 4)] }
    for _ in 0..<5 {
      let pick = next()
      text +=
        pick % 5 == 0
        ? ","
        : ",\(openings[Int(pick / 5 % 12)])\(middles[Int(pick / 60 % 12)])\(endings[Int(pick / 720 % 12)])"
    }
    text += "\n"
  }
  return text
}

/// Times the whole `kenshu evaluate` pipeline in memory on `rows` synthetic responses × 40 items
/// with a by-profession breakdown: CSV parse, import, statistics, summary.json and index.html.
/// Returns one line per stage and the total, in milliseconds, worded in `language`. Run it on
/// a release build.
public func runEvaluationBenchmark(rows: Int, in language: MessageLanguage) -> String {
  let survey = benchmarkSurvey()
  let data = Data(benchmarkResponsesCSV(rows: rows).utf8)
  let clock = ContinuousClock()
  var lines: [String] = []
  var total = Duration.zero
  var totalCPU = 0.0
  // CPU time (all threads) beside wall time: on a shared machine it is the steadier figure.
  func stage<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
    let start = clock.now
    let cpuStart = processCPUSeconds() ?? 0
    let result = try work()
    let elapsed = clock.now - start
    let cpu = (processCPUSeconds() ?? 0) - cpuStart
    total += elapsed
    totalCPU += cpu
    let cpuFigure = String(format: "%.1f", cpu * 1000)
    lines.append(
      language.say(
        ja: "  \(name): \(milliseconds(elapsed)) ms（CPU \(cpuFigure) ms）",
        en: "  \(name): \(milliseconds(elapsed)) ms (CPU \(cpuFigure) ms)"))
    return result
  }
  // As `kenshu evaluate` reads a CSV: its bytes and field positions (`Table.readCells`).
  let read = stage(language.say(ja: "CSV の読み込み", en: "csv parse")) {
    Table.readCells(data: data, file: "bench.csv")
  }
  var set = ResponseSet(survey: survey)
  let table =
    read.cells.map { ResponseTable($0) }
    ?? ResponseTable(read.table ?? Table(file: "bench.csv", header: [], records: []))
  let diagnostics = stage(language.say(ja: "取り込み", en: "import")) { set.add(table) }
  let report = stage(language.say(ja: "統計", en: "statistics")) {
    EvaluationReport(responses: set, by: "profession")
  }
  let beforeRendering = total
  let json = stage(language.say(ja: "summary.json の作成", en: "summary.json")) {
    (try? report.summaryJSON())?.count ?? 0
  }
  let html = stage(language.say(ja: "index.html の作成", en: "index.html")) { report.html().utf8.count }
  let rendered = total - beforeRendering
  // Everything `kenshu evaluate` writes (JSON, HTML, CSS and the CSV tables with every free-text
  // answer), to a temporary folder: the "full report" of issue 6 includes the files.
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kenshu-evaluation-bench-\(UUID())")
  let computed = total
  let writeStart = clock.now
  try? report.write(to: folder)
  let written = clock.now - writeStart
  try? FileManager.default.removeItem(at: folder)
  let items = survey.items.count - 1
  lines.insert(
    language.say(
      ja: "評価: 回答 \(rows) 件 × \(items) 項目 + 職種、診断 \(diagnostics.count) 件、"
        + "summary.json \(json / 1024) KiB、index.html \(html / 1024) KiB",
      en: "evaluate: \(rows) responses × \(items) items + profession, \(diagnostics.count) diagnostics, "
        + "summary.json \(json / 1024) KiB, index.html \(html / 1024) KiB"), at: 0)
  let totalCPUFigure = String(format: "%.1f", totalCPU * 1000)
  lines.append(
    language.say(
      ja: "  合計: \(milliseconds(total)) ms（CPU \(totalCPUFigure) ms）",
      en: "  total: \(milliseconds(total)) ms (CPU \(totalCPUFigure) ms)"))
  lines.append(
    language.say(
      ja: "  全ファイルの書き出し（summary.json、index.html、report.css、自由記述を含む CSV の表）: "
        + "\(milliseconds(written)) ms",
      en: "  writing every file (summary.json, index.html, report.css, CSV tables incl. free text): "
        + "\(milliseconds(written)) ms"))
  let full = milliseconds(computed - rendered + written)
  lines.append(
    language.say(
      ja: "報告書全体（CSV の読み込み + 取り込み + 統計 + 全ファイルの書き出し）: \(full) ms",
      en: "full report (csv parse + import + statistics + writing every file): \(full) ms"))
  return lines.joined(separator: "\n")
}

private func milliseconds(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}
