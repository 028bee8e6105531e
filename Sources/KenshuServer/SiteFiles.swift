import Foundation
import KenshuModel

/// Maps request paths to files inside the built site, never outside it.
public struct SiteFiles: Sendable {
  public let root: URL

  public init(root: URL) { self.root = root.standardizedFileURL }

  /// Whether `root` holds the marker every site build writes: only such a folder is served.
  public var isKenshuSite: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(SiteMarker.fileName).path)
  }

  /// The file for a URL path: `/` and folders map to their `index.html`. Nil when the path is
  /// malformed, escapes the site (`..`, encoded or not), or does not exist.
  public func file(forPath rawPath: String) -> URL? {
    let pathOnly = rawPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
    guard let decoded = pathOnly.removingPercentEncoding, !decoded.contains("\0") else { return nil }
    let components = decoded.split(separator: "/").map(String.init)
    guard !components.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") }) else { return nil }
    var url = components.reduce(root) { $0.appendingPathComponent($1) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue {
      url = url.appendingPathComponent("index.html")
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    }
    // Symlinks inside the site must not lead out of it either.
    let resolved = url.resolvingSymlinksInPath().path
    let rootPath = root.resolvingSymlinksInPath().path
    guard resolved.hasPrefix(rootPath + "/") else { return nil }
    return url
  }

  /// Content type by extension, with a charset for text.
  public static func contentType(for url: URL) -> String {
    switch url.pathExtension.lowercased() {
    case "html", "htm": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js", "mjs": "text/javascript; charset=utf-8"
    case "json": "application/json; charset=utf-8"
    case "ics": "text/calendar; charset=utf-8"
    case "svg": "image/svg+xml"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "gif": "image/gif"
    case "webp": "image/webp"
    case "pdf": "application/pdf"
    case "txt", "md": "text/plain; charset=utf-8"
    case "xml": "application/xml; charset=utf-8"
    case "zip": "application/zip"
    case "woff2": "font/woff2"
    case "mp4": "video/mp4"
    default: "application/octet-stream"
    }
  }

  /// Adds the preview's live-reload script before `</body>` (a script file, so the pages'
  /// Content-Security-Policy still holds).
  public static func injectLiveReload(into html: String) -> String {
    let tag = "<script src=\"/_kenshu/live-reload.js\" defer></script>"
    guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
      return html + tag
    }
    return html.replacingCharacters(in: range, with: tag + "</body>")
  }
}
