import Foundation
import KenshuModel

#if canImport(Glibc)
  import Glibc
#endif

/// What of `content/` may be published, decided once for `kenshu validate` and `kenshu build`.
///
/// Files under `content/` other than Markdown are copied into the site at the same path. They
/// are served from the site's own origin, where the pages' Content-Security-Policy `<meta>`
/// does not apply to them, so nothing may be copied that a browser would run as a document
/// with script, and nothing may be copied from outside `content/`:
///
/// - a symbolic link that resolves outside `content/` is refused (`content-link-outside`); one
///   that stays inside is published as the file it names (links to folders are not followed:
///   the folder is published under its own name);
/// - active files are refused (`content-active-file`): HTML, XHTML, XML and XSLT (browsers run
///   their script or stylesheets as documents), JavaScript, gzipped SVG (cannot be inspected);
/// - SVG is published only when it is inert (`SVGInspection`), else refused (`content-svg-active`).
///
/// Hidden files (a leading dot) are never published; Markdown is rendered into pages instead.
public enum ContentFilePolicy {
  /// Extensions (lower case) refused under `content/`.
  public static let activeExtensions: Set<String> = [
    "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt", "js", "mjs", "cjs", "svgz", "swf",
  ]

  /// A file to publish: its path relative to `content/` and the file to read (a link's target).
  public struct PublishableFile: Sendable, Hashable {
    public var relativePath: String
    public var url: URL
  }

  /// The files to publish and every refused one, located.
  public struct Scan: Sendable {
    public var files: [PublishableFile] = []
    public var diagnostics: [Diagnostic] = []
  }

  /// Walks `root` (the project's `content/`) and applies the policy to every entry, Markdown
  /// included (a link to a file outside is refused whatever it is). `displayPrefix` is how the
  /// folder is named in diagnostics (`content`).
  public static func scan(root: URL, displayPrefix: String = "content") -> Scan {
    var scan = Scan()
    guard let realRoot = realPath(root.path) else { return scan }
    walk(folder: root.path, relative: "", realRoot: realRoot, displayPrefix: displayPrefix, into: &scan)
    scan.files.sort { $0.relativePath < $1.relativePath }
    return scan
  }

  private static func walk(
    folder: String, relative: String, realRoot: String, displayPrefix: String, into scan: inout Scan
  ) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = folder + "/" + name
      let relativePath = relative.isEmpty ? name : relative + "/" + name
      let location = SourceLocation(file: displayPrefix + "/" + relativePath)
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      let kind = info.st_mode & mode_t(S_IFMT)
      var target = path
      if kind == mode_t(S_IFLNK) {
        guard let real = realPath(path) ?? danglingTarget(of: path), isInside(real, realRoot) else {
          let shown = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
          scan.diagnostics.append(
            .error(Catalogue.contentLinkOutside, (relativePath, shown), at: location))
          continue
        }
        var targetInfo = stat()
        // A link to a folder inside content/: that folder is published under its own name.
        guard stat(real, &targetInfo) == 0, (targetInfo.st_mode & mode_t(S_IFMT)) == mode_t(S_IFREG) else {
          continue
        }
        target = real
      } else if kind == mode_t(S_IFDIR) {
        walk(
          folder: path, relative: relativePath, realRoot: realRoot, displayPrefix: displayPrefix, into: &scan)
        continue
      } else if kind != mode_t(S_IFREG) {
        continue
      }
      let fileExtension = (name as NSString).pathExtension.lowercased()
      if fileExtension == "md" { continue }
      if activeExtensions.contains(fileExtension) {
        scan.diagnostics.append(
          .error(Catalogue.contentActiveFile, (relativePath, fileExtension), at: location))
        continue
      }
      if fileExtension == "svg" {
        guard let data = FileManager.default.contents(atPath: target) else { continue }
        let problems = SVGInspection.problems(in: [UInt8](data), path: location.file)
        if !problems.isEmpty {
          scan.diagnostics += problems
          continue
        }
      }
      scan.files.append(PublishableFile(relativePath: relativePath, url: URL(fileURLWithPath: target)))
    }
  }

  /// The canonical path of an existing file, links resolved.
  static func realPath(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Where a dangling link would lead, resolved as far as it exists (so a link into a missing
  /// file outside is still known to leave the folder).
  private static func danglingTarget(of link: String) -> String? {
    guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else {
      return nil
    }
    let base = URL(fileURLWithPath: (link as NSString).deletingLastPathComponent, isDirectory: true)
    let url = URL(fileURLWithPath: destination, relativeTo: base).standardizedFileURL
    return PrivateOutputGuard.resolvedPath(of: url)
  }

  private static func isInside(_ path: String, _ folder: String) -> Bool {
    path == folder || path.hasPrefix(folder + "/")
  }
}
