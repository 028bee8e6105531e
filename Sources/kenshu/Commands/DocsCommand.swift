import ArgumentParser
import Foundation
import KenshuDefinitions

/// Maintainer commands that generate documentation from the code; hidden from `kenshu --help`.
struct DocsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: "Generate Kenshu's own documentation (for maintainers).",
    shouldDisplay: false,
    subcommands: [DocsReferenceCommand.self]
  )
}

/// `kenshu docs reference --out docs/reference`: the element reference from the embedded schema.
struct DocsReferenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reference",
    abstract: "Write the element reference (one page per element, professions, index) from the schema.",
    discussion: "Markdown files in the folder that are no longer generated are removed."
  )

  @Option(help: "Folder to write the pages into.")
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
    Console.error("wrote \(pages.count) pages to \(out)")
  }
}
