import Foundation
import KenshuModel
import KenshuSite

/// Figures from `runSiteBenchmark`.
public struct SiteBenchmarkResult: Sendable {
  public var sessions: Int
  public var markdownBytes: Int
  public var kenshuPages: Int
  public var kenshuColdSeconds: Double
  /// Rebuild after editing one content file, same builder (warm Markdown cache), swap mode.
  public var kenshuRebuildSeconds: Double
  /// The same rebuild in in-place mode (what the preview server uses).
  public var kenshuInPlaceRebuildSeconds: Double
  public var kenshuRebuildWritten: Int
  /// Peak resident memory during the cold build, in MB (VmHWM after resetting it; Linux).
  public var kenshuPeakMB: Double?
  public var hugoPages: Int?
  public var hugoColdSeconds: Double?
  public var hugoPeakMB: Double?
  public var hugoVersion: String?
  /// CPU seconds (user + system): steadier than wall time on a shared machine.
  public var kenshuColdCPUSeconds: Double?
  public var kenshuInPlaceRebuildCPUSeconds: Double?
  public var hugoCPUSeconds: Double?
  public var searchIndexBytes = 0
  public var searchScriptBytes = 0
  public var kenshuColdStages: [(stage: String, seconds: Double)] = []
  public var kenshuRebuildStages: [(stage: String, seconds: Double)] = []
  /// The preview server's rebuild after editing one content file: noticing the change, reloading
  /// the project from its XML and rebuilding in place (`servePath`).
  public var serveRebuild: ServeRebuildFigures?

  /// A small table for the terminal, in `language`.
  public func formatted(in language: MessageLanguage) -> String {
    func s(_ v: Double?) -> String { v.map { String(format: "%.3f s", $0) } ?? "—" }
    func mb(_ v: Double?) -> String { v.map { String(format: "%.0f MB", $0) } ?? "—" }
    func say(_ ja: String, _ en: String) -> String { language.say(ja: ja, en: en) }
    // Label, Kenshu's figure, Hugo's figure: columns at 22 and 40 in both languages.
    func row(_ label: String, _ kenshu: String, _ hugo: String? = nil) -> String {
      let line = label.padded(toColumns: 22) + kenshu
      return hugo.map { line.padded(toColumns: 40) + $0 } ?? line
    }
    var lines = [
      say(
        "サイトのベンチマーク: セッション \(sessions) 件、Markdown \(markdownBytes / 1024) KiB",
        "site benchmark: \(sessions) sessions, \(markdownBytes / 1024) KiB of Markdown"),
      row("", "kenshu".padded(toColumns: 18) + "hugo"),
      row(say("ページ数", "pages"), "\(kenshuPages)", hugoPages.map(String.init) ?? "—"),
      row(say("初回ビルド", "cold build"), s(kenshuColdSeconds), s(hugoColdSeconds)),
      row(say("初回ビルドの CPU", "cold build CPU"), s(kenshuColdCPUSeconds), s(hugoCPUSeconds)),
      row(say("最大メモリ", "peak memory"), mb(kenshuPeakMB), mb(hugoPeakMB)),
      row(
        say("1 ファイルの再ビルド", "one-file rebuild"),
        s(kenshuRebuildSeconds)
          + say(
            "（入れ替え、\(kenshuRebuildWritten) ファイル書き込み）", " (swap, \(kenshuRebuildWritten) files written)")),
      row(
        say("1 ファイルの再ビルド", "one-file rebuild"),
        s(kenshuInPlaceRebuildSeconds)
          + say(
            "（その場で。CPU \(s(kenshuInPlaceRebuildCPUSeconds))）",
            " (in place; CPU \(s(kenshuInPlaceRebuildCPUSeconds)))")),
    ]
    if let hugoColdSeconds {
      lines.append(
        row(
          say("初回 kenshu / hugo", "kenshu / hugo cold"),
          String(format: "%.2f×", kenshuColdSeconds / hugoColdSeconds)))
    }
    func stages(_ list: [(stage: String, seconds: Double)]) -> String {
      list.map { "\($0.stage) " + String(format: "%.3f", $0.seconds) }.joined(separator: ", ")
    }
    if let serveRebuild {
      lines.append(
        row(
          say("serve の再ビルド", "serve rebuild"),
          s(serveRebuild.seconds)
            + say(
              "（検出 + 読み込み + ビルド。CPU \(s(serveRebuild.cpuSeconds))、\(serveRebuild.written) ファイル書き込み）",
              " (detect + reload + build; CPU \(s(serveRebuild.cpuSeconds)), \(serveRebuild.written) files written)"
            )))
    }
    lines.append(
      say(
        "検索の索引: \(searchIndexBytes / 1024) KiB、search.js \(searchScriptBytes) バイト",
        "search index: \(searchIndexBytes / 1024) KiB, search.js \(searchScriptBytes) bytes"))
    lines.append(say("kenshu 初回ビルドの段階: ", "kenshu cold stages: ") + stages(kenshuColdStages))
    lines.append(
      say("kenshu 再ビルドの段階（入れ替え）: ", "kenshu rebuild stages (swap): ") + stages(kenshuRebuildStages))
    if let serveRebuild {
      lines.append(say("serve の再ビルドの段階: ", "serve rebuild stages: ") + stages(serveRebuild.stages))
    }
    if let hugoVersion { lines.append(say("hugo の版: ", "hugo: ") + hugoVersion) }
    return lines.joined(separator: "\n")
  }
}

