import ArgumentParser
import Foundation
import KenshuCollection

extension DatabaseLocation: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
}

/// Opening the response database for `serve --collect`, `responses` and `roster tokens`: the
/// same `--database` values everywhere, and the same default file.
enum CollectionInput {
  static var databaseHelp: ArgumentHelp {
    .say(
      ja: "sqlite:PATH か postgres://USER:PASSWORD@HOST:PORT/DB（省略時: sqlite:private/responses.sqlite）。",
      en: "sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB (default: sqlite:private/responses.sqlite).")
  }

  /// Opens the store; a SQLite file in `private/` gets the folder's `.gitignore` first.
  static func open(_ location: DatabaseLocation?) async throws -> any ResponseStore {
    let location = location ?? .defaultSQLite
    if case .sqlite(let path) = location {
      let url = URL(fileURLWithPath: path, relativeTo: ProjectInput.root).standardizedFileURL
      try PrivateOutput.check(url)
      try PrivateOutput.prepare(url, isFolder: false)
    }
    do {
      return try await location.open(relativeTo: ProjectInput.root)
    } catch {
      Console.error(
        ja: "エラー: 回答データベース \(location) を開けません: \(error)",
        en: "error: cannot open the response database \(location): \(error)")
      throw ExitCode(1)
    }
  }
}
