import Foundation
import KenshuModel
import KenshuSite
import ZIPFoundation

/// A SCORM 1.2 package of one self-study module: the module's pages as on the site (same
/// templates, relative links, assets included), a launch page with the LMS runtime, and
/// `imsmanifest.xml` at the root of the zip.
public struct SCORMPackage: Sendable {
  /// The launch page at the package root.
  public static let launchPage = "scorm.html"
  /// Runtime files copied from this target's resources to `scorm/`.
  static let runtimeFiles = ["runtime.js", "launch.css"]

  /// Package path → bytes, `imsmanifest.xml` included.
  public var files: [String: Data]
  public var manifest: SCORMManifest
  public var diagnostics: [Diagnostic]

  /// Renders module `id`; nil when the project has no such module.
  public init?(moduleID id: String, project: Project, projectRoot: URL) {
    guard let module = project.module(id),
      let rendered = ModuleFiles.render(moduleID: id, project: project, projectRoot: projectRoot)
    else { return nil }
    var files = rendered.files
    var diagnostics = rendered.diagnostics
    files[Self.launchPage] = Data(SCORMLaunchPage(module: module, startPage: rendered.startPage).html.utf8)
    for name in Self.runtimeFiles {
      guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "scorm"),
        let data = try? Data(contentsOf: url)
      else {
        diagnostics.append(
          .error(Catalogue.scormRuntimeMissing, name, at: SourceLocation(file: name)))
        continue
      }
      files["scorm/" + name] = data
    }
    manifest = SCORMManifest(module: module, launch: Self.launchPage, files: Array(files.keys))
    files["imsmanifest.xml"] = Data(manifest.xml.utf8)
    self.files = files
    self.diagnostics = diagnostics
  }

  /// The zip archive: entries in path order with a fixed date, so an unchanged module gives
  /// identical bytes.
  public func zipData() throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
    for path in files.keys.sorted() {
      guard let data = files[path] else { continue }
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
        compressionMethod: .deflate,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
  }
}
