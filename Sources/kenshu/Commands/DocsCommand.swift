import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuModel

/// Maintainer commands that generate documentation from the code; hidden from `kenshu --help`.
struct DocsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: Language.say(
      ja: "Kenshu 自身の説明文書を作ります（開発者向け）。", en: "Generate Kenshu's own documentation (for maintainers)."),
    shouldDisplay: false,
    subcommands: [DocsReferenceCommand.self, DocsDiagnosticsCommand.self]
  )
}

/// `kenshu docs reference --out docs/reference`: the element reference from the embedded schema.
struct DocsReferenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reference",
    abstract: Language.say(
      ja: "スキーマから要素のリファレンス（要素ごとのページ、職種、索引）を書き出します。",
      en: "Write the element reference (one page per element, professions, index) from the schema."),
    discussion: Language.say(
      ja: "フォルダー内の Markdown ファイルのうち、もう作られないものは削除します。",
      en: "Markdown files in the folder that are no longer generated are removed.")
  )

  @Option(help: .say(ja: "ページを書き出すフォルダー。", en: "Folder to write the pages into."))
  var out: String = "docs/reference"

  func run() throws {
    let folder = URL(fileURLWithPath: out)
    let pages = ReferenceDocs.pages()
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let generated = Set(pages.map(\.path))
    for stale in try manager.contentsOfDirectory(atPath: folder.path)
    where stale.hasSuffix(".md") && !generated.contains(stale) {
      try manager.removeItem(at: folder.appendingPathComponent(stale))
    }
    for page in pages {
      try Data(page.contents.utf8).write(to: folder.appendingPathComponent(page.path), options: .atomic)
    }
    Console.error(ja: "\(out) に \(pages.count) ページを書き出しました", en: "wrote \(pages.count) pages to \(out)")
  }
}

/// `kenshu docs diagnostics --file docs/diagnostics.md`: the message catalogue in both languages,
/// written between its markers in the page.
struct DocsDiagnosticsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diagnostics",
    abstract:
      Language.say(
        ja: "メッセージの一覧（すべての診断メッセージの日本語と英語）を docs/diagnostics.md に書き出します。",
        en: "Write the message catalogue (every diagnostic in Japanese and English) into docs/diagnostics.md."
      )
  )

  @Option(help: .say(ja: "一覧を差し込む目印のあるページ。", en: "The page holding the catalogue's markers."))
  var file: String = "docs/diagnostics.md"

  func run() throws {
    let url = URL(fileURLWithPath: file)
    let page = try String(contentsOf: url, encoding: .utf8)
    guard let start = page.range(of: Catalogue.tableStartMarker + "\n"),
      let end = page.range(of: Catalogue.tableEndMarker, range: start.upperBound..<page.endIndex)
    else {
      throw argumentError(
        ja: "\(file) にカタログの印（\(Catalogue.tableStartMarker)）がありません",
        en: "\(file) has no catalogue markers (\(Catalogue.tableStartMarker))")
    }
    let updated = page[..<start.upperBound] + Catalogue.markdownTable() + page[end.lowerBound...]
    try Data(updated.utf8).write(to: url, options: .atomic)
    Console.error(
      ja: "\(file) にメッセージ \(Catalogue.entries.count) 件を書き出しました",
      en: "wrote \(Catalogue.entries.count) messages to \(file)")
  }
}
