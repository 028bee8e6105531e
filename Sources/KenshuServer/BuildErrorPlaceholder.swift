import Foundation
import KenshuModel

/// What `kenshu serve` shows when the first build fails and there is no previous site: a
/// one-page site (marked as Kenshu's, so it is served and later replaced) whose page displays
/// the build's problems through the live-reload script.
public enum BuildErrorPlaceholder {
  public static func write(into folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let page =
      "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">\(ContentSecurityPolicy.metaTag())"
      + "<title>Kenshu</title></head><body><h1>ビルドエラー / Build errors</h1></body></html>"
    try Data(page.utf8).write(to: folder.appendingPathComponent("index.html"))
    try Data(SiteMarker.contents.utf8).write(to: folder.appendingPathComponent(SiteMarker.fileName))
  }
}