/// Figures of one rebuild the way `kenshu serve` does it.
public struct ServeRebuildFigures: Sendable {
  public var seconds: Double
  public var cpuSeconds: Double?
  public var written: Int
  /// Where the time went: the watcher's look at the sources (`detect`), then each build stage
  /// summed over both editions.
  public var stages: [(stage: String, seconds: Double)]

  public init(
    seconds: Double, cpuSeconds: Double?, written: Int, stages: [(stage: String, seconds: Double)] = []
  ) {
    self.seconds = seconds
    self.cpuSeconds = cpuSeconds
    self.written = written
    self.stages = stages
  }
}

/// CPU seconds (user + system) this process has used so far.
public func processCPUSeconds() -> Double? { ProcessMemory.cpuSeconds(children: false) }

/// Builds a synthetic project of `courses × sessionsPerCourse` session pages with 1–3 KB of
/// Japanese Markdown each, times a cold build, a one-file rebuild and peak memory, and builds the
/// same Markdown as a Hugo site (when `hugo` is on the PATH) in the same run.
///
/// Use a release build: `swift run -c release kenshu bench site` (the lead's command).
public func runSiteBenchmark(
  workFolder: URL, courses: Int = 100, sessionsPerCourse: Int = 100, rebuildRepeats: Int = 1,
  hugoExecutable: String? = "hugo", measureServe: Bool = true
) throws -> SiteBenchmarkResult {
  let fm = FileManager.default
  // The folder is deleted and made again: only one the benchmarks made (or an empty one).
  guard BenchWorkFolder.mayReplace(workFolder) else { throw BenchWorkFolderNotOurs(folder: workFolder.path) }
  try? fm.removeItem(at: workFolder)
  let projectRoot = workFolder.appendingPathComponent("project")
  let hugoRoot = workFolder.appendingPathComponent("hugo")
  let (project, bytes) = try SyntheticSite.write(
    projectRoot: projectRoot, hugoRoot: hugoRoot, courses: courses, sessionsPerCourse: sessionsPerCourse)
  try Data().write(to: workFolder.appendingPathComponent(BenchWorkFolder.marker))

  // Hugo first: both then meet a file system that has just absorbed the generated files.
  var hugoFigures: (version: String?, seconds: Double?, peakMB: Double?, pages: Int?, cpu: Double?) = (
    nil, nil, nil, nil, nil
  )
  if let hugoExecutable, let hugo = SyntheticSite.which(hugoExecutable) {
    let hugoOut = workFolder.appendingPathComponent("hugo-public")
    hugoFigures.version = SyntheticSite.run(hugo, ["version"]).output.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let cpuBefore = ProcessMemory.cpuSeconds(children: true)
    let run = SyntheticSite.run(hugo, ["--quiet", "--source", hugoRoot.path, "--destination", hugoOut.path])
    hugoFigures.seconds = run.seconds
    hugoFigures.cpu = ProcessMemory.cpuSeconds(children: true).flatMap { after in cpuBefore.map { after - $0 }
    }
    hugoFigures.peakMB = run.peakMB
    hugoFigures.pages =
      (try? fm.subpathsOfDirectory(atPath: hugoOut.path).filter { $0.hasSuffix(".html") }.count)
  }
  let output = workFolder.appendingPathComponent("kenshu-site")
  ProcessMemory.resetPeak()
  let cpuBefore = ProcessMemory.cpuSeconds(children: false)
  // The facilitator edition: every page (learner and facilitator views), as earlier rounds
  // measured, so the figures stay comparable; the learner edition writes half the pages.
  let builder = SiteBuilder(
    projectRoot: projectRoot, options: BuildOptions(output: output, edition: .facilitator))
  let cold = try builder.build(project)
  let peak = ProcessMemory.peakMB()
  let coldCPU = ProcessMemory.cpuSeconds(children: false).flatMap { after in cpuBefore.map { after - $0 } }

  // The second file of the second course (the first of the only course, for tiny projects).
  let edited = projectRoot.appendingPathComponent(
    "content/c\(min(1, courses - 1))/s\(min(1, sessionsPerCourse - 1)).md")
  try (String(contentsOf: edited, encoding: .utf8) + "\n追記：変更しました。\n").write(
    to: edited, atomically: true, encoding: .utf8)
  let rebuild = try builder.build(project)

  let inPlaceOutput = workFolder.appendingPathComponent("kenshu-site-inplace")
  let inPlace = SiteBuilder(
    projectRoot: projectRoot,
    options: BuildOptions(output: inPlaceOutput, writeMode: .inPlace, edition: .facilitator))
  _ = try inPlace.build(project)
  try (String(contentsOf: edited, encoding: .utf8) + "\n再度追記。\n").write(
    to: edited, atomically: true, encoding: .utf8)
  // Extra edits and rebuilds first when asked (for profiling); the last one is measured.
  for round in 1..<max(1, rebuildRepeats) {
    try (String(contentsOf: edited, encoding: .utf8) + "\n\(round)\n").write(
      to: edited, atomically: true, encoding: .utf8)
    _ = try inPlace.build(project)
  }
  if rebuildRepeats > 1 {
    try (String(contentsOf: edited, encoding: .utf8) + "\nlast\n").write(
      to: edited, atomically: true, encoding: .utf8)
  }
  let rebuildCPUBefore = ProcessMemory.cpuSeconds(children: false)
  let inPlaceRebuild = try inPlace.build(project)
  let rebuildCPU = ProcessMemory.cpuSeconds(children: false).flatMap { after in
    rebuildCPUBefore.map { after - $0 }
  }

  // The serve path on the same project, from its XML definitions (`ServeRebuildBenchmark`).
  let serveRebuild =
    measureServe
    ? try ServeRebuildBenchmark.measure(
      projectRoot: projectRoot, output: workFolder.appendingPathComponent("kenshu-site-serve"),
      edited: projectRoot.appendingPathComponent("content/c\(min(2, courses - 1))/s0.md")) : nil

  var result = SiteBenchmarkResult(
    sessions: courses * sessionsPerCourse, markdownBytes: bytes, kenshuPages: cold.pages,
    kenshuColdSeconds: cold.seconds, kenshuRebuildSeconds: rebuild.seconds,
    kenshuInPlaceRebuildSeconds: inPlaceRebuild.seconds, kenshuRebuildWritten: rebuild.written,
    kenshuPeakMB: peak)
  result.kenshuColdStages = cold.stageSeconds
  result.searchIndexBytes = cold.searchIndexBytes
  result.searchScriptBytes = cold.searchScriptBytes
  result.kenshuRebuildStages = rebuild.stageSeconds
  result.kenshuColdCPUSeconds = coldCPU
  result.kenshuInPlaceRebuildCPUSeconds = rebuildCPU
  result.hugoCPUSeconds = hugoFigures.cpu
  result.hugoVersion = hugoFigures.version
  result.hugoColdSeconds = hugoFigures.seconds
  result.hugoPeakMB = hugoFigures.peakMB
  result.hugoPages = hugoFigures.pages
  result.serveRebuild = serveRebuild
  return result
}

