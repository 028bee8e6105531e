import Foundation
import KenshuModel

/// Keeps the facilitator edition (and its zip) out of the public site: it may not go into the
/// project's `site/`, replace a learner site, or sit inside any folder Kenshu built a site into
/// (whatever its name), symbolic links resolved.
public enum FacilitatorOutputCheck {
  /// The problem with writing the facilitator edition of the project at `projectRoot` to
  /// `destination` (a folder, or with `isFolder` false a file such as the zip); nil when none.
  /// A project that publishes its facilitator material (`publishFacilitator`) is not asked.
  public static func problem(destination: URL, isFolder: Bool = true, projectRoot: URL) -> Diagnostic? {
    let target = resolved(destination)
    let publicSite = resolved(projectRoot.appendingPathComponent(SiteEdition.learner.defaultOutput))
    // Named as the user wrote it: relative to the project when inside it.
    let rootPath = projectRoot.standardizedFileURL.path
    let full = destination.standardizedFileURL.path
    let shown = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : full
    if target == publicSite || target.hasPrefix(publicSite + "/") {
      return refusal(
        shown,
        Bilingual(
          ja: "\(shown) は公開サイト site/ の中です", en: "\(shown) is inside the public site folder site/"))
    }
    let fm = FileManager.default
    if isFolder, fm.fileExists(atPath: target + "/" + SiteWriteSession.marker),
      !fm.fileExists(atPath: target + "/" + SiteRoutes.facilitatorEditionMarker)
    {
      return refusal(
        shown,
        Bilingual(
          ja: "\(shown) は受講者用サイトで、ファシリテーター用で置き換えられます",
          en: "\(shown) holds a learner site, which would be replaced by the facilitator edition"))
    }
    var folder = (target as NSString).deletingLastPathComponent
    while !folder.isEmpty {
      if fm.fileExists(atPath: folder + "/" + SiteWriteSession.marker) {
        return refusal(
          shown,
          Bilingual(
            ja: "\(shown) は Kenshu が作ったサイト \(folder) の中です",
            en: "\(shown) is inside the site Kenshu built at \(folder)"))
      }
      if folder == "/" { break }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return nil
  }

  static func refusal(_ path: String, _ reason: Bilingual) -> Diagnostic {
    .error(Catalogue.facilitatorOutput, reason, at: SourceLocation(file: path))
  }

  /// The absolute path with every symbolic link resolved, also links whose target does not
  /// exist yet (a link to a `site/` not built yet leads into it all the same).
  static func resolved(_ url: URL) -> String {
    var pending = url.standardizedFileURL.path.split(separator: "/").map(String.init)
    var path = ""
    var hops = 0
    while !pending.isEmpty {
      let part = pending.removeFirst()
      if part == "." || part.isEmpty { continue }
      if part == ".." {
        path = (path as NSString).deletingLastPathComponent
        if path == "/" { path = "" }
        continue
      }
      let candidate = path + "/" + part
      if hops < 64, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: candidate) {
        hops += 1
        if target.hasPrefix("/") { path = "" }
        pending = target.split(separator: "/").map(String.init) + pending
        continue
      }
      path = candidate
    }
    return path.isEmpty ? "/" : path
  }
}
