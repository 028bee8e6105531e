import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuModel
import KenshuRosters

/// Every command that takes a ROSTER accepts an XML roster, a CSV/TSV/.xlsx/.ods file (read as
/// `roster import` reads it; `sheet` picks a spreadsheet's sheet), or the id of a roster in the
/// project's `rosters/`.
enum RosterInput {
  static func load(_ argument: String, map: String? = nil, sheet: String? = nil) throws -> Roster {
    let url = URL(fileURLWithPath: argument)
    let manager = FileManager.default
    if !manager.fileExists(atPath: url.path) {
      if !argument.contains("/"), !argument.contains(".") {
        let project = try ProjectInput.load()
        if let roster = project.roster(argument) { return roster }
        let known = project.rosters.map(\.id).joined(separator: ", ")
        throw argumentError(
          ja: "名簿のファイルまたは名簿 ID「\(argument)」がありません（名簿: \(known.isEmpty ? "なし" : known)）",
          en: "no roster file or roster id \"\(argument)\" (rosters: \(known.isEmpty ? "none" : known))")
      }
      throw argumentError(ja: "名簿のファイル \(argument) がありません", en: "no such roster file: \(argument)")
    }
    switch url.pathExtension.lowercased() {
    case "xml":
      let result = ProjectLoader(root: ProjectInput.root).load(files: [url])
      DiagnosticPrinter(format: .text).print(result.diagnostics)
      if result.diagnostics.hasErrors { throw ExitCode(1) }
      guard let roster = result.project.rosters.first else {
        Console.error(ja: "エラー: \(argument) に <roster> がありません", en: "error: \(argument) holds no <roster>")
        throw ExitCode(1)
      }
      return roster
    default:
      let result = importRoster(csvAt: url, map: map.map { URL(fileURLWithPath: $0) }, sheet: sheet)
      DiagnosticPrinter(format: .text).print(result.diagnostics)
      Console.error(
        ja: "\(argument): \(result.summaryText.ja.message)",
        en: "\(argument): \(result.summaryText.en.message)")
      if result.roster.people.isEmpty, result.diagnostics.hasErrors { throw ExitCode(1) }
      return result.roster
    }
  }

  /// Several rosters as one list of people. The same id with the same name is one person,
  /// counted once; the same id with another name is a different person (CSV rosters without an
  /// ID column all number their rows r0002…), counted and reported.
  static func people(_ arguments: [String], map: String? = nil, sheet: String? = nil) throws -> [Person] {
    var names: [String: String] = [:]
    var people: [Person] = []
    var sharedIDs = 0
    for argument in arguments {
      for person in try load(argument, map: map, sheet: sheet).people {
        guard let earlier = names[person.id] else {
          names[person.id] = person.name
          people.append(person)
          continue
        }
        if earlier == person.name {
          Console.error(
            ja: "注記: \(argument): \(person.id) は前の名簿にも載っているため、1 人として数えます",
            en: "note: \(argument): \(person.id) is already on an earlier roster; counted once")
        } else {
          sharedIDs += 1
          people.append(person)
        }
      }
    }
    if sharedIDs > 0 {
      Console.error(
        ja: "注記: \(sharedIDs) 人が別の名簿の別の人と同じ ID です。全員を数えます（区別するには名簿に ID の列を設けてください）",
        en: "note: \(sharedIDs) people share an id with a different person on another roster; all are counted"
          + " (give rosters an ID column to tell people apart)")
    }
    return people
  }
}

/// Outputs that name people go to the private folder (default `private/`), never into the
/// site: the folder is created with a `.gitignore` that keeps its contents out of git.
enum PrivateOutput {
  static let folder = "private"

  /// The path to write: `explicit` when given, else `private/<defaultName>`. Refuses paths
  /// inside a site folder (`PrivateOutputGuard`).
  static func path(_ explicit: String?, defaultName: String) throws -> URL {
    let root = ProjectInput.root.standardizedFileURL
    let url = URL(fileURLWithPath: explicit ?? "\(folder)/\(defaultName)", relativeTo: root)
      .standardizedFileURL
    try check(url)
    return url
  }

  /// Refuses `url` when it lies inside a folder Kenshu built a site into, or inside the
  /// project's site output, links resolved.
  static func check(_ url: URL) throws {
    let root = ProjectInput.root.standardizedFileURL
    let guardian = PrivateOutputGuard(siteOutputs: [root.appendingPathComponent("site")])
    if let refusal = guardian.refusal(for: url) { throw ValidationError(refusal.description) }
  }

  /// Creates the private folder (with a .gitignore that keeps everything in it out of git)
  /// when `url` lies inside it, and `url`'s parent folder.
  static func prepare(_ url: URL, isFolder: Bool = true) throws {
    let manager = FileManager.default
    let privateFolder = ProjectInput.root.appendingPathComponent(folder).standardizedFileURL
    if url.path.hasPrefix(privateFolder.path + "/"), !manager.fileExists(atPath: privateFolder.path) {
      try manager.createDirectory(at: privateFolder, withIntermediateDirectories: true)
      try Data("# Personal data: never commit or publish.\n*\n".utf8)
        .write(to: privateFolder.appendingPathComponent(".gitignore"))
    }
    try manager.createDirectory(
      at: isFolder ? url : url.deletingLastPathComponent(), withIntermediateDirectories: true)
  }

  /// Writes `text`, creating the private folder (with its .gitignore) when needed.
  static func write(_ text: String, to url: URL) throws { try write(Data(text.utf8), to: url) }

  /// Writes `data` (an .xlsx workbook, say), creating the private folder when needed.
  static func write(_ data: Data, to url: URL) throws {
    try prepare(url, isFolder: false)
    try data.write(to: url, options: .atomic)
    Console.error(
      ja: "\(display(url)) に書き出しました（個人情報です。外部に出さないでください）",
      en: "wrote \(display(url)) (personal data: keep it private)")
  }

  static func display(_ url: URL) -> String {
    let root = ProjectInput.root.standardizedFileURL.path
    return url.path.hasPrefix(root + "/") ? String(url.path.dropFirst(root.count + 1)) : url.path
  }
}