/// The synthetic project and its Hugo twin.
enum SyntheticSite {
  static let phrases = [
    "退院支援では、病院と地域の多職種が退院後の生活を一緒に計画します。",
    "訪問看護ステーションと在宅療養支援診療所が24時間の連絡体制を確認します。",
    "介護支援専門員はケアプランを作成し、サービス担当者会議を開きます。",
    "急変時の対応について、本人と家族の意向を人生会議で話し合います。",
    "看取りの場所は、本人が望む自宅や介護施設を選べるようにします。",
    "薬剤師は服薬状況を確認し、残薬の調整を提案します。",
    "管理栄養士と歯科衛生士が食事と口腔ケアを支えます。",
    "Home-care teams share information using a common format (ICT tools).",
  ]

  static func markdown(seed: Int) -> String {
    var state = UInt64(truncatingIfNeeded: seed &* 2_654_435_761 &+ 12345)
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let target = 1024 + next() % 2048
    var text = "## 学習のポイント\n\n"
    while text.utf8.count < target {
      switch next() % 6 {
      case 0:
        text += "- " + phrases[next() % phrases.count] + "\n- " + phrases[next() % phrases.count] + "\n\n"
      case 1: text += "| 職種 | 役割 |\n|---|---|\n| 看護師 | 医療処置 |\n| {介護支援専門員|かいごしえんせんもんいん} | 調整 |\n\n"
      case 2: text += "### 事例\n\n"
      default: text += phrases[next() % phrases.count] + phrases[next() % phrases.count] + "\n\n"
      }
    }
    return text
  }

