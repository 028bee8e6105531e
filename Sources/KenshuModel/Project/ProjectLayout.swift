import Foundation

/// Every path of a Kenshu project, in one place: the definition files, the Markdown and media,
/// the theme, where the editions of the site are written and what the preview server watches.
///
/// Commands, the loader, the site builder and the server ask this value instead of spelling
/// folder names; a new folder is added here and everywhere follows.
public struct ProjectLayout: Sendable, Hashable {
  /// The project folder.
  public let root: URL

  /// Paths are made from `root` as given (not standardised), so they read as the caller wrote it.
  public init(root: URL) { self.root = root }

  /// Names inside the project folder.
  public enum Name {
    public static let settings = "kenshu.xml"
    public static let curricula = "curricula"
    public static let content = "content"
    public static let rosters = "rosters"
    public static let theme = "theme"
    public static let privateFolder = "private"
    /// The public certificate register (salted hashes only), committed with the project.
    public static let verification = "verification"
    /// The learner edition's default output.
    public static let site = "site"
    /// The facilitator edition's default output, inside `private/`.
    public static let facilitatorSite = "private/facilitator-site"
  }

  /// `kenshu.xml`: site settings and the glossary.
  public var settingsFile: URL { root.appendingPathComponent(Name.settings) }
  /// `curricula/`: programmes, modules and surveys.
  public var curricula: URL { root.appendingPathComponent(Name.curricula) }
  /// `content/`: Markdown, images and documents the pages show.
  public var content: URL { root.appendingPathComponent(Name.content) }
  /// `rosters/`: people (personal data).
  public var rosters: URL { root.appendingPathComponent(Name.rosters) }
  /// `theme/`: the project's templates and assets over Kenshu's own.
  public var theme: URL { root.appendingPathComponent(Name.theme) }
  /// `private/`: everything that names people, never published.
  public var privateFolder: URL { root.appendingPathComponent(Name.privateFolder) }
  /// `site/`: the learner edition, by default.
  public var site: URL { root.appendingPathComponent(Name.site) }
  /// `private/facilitator-site/`: the facilitator edition, by default.
  public var facilitatorSite: URL { root.appendingPathComponent(Name.facilitatorSite) }

  /// `verification/`: the public register of each programme's certificates
  /// (`verification/PROGRAMME.json`: salted hashes, never a name), which the verify page publishes.
  public var verification: URL { root.appendingPathComponent(Name.verification) }

  /// The sources a rebuild depends on, which the preview server watches.
  public var watchedPaths: [URL] { [settingsFile, curricula, content, rosters, theme, verification] }

  /// `path` relative to the project folder when inside it (as diagnostics and messages show
  /// paths), else absolute.
  public func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let rootPath = root.standardizedFileURL.path
    return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
  }
}
