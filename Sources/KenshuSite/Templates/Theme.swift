import Foundation
import KenshuModel
import Mustache

#if canImport(Glibc)
  import Glibc
#endif

/// `{{variable}}` escaping in every template: `Markup.escape`, the same five replacements as
/// swift-mustache's own (`&lt;` `&gt;` `&amp;` `&quot;` `&#39;`), for two reasons. It works on
/// Unicode scalars: swift-mustache compares whole characters, so a quote or `<` followed by a
/// combining mark (one grapheme, e.g. `"\u{301}`) went through unescaped and could close an
/// attribute. And it scans bytes and returns the text untouched when nothing needs escaping,
/// where the character-by-character rebuild was a large share of a site build's CPU time.
struct KenshuHTMLEscaping: MustacheContentType {
  static let name = "KENSHU_HTML"

  func escapeText(_ text: String) -> String { Markup.escape(text) }
}

/// The templates and static assets a site is built with: the built-in theme, with any file in
/// the project's `theme/templates/` or `theme/assets/` taking the place of the built-in one of
/// the same name (Hugo's lookup order).
public struct Theme: Sendable {
  /// Template names the builder renders; a project may override any of them.
  public static let templateNames = [
    "layout", "home", "programme", "timetable", "session", "facilitator-notes", "facilitator-pack", "handout",
    "glossary",
    "search", "verify", "checkin", "survey", "module", "module-lesson", "module-scenario", "module-quiz",
    "module-certificate",
    "module-header", "module-footer",
  ]

  let library: MustacheLibrary
  /// The same templates compiled by `FastTemplate`, where it reproduces them exactly (with
  /// every partial they use); the others render through `library` only.
  let fastTemplates: [String: FastTemplate]
  /// Where each template came from, for diagnostics and tests.
  public let templateSources: [String: URL]
  /// Site-relative path under `assets/` → file to copy.
  public let assets: [String: URL]
  /// Changes whenever any template text changes; part of every cached page's fingerprint.
  let fingerprint: Int

  /// The stamps of every file `load` may read a template from, in order, nil where there is
  /// none: equal stamps, equal templates, so a patch keeps the theme the previous build loaded
  /// instead of reading and compiling every template again (7 % of a serve rebuild's CPU
  /// samples on the 10,000-session project).
  public static func templateStamps(projectRoot: URL) -> [TemplateStamp?] {
    let builtIn = Bundle.module.resourceURL?.appendingPathComponent("Theme/templates").path ?? ""
    let project = ProjectLayout(root: projectRoot).theme.appendingPathComponent("templates").path
    return templateNames.flatMap { name in
      [
        TemplateStamp(path: "\(project)/\(name).mustache"),
        TemplateStamp(path: "\(builtIn)/\(name).mustache"),
      ]
    }
  }

  /// What `stat` says of a template file: size and modification time, and also the status
  /// change time and the inode, which a `chmod` (a template that could not be read, now can)
  /// or a time put back (`touch -r`, an editor or a copy keeping the old time) change too.
  public struct TemplateStamp: Sendable, Hashable {
    public var file: FileStamp
    public var changeSeconds: Int
    public var changeNanoseconds: Int
    public var device: UInt64
    public var inode: UInt64

    /// The stamp of the file at `path` (links followed); nil when there is none.
    public init?(path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      #if os(Linux)
        let changed = info.st_ctim
      #else
        let changed = info.st_ctimespec
      #endif
      file = FileStamp(info)
      changeSeconds = Int(changed.tv_sec)
      changeNanoseconds = Int(changed.tv_nsec)
      device = UInt64(truncatingIfNeeded: info.st_dev)
      inode = UInt64(truncatingIfNeeded: info.st_ino)
    }
  }

  /// Loads the theme; a project template that does not parse is reported and the built-in one
  /// used instead.
  public static func load(projectRoot: URL, diagnostics: inout [Diagnostic]) -> Theme {
    let builtIn = Bundle.module.resourceURL?.appendingPathComponent("Theme")
    let projectTheme = ProjectLayout(root: projectRoot).theme
    var library = MustacheLibrary()
    var fast: [String: FastTemplate?] = [:]
    var sources: [String: URL] = [:]
    var hasher = Hasher()
    for name in templateNames {
      let candidates = [
        projectTheme.appendingPathComponent("templates/\(name).mustache"),
        builtIn?.appendingPathComponent("templates/\(name).mustache"),
      ].compactMap { $0 }
      // Most projects override no template: look before reading, so the usual case throws
      // nothing (a thrown error is caught here, but a test host that captures a backtrace for
      // every thrown error has crashed unwinding through it).
      for url in candidates where FileManager.default.fileExists(atPath: url.path) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
        do {
          library.register(try MustacheTemplate(string: Self.withKenshuEscaping(text)), named: name)
          fast[name] = FastTemplate(text)
          hasher.combine(name)
          hasher.combine(text)
          sources[name] = url
          break
        } catch {
          diagnostics.append(
            .error(Catalogue.templateInvalid, "\(error)", at: SourceLocation(file: url.path)))
        }
      }
    }
    var assets: [String: URL] = [:]
    for folder in [builtIn?.appendingPathComponent("assets"), projectTheme.appendingPathComponent("assets")] {
      guard let folder else { continue }
      for (relative, url) in Self.files(under: folder) { assets[relative] = url }
    }
    return Theme(
      library: library, fastTemplates: Self.completeFastTemplates(fast), templateSources: sources,
      assets: assets,
      fingerprint: hasher.finalize())
  }

  /// The fast templates whose partials are all fast templates too (repeatedly, since leaving
  /// one out can leave out those that use it).
  static func completeFastTemplates(_ compiled: [String: FastTemplate?]) -> [String: FastTemplate] {
    var templates = compiled.compactMapValues { $0 }
    while let incomplete = templates.first(where: { !$0.value.partialNames.isSubset(of: templates.keys) }) {
      templates.removeValue(forKey: incomplete.key)
    }
    return templates
  }

  /// The template text with a first line selecting Kenshu's HTML escaping. The pragma line is
  /// a standalone tag, so it renders nothing and leaves the template's own first line as it was.
  static func withKenshuEscaping(_ text: String) -> String {
    _ = registerEscaping
    return "{{% CONTENT_TYPE: \(KenshuHTMLEscaping.name)}}\n" + text
  }

  private static let registerEscaping: Void = MustacheContentTypes.register(
    KenshuHTMLEscaping(), named: KenshuHTMLEscaping.name)

  /// Renders a template, or nil when the template is missing.
  func render(_ name: String, _ context: [String: Any]) -> String? {
    if let fast = fastTemplates[name], let html = fast.render(context, partials: fastTemplates) {
      return html
    }
    return library.render(context, withTemplate: name)
  }

  /// Regular files below `folder`, keyed by their `/`-separated relative path.
  static func files(under folder: URL) -> [(String, URL)] {
    let base = folder.standardizedFileURL.path
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    var result: [(String, URL)] = []
    for case let url as URL in enumerator {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let path = url.standardizedFileURL.path
      guard path.hasPrefix(base + "/") else { continue }
      result.append((String(path.dropFirst(base.count + 1)), url))
    }
    return result.sorted { $0.0 < $1.0 }
  }
}
