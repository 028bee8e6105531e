import Foundation
import PostgresNIO

/// Where the store lives, as given to `--database`: `sqlite:PATH` (relative to the project
/// folder) or `postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=disable|prefer|require]`.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
  case sqlite(path: String)
  case postgres(url: String)

  /// The default: a SQLite file in the project's private folder.
  public static let defaultSQLite = DatabaseLocation.sqlite(path: "private/responses.sqlite")

  /// Parses `--database`; nil for anything else (a bare path ending in `.sqlite` or `.db` is
  /// taken as SQLite, as people will type it).
  public init?(parsing text: String) {
    if text.hasPrefix("sqlite:") {
      var path = String(text.dropFirst("sqlite:".count))
      // sqlite:///abs/path and sqlite://rel are common spellings too.
      if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
      guard !path.isEmpty else { return nil }
      self = .sqlite(path: path)
    } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
      guard URLComponents(string: text)?.host?.isEmpty == false else { return nil }
      self = .postgres(url: text)
    } else if text.hasSuffix(".sqlite") || text.hasSuffix(".db") || text.hasSuffix(".sqlite3") {
      self = .sqlite(path: text)
    } else {
      return nil
    }
  }

  /// For messages: the password is never shown.
  public var description: String {
    switch self {
    case .sqlite(let path): return "sqlite:\(path)"
    case .postgres(let url):
      guard var components = URLComponents(string: url) else { return "postgres://…" }
      if components.password != nil { components.password = "***" }
      return components.string ?? "postgres://…"
    }
  }

  /// Opens the store, creating the SQLite file (and its folder) on first use and running
  /// migrations. `root` resolves relative SQLite paths.
  public func open(relativeTo root: URL) async throws -> any ResponseStore {
    switch self {
    case .sqlite(let path):
      let url = URL(fileURLWithPath: path, relativeTo: root).standardizedFileURL
      return try SQLiteResponseStore(path: url.path)
    case .postgres(let url):
      return try await PostgresResponseStore(configuration: try Self.postgresConfiguration(url))
    }
  }

  /// A client configuration from a `postgres://` URL.
  public static func postgresConfiguration(_ url: String) throws -> PostgresClient.Configuration {
    guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
      throw StoreError("not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
    }
    let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
    let tls: PostgresClient.Configuration.TLS
    switch mode {
    case "disable": tls = .disable
    case "require", "verify-full": tls = .require(.makeClientConfiguration())
    default: tls = .prefer(.makeClientConfiguration())
    }
    return PostgresClient.Configuration(
      host: host, port: components.port ?? 5432,
      username: components.user?.removingPercentEncoding ?? "postgres",
      password: components.password?.removingPercentEncoding,
      database: database.isEmpty ? nil : database, tls: tls)
  }
}
