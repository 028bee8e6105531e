import Foundation
import KenshuModel

/// A small, realistic project built in Swift (the XML loader is tested elsewhere), with
/// Markdown under `Fixtures/project/content/`.
enum SampleProject {
  static var root: URL {
    Bundle.module.url(forResource: "project", withExtension: nil, subdirectory: "Fixtures")!
  }

  static func make(title: String = "在宅医療・介護連携 多職種研修") -> Project {
    let groupWork = GroupWorkSpec(
      size: 6, minProfessions: 4,
      cases: [
        GroupCase(
          id: "a", title: "事例A：{誤嚥性肺炎|ごえんせいはいえん}からの退院", body: MarkdownBlock(.file("day1/case-a.md")),
          answerKey: MarkdownBlock(.file("day1/case-a-key.md")))
      ],
      questions: [DiscussionQuestion(text: "退院前に誰が何を確認しますか？")],
      roles: [GroupRole(name: "司会", description: "全員が発言できるよう進める"), GroupRole(name: "書記")],
      phases: [
        GroupPhase(title: "個人ワーク", minutes: 10, prompts: ["SECRET-PROMPT: 付箋に書き出すよう促す"]),
        GroupPhase(title: "グループ討議", minutes: 40),
        GroupPhase(title: "全体共有", minutes: 10),
      ])
    let sessions = [
      Session(id: "opening", kind: .opening, title: "開会・オリエンテーション", durationMinutes: 15),
      Session(
        id: "lecture1", kind: .lecture, title: "退院支援の基本", durationMinutes: 45,
        objectives: [Objective(text: "退院支援の流れを説明できる")],
        content: MarkdownBlock(.file("day1/discharge.md"))),
      Session(id: "break1", kind: .break, title: "休憩", durationMinutes: 10),
      Session(
        id: "gw1", kind: .groupwork, title: "グループワーク：退院前カンファレンス", durationMinutes: 60,
        facilitatorNotes: [MarkdownBlock(.file("day1/notes.md"))], groupWork: groupWork),
      Session(id: "survey", kind: .survey, title: "アンケート", durationMinutes: 10, survey: "day1-eval"),
    ]
    let course = Course(
      id: "day1", title: "1日目 退院支援", date: "2026-07-04", start: ClockTime(hour: 13, minute: 30),
      venue: "市民会館 第1会議室", sessions: sessions)
    let programme = Programme(
      id: "renkei2026", title: title, subtitle: "令和8年度 多職種連携研修",
      edition: Edition(version: "1.0", date: "2026-06-01"),
      purpose: MarkdownBlock(.inline("地域の医療・介護の専門職が**顔の見える関係**をつくる。")),
      audience: [.doctor, .nurse, .careManager], organiser: "○○市 在宅医療・介護連携支援センター",
      venue: "市民会館", courses: [course])
    let survey = Survey(
      id: "day1-eval", title: "1日目アンケート",
      items: [SurveyItem(id: "q1", type: .likert, text: "研修に満足しましたか", scale: "satisfaction5")])
    return Project(
      settings: SiteSettings(title: "研修サイト", footer: "お問い合わせ：事務局", accentColour: "#1f6f8b"),
      programmes: [programme], surveys: [survey],
      glossary: [
        GlossaryTerm(
          id: "acp", term: "人生会議", reading: "じんせいかいぎ", english: "Advance care planning",
          definition: "もしものときの医療・ケアを話し合う取り組み。")
      ])
  }

  /// A fresh empty folder for one test's output.
  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-site-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func read(_ site: URL, _ path: String) -> String {
    (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
  }

  /// Every file of the site's search index (manifest, chunks, page fragments) as one text,
  /// for checking what is and is not searchable.
  static func searchIndex(_ site: URL) -> String {
    let folder = site.appendingPathComponent("search")
    let files =
      FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "js" } ?? []
    return files.map(\.path).sorted().compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
      .joined(separator: "\n")
  }

  /// Every file of a folder by its relative path, with its bytes.
  static func files(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = folder.standardizedFileURL.path + "/"
    let urls = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap {
      $0 as? URL
    }
    for url in urls ?? [] {
      guard let data = try? Data(contentsOf: url) else { continue }
      result[String(url.standardizedFileURL.path.dropFirst(base.count))] = data
    }
    return result
  }

  /// The same over a site's files in memory (path → bytes).
  static func searchIndex(files: [String: Data]) -> String {
    files.filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".js") }.sorted { $0.key < $1.key }
      .map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n")
  }
}
