import Foundation
import KenshuModel
import KenshuRosters
import KenshuTabular

/// Timings of the roster pipeline on a synthetic roster, for `kenshu bench` (run it on a
/// release build; debug builds are several times slower).
public enum RosterBenchmark {
  /// One measured step.
  public struct Figure: Sendable, Hashable {
    /// What was measured, in both languages.
    public var step: Bilingual
    public var rows: Int
    public var seconds: Double

    /// `step: rows rows in 12.3 ms (81,300 rows/s)`, in `language`.
    public func formatted(in language: MessageLanguage) -> String {
      let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
      let time = String(format: "%.1f", seconds * 1000)
      return language.say(
        ja: "\(step.ja.message): \(rows) 行を \(time) ms で（毎秒 \(rate) 行）",
        en: "\(step.en.message): \(rows) rows in \(time) ms (\(rate) rows/s)")
    }
  }

  /// Builds a deterministic roster CSV of `rows` people and times reading it as UTF-8 and as
  /// CP932 (including one bad byte, which forces the line-by-line fallback), importing it,
  /// writing it as XML and summarising it.
  public static func run(rows: Int = 10_000) -> [Figure] {
    let csvRows = syntheticRows(rows)
    let utf8 = CSVWriter().data(for: csvRows).data
    let cp932 = CSVWriter(encoding: .cp932).data(for: csvRows).data
    var damaged = cp932
    damaged.append(contentsOf: [0x82, 0x20, 0x0D, 0x0A])
    var figures: [Figure] = []
    func measure<T>(_ step: Bilingual, _ work: () -> T) -> T {
      let clock = ContinuousClock()
      var result: T?
      let elapsed = clock.measure { result = work() }
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      figures.append(Figure(step: step, rows: rows, seconds: seconds))
      // `result` was set by the closure above.
      return result ?? work()
    }
    _ = measure(Bilingual(ja: "UTF-8 の CSV の読み込み", en: "read UTF-8 CSV")) {
      Table.read(data: utf8, file: "bench.csv")
    }
    _ = measure(Bilingual(ja: "CP932 の CSV の読み込み", en: "read CP932 CSV")) {
      Table.read(data: cp932, file: "bench.csv")
    }
    _ = measure(Bilingual(ja: "不正なバイトを含む CP932 の CSV の読み込み", en: "read CP932 CSV with a bad byte")) {
      Table.read(data: damaged, file: "bench.csv")
    }
    let imported = measure(Bilingual(ja: "名簿の取り込み（CP932）", en: "import roster (CP932)")) {
      RosterImport().importData(cp932, file: "bench.csv")
    }
    _ = measure(Bilingual(ja: "XML の書き出し", en: "write XML")) { RosterXMLWriter().xml(for: imported.roster) }
    _ = measure(Bilingual(ja: "職種 × 都道府県の集計", en: "summary by profession × prefecture")) {
      RosterCrossTab(people: imported.roster.people, rows: .profession, columns: .prefecture).rendered(
        as: .table)
    }
    _ = measure(Bilingual(ja: "CP932 の CSV の書き出し", en: "write CP932 CSV")) {
      CSVWriter(encoding: .cp932).data(for: csvRows)
    }
    return figures
  }

  private static func syntheticRows(_ count: Int) -> [[String]] {
    let surnames = ["山田", "佐藤", "髙橋", "渡邉", "鈴木", "﨑山"]
    let given = ["太郎", "花子", "①子", "健一"]
    let professions = ["医師", "看護師", "薬剤師", "ケアマネ", "行政職員", "理学療法士", "鍼灸師"]
    var rows = [["ID", "氏名", "職種", "所属", "都道府県", "役割", "事前学習", "修了"]]
    for index in 0..<count {
      rows.append([
        "p\(index + 1)", "\(surnames[index % surnames.count]) \(given[index % given.count])",
        professions[index % professions.count], "㈱みなと \(index % 97), \"本院\"", Prefecture.all[index % 47],
        index % 10 == 0 ? "受講者・ファシリテーター" : "受講者", "2022/8/\(index % 28 + 1)", index % 3 == 0 ? "済" : "",
      ])
    }
    return rows
  }
}