  static func write(projectRoot: URL, hugoRoot: URL, courses: Int, sessionsPerCourse: Int) throws -> (
    Project, Int
  ) {
    let fm = FileManager.default
    var bytes = 0
    var courseList: [Course] = []
    try fm.createDirectory(
      at: hugoRoot.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
    try Data(
      "baseURL = 'https://example.org/'\nlanguageCode = 'ja'\ntitle = 'bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n"
        .utf8
    ).write(to: hugoRoot.appendingPathComponent("hugo.toml"))
    let layout =
      "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
    try Data(layout.utf8).write(to: hugoRoot.appendingPathComponent("layouts/_default/single.html"))
    try Data(layout.utf8).write(to: hugoRoot.appendingPathComponent("layouts/_default/list.html"))
    // The same sessions as XML definitions, for the serve-path measurement (session ids are
    // unique across a project there, and a course's sessions must end before midnight).
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <programme xmlns="urn:kenshu:1" xml:lang="ja" id="bench">
      <title>ベンチマーク研修</title>
      <objective id="o1">多職種の役割を説明できる</objective>

      """
    for c in 0..<courses {
      xml += "<course id=\"c\(c)\" date=\"2026-07-04\" start=\"09:00\"><title>コース \(c)</title>\n"
      for s in 0..<sessionsPerCourse {
        xml +=
          "<session id=\"c\(c)-s\(s)\" kind=\"lecture\" duration=\"PT5M\" practises=\"o1\"><title>セッション \(c)-\(s)</title>"
          + "<content src=\"c\(c)/s\(s).md\"/></session>\n"
      }
      xml += "</course>\n"
    }
    xml += "</programme>\n"
    try fm.createDirectory(
      at: projectRoot.appendingPathComponent("curricula"), withIntermediateDirectories: true)
    try Data(xml.utf8).write(to: projectRoot.appendingPathComponent("curricula/bench.xml"))
    try Data(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<site xmlns=\"urn:kenshu:1\" xml:lang=\"ja\" title=\"ベンチマーク\"/>\n"
        .utf8
    ).write(to: projectRoot.appendingPathComponent("kenshu.xml"))
    for c in 0..<courses {
      let folder = projectRoot.appendingPathComponent("content/c\(c)")
      let hugoFolder = hugoRoot.appendingPathComponent("content/c\(c)")
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
      try fm.createDirectory(at: hugoFolder, withIntermediateDirectories: true)
      var sessions: [Session] = []
      for s in 0..<sessionsPerCourse {
        let text = markdown(seed: c * 1000 + s)
        bytes += text.utf8.count
        try Data(text.utf8).write(to: folder.appendingPathComponent("s\(s).md"))
        try Data("---\ntitle: \"セッション \(c)-\(s)\"\n---\n\n\(text)".utf8).write(
          to: hugoFolder.appendingPathComponent("s\(s).md"))
        sessions.append(
          Session(
            id: "s\(s)", kind: .lecture, title: "セッション \(c)-\(s)", durationMinutes: 30,
            objectives: [Objective(text: "多職種の役割を説明できる")], content: MarkdownBlock(.file("c\(c)/s\(s).md"))))
      }
      courseList.append(
        Course(
          id: "c\(c)", title: "コース \(c)", date: "2026-07-04", start: ClockTime(hour: 9, minute: 0),
          sessions: sessions))
    }
    let programme = Programme(id: "bench", title: "ベンチマーク研修", courses: courseList)
    return (Project(settings: SiteSettings(title: "ベンチマーク"), programmes: [programme]), bytes)
  }

  static func which(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs a program; its peak memory comes from the children's maximum resident set size.
  static func run(_ executable: String, _ arguments: [String]) -> (
    seconds: Double, peakMB: Double?, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let started = Date()
    do { try process.run() } catch { return (0, nil, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(started)
    return (seconds, ProcessMemory.childrenPeakMB(), String(decoding: data, as: UTF8.self))
  }
}

/// Resident memory figures from Linux's /proc and getrusage.
enum ProcessMemory {
  /// Resets the peak resident set size (`VmHWM`) of this process, so the next reading covers only
  /// what follows (Linux ≥ 4.0; silently does nothing elsewhere).
  static func resetPeak() {
    try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
  }

  static func peakMB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    let digits = line.filter(\.isNumber)
    return Double(String(digits)).map { $0 / 1024 }
  }

  static func cpuSeconds(children: Bool) -> Double? {
    #if os(Linux)
      var usage = rusage()
      let who = children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue
      guard getrusage(__rusage_who_t(who), &usage) == 0 else { return nil }
      func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
      return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    #else
      return nil
    #endif
  }

  static func childrenPeakMB() -> Double? {
    #if os(Linux)
      var usage = rusage()
      guard getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage) == 0 else { return nil }
      return Double(usage.ru_maxrss) / 1024
    #else
      return nil
    #endif
  }
}
