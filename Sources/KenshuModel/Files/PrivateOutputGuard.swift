import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps files that name people out of every folder Kenshu publishes.
///
/// Every site build leaves `SiteMarker.fileName` in the root of the folder it wrote (whatever
/// that folder is called and whichever edition it holds). An output that holds personal data
/// (group plans, evaluation reports, roster imports, progress reports, token lists, response
/// exports, the response database) is refused when its path, with symbolic links resolved, lies
/// inside a folder holding that marker, or inside the project's configured site output (which
/// may not have been built yet).
public struct PrivateOutputGuard: Sendable {
  /// Folders that are sites even before their first build (the project's configured outputs).
  public let siteOutputs: [URL]

  public init(siteOutputs: [URL]) {
    self.siteOutputs = siteOutputs
  }

  /// Why writing personal data to `url` is refused, or nil when it may be written there.
  public func refusal(for url: URL) -> PrivateOutputRefusal? {
    let resolved = Self.resolvedPath(of: url)
    for site in siteOutputs {
      let sitePath = Self.resolvedPath(of: site)
      if Self.isInside(resolved, sitePath) { return PrivateOutputRefusal(path: url.path, site: sitePath) }
    }
    // The file itself and every folder above it: a marker anywhere up the chain means a site.
    var folder = resolved
    while true {
      if FileManager.default.fileExists(atPath: folder + "/" + SiteMarker.fileName) {
        return PrivateOutputRefusal(path: url.path, site: folder)
      }
      guard let slash = folder.lastIndex(of: "/"), folder != "/" else { break }
      folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
    }
    return nil
  }

  /// Throws when `url` may not hold personal data.
  public func check(_ url: URL) throws(PrivateOutputRefusal) {
    if let refusal = refusal(for: url) { throw refusal }
  }

  /// `url` with symbolic links resolved: the real path of its deepest existing ancestor (links
  /// in it resolved by `realpath`), then the components that do not exist yet. A path through
  /// a link to a site folder therefore resolves into that folder.
  public static func resolvedPath(of url: URL) -> String {
    var existing = url.standardizedFileURL.path
    var missing: [String] = []
    // Bounded: links that point at each other never resolve.
    var linksFollowed = 0
    while true {
      if let real = realPath(existing) {
        return ([real == "/" ? "" : real] + missing.reversed()).joined(separator: "/")
      }
      // A dangling symbolic link is followed by hand: realpath fails on it, but a write
      // would create its target.
      if linksFollowed < 40, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: existing)
      {
        linksFollowed += 1
        let base = (existing as NSString).deletingLastPathComponent
        existing =
          URL(fileURLWithPath: target, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
          .standardizedFileURL.path
        continue
      }
      let name = (existing as NSString).lastPathComponent
      let parent = (existing as NSString).deletingLastPathComponent
      if parent == existing || name.isEmpty { return url.standardizedFileURL.path }
      missing.append(name)
      existing = parent
    }
  }

  private static func realPath(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Whether `path` is `folder` or lies below it.
  static func isInside(_ path: String, _ folder: String) -> Bool {
    path == folder || folder == "/" || path.hasPrefix(folder + "/")
  }
}

/// A refused private output: the path asked for and the site folder it would land in.
public struct PrivateOutputRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  public let path: String
  /// The site folder (resolved) that holds `path`.
  public let site: String

  public var description: String {
    "\(path) は公開サイトのフォルダ \(site) の中にあるため個人情報を書き込みません / refusing to write personal data"
      + " to \(path): it is inside \(site), a folder Kenshu built a public site into; use private/"
  }
}

/// The file every site build writes in the root of the folder it built.
public enum SiteMarker {
  /// Hidden, so it is never linked from a page; harmless when published.
  public static let fileName = ".kenshu-site"
  /// What the file says: nothing about the project, only what the file is for.
  public static let contents =
    "Built by Kenshu. Private outputs (names, answers, tokens) are never written here.\n"
}
