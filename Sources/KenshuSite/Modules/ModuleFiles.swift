import Foundation
import KenshuModel

/// A module's pages rendered on their own, for packaging (SCORM): the same templates as the
/// site, without site navigation, with the theme assets and the content files the pages show.
public struct ModuleFiles: Sendable {
  /// Package-relative path → bytes. Pages keep their site paths (`modules/ID/…`), so the
  /// relative links the templates write work unchanged.
  public var files: [String: Data]
  /// The overview page, where a participant starts.
  public var startPage: String
  public var diagnostics: [Diagnostic]

  /// Theme assets a module page loads (`settings.css` is generated).
  static let assetNames = ["kenshu.css", "module.css", "module.js"]

  /// Renders every page of module `id`; nil when the project has no such module.
  public static func render(moduleID id: String, project: Project, projectRoot: URL) -> ModuleFiles? {
    guard let module = project.module(id) else { return nil }
    var diagnostics: [Diagnostic] = []
    let theme = Theme.load(projectRoot: projectRoot, diagnostics: &diagnostics)
    let content = ContentStore(contentRoot: ProjectLayout(root: projectRoot).content)
    var renderer = PageRenderer(
      project: project, content: content, theme: theme,
      options: BuildOptions(
        output: projectRoot.appendingPathComponent(".kenshu-package-unused"), concurrency: 1))
    renderer.packaged = true
    var files: [String: Data] = [:]
    var contentLinks: Set<String> = []
    let pages = SiteRoutes.modulePages(module)
    for page in pages {
      let rendered = renderer.render(page)
      diagnostics += rendered.diagnostics
      files[page.path] = Data(rendered.html.utf8)
    }
    // Images and documents the lessons and scenarios show travel with the pages.
    let blocks = [module.description] + module.lessons.map(\.body) + module.scenarios.map(\.situation)
    for block in blocks.compactMap({ $0 }) {
      var ignored: [Diagnostic] = []
      contentLinks.formUnion(content.render(block, root: "../../", diagnostics: &ignored)?.contentLinks ?? [])
    }
    for link in contentLinks.sorted() {
      if let data = try? Data(contentsOf: content.contentRoot.appendingPathComponent(link)) {
        files["content/" + link] = data
      }
    }
    for name in assetNames {
      guard let url = theme.assets[name], let data = try? Data(contentsOf: url) else {
        diagnostics.append(
          .error(Catalogue.assetUnreadable, (), at: SourceLocation(file: name)))
        continue
      }
      files["assets/" + name] = data
    }
    files["assets/settings.css"] = Data(
      SettingsStylesheet.css(for: project.settings, diagnostics: &diagnostics).utf8)
    return ModuleFiles(files: files, startPage: pages[0].path, diagnostics: diagnostics)
  }
}
