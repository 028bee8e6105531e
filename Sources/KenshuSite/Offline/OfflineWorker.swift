import Foundation
import KenshuModel

/// The site's service worker, `sw.js` at the site's root (a worker controls only the folder it
/// is served from and those below, so it cannot live under `assets/`), registered by
/// `assets/offline.js` on every page. It keeps the pages a browser has opened, and every page
/// of a self-study module once one of them is opened, for offline use (docs/modules.md,
/// "Offline"); it never handles a POST or the collection API.
///
/// The script is `Theme/worker/sw.js` with its version and manifest filled in. The version is
/// a digest of the manifest and of the bytes of the assets it keeps, so a build that changes
/// them is a new worker, whose `activate` deletes the caches of earlier ones. A page's text is
/// not part of it: pages are fetched from the network first whenever they are opened online.
/// Everything it depends on is unchanged in a content patch (same project, same theme), so a
/// patched site and a cold build carry the same `sw.js`.
enum OfflineWorker {
  /// Site path of the worker.
  static let path = "sw.js"

  /// Assets every page uses, kept when the worker is installed.
  static let coreAssets = [
    "assets/kenshu.css", "assets/settings.css", "assets/outbox.js", "assets/offline.js",
  ]
  /// Assets of module pages, kept with each module.
  static let moduleAssets = ["assets/module.css", "assets/module.js"]

  /// The worker for `project`, or nil when the template is missing from the bundle. `files`:
  /// the site files made so far (path → bytes), for the version.
  static func script(for project: Project, files: [String: Data]) -> String? {
    guard let url = Bundle.module.resourceURL?.appendingPathComponent("Theme/worker/sw.js"),
      let template = try? String(contentsOf: url, encoding: .utf8)
    else { return nil }
    let core = coreAssets.filter { files[$0] != nil }
    var modules: [String: [String]] = [:]
    for module in project.modules where modules[module.id] == nil {
      modules[module.id] =
        SiteRoutes.modulePages(module).map(\.path) + moduleAssets.filter { files[$0] != nil }
    }
    let manifest = Self.json(core: core, modules: modules)
    var digestInput = Array(manifest.utf8)
    for path in Set(core + modules.values.joined()).sorted() {
      guard let data = files[path] else { continue }
      digestInput += Array(path.utf8) + [0] + Array(data) + [0]
    }
    let version = SHA256Digest.hash(digestInput).prefix(8).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
    return template.replacingOccurrences(of: "__VERSION__", with: version)
      .replacingOccurrences(of: "__MANIFEST__", with: manifest)
  }

  /// `{"core":[…],"modules":{"id":[…]}}` with sorted keys; paths are site paths (letters,
  /// digits, `-_./`), so they need no escaping beyond JSON's.
  static func json(core: [String], modules: [String: [String]]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    struct Manifest: Encodable {
      var core: [String]
      var modules: [String: [String]]
    }
    let data = (try? encoder.encode(Manifest(core: core, modules: modules))) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
