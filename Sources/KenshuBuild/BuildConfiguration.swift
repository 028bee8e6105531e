import Foundation
import KenshuSite

/// What a `BuildSession` builds: which edition, where, and with which overrides.
public struct BuildConfiguration: Sendable {
  /// The edition asked for (the project may publish more: `SiteEdition.effective`).
  public var edition: SiteEdition
  /// The output folder; nil: the edition's default (`ProjectLayout.output(for:)`).
  public var output: URL?
  /// Absolute URL the site is published at (canonical and calendar links).
  public var baseURL: String?
  /// Where survey forms post, over `kenshu.xml`'s `collect-url` (`--collect-url`).
  public var collectURL: String?
  /// Where forms post when neither the override nor the project names a place (`serve
  /// --collect`: `/`, this server).
  public var fallbackCollectURL: String?
  /// `.atomicSwap` for `build` (a failed build leaves the old site whole), `.inPlace` for
  /// `serve`, whose rebuilds rewrite only what changed.
  public var writeMode: WriteMode
  /// Also write the published site as a zip file (`build --zip`), folder and all; nil: no
  /// zip. A facilitator edition's zip is refused inside a public site folder, as the folder is.
  public var archive: ArchiveTarget?

  /// Where the zip of `archive` goes.
  public enum ArchiveTarget: Sendable, Hashable {
    /// Beside the output folder, with its name and `.zip` (`site.zip`).
    case besideOutput
    case file(URL)
  }

  public init(
    edition: SiteEdition = .learner, output: URL? = nil, baseURL: String? = nil, collectURL: String? = nil,
    fallbackCollectURL: String? = nil, writeMode: WriteMode = .atomicSwap, archive: ArchiveTarget? = nil
  ) {
    self.archive = archive
    self.edition = edition
    self.output = output
    self.baseURL = baseURL
    self.collectURL = collectURL
    self.fallbackCollectURL = fallbackCollectURL
    self.writeMode = writeMode
  }

  /// An absolute http(s) URL, or a site-relative path such as `/` (same origin): what
  /// `--collect-url` accepts.
  public static func isCollectURL(_ text: String) -> Bool {
    if text.hasPrefix("/") { return !text.hasPrefix("//") }
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
      return false
    }
    return (scheme == "https" || scheme == "http") && components.host?.isEmpty == false
  }
}
