import Foundation
import KenshuModel
import KenshuXML

/// What loading a project produced: the model (as complete as the files allow) and every
/// problem found, in file order.
public struct LoadResult: Sendable {
  public var project: Project
  public var diagnostics: [Diagnostic]
  /// The definition files read, as displayed in diagnostics.
  public var files: [String]
}

/// What reading the definition files produced, before the project-wide checks
/// (`ProjectLoader.read`, then `ProjectLoader.check`).
public struct DefinitionRead: Sendable {
  public var project: Project
  /// Each file's own problems (syntax, schema, values), in file order.
  public var diagnostics: [Diagnostic]
  /// The definition files read, as displayed in diagnostics.
  public var files: [String]
  /// Files that could not be read at all (they define nothing), as displayed.
  var unreadable: [String]
  /// Whether these are the same files as the cache's previous read, none read again.
  var sameDefinitions: Bool
}

/// Loads course definitions: finds the files, reads and validates each one (in parallel), turns
/// them into the model, then runs the semantic checks across the whole project.
public struct ProjectLoader: Sendable {
  /// The project folder (holding `curricula/`, `content/` and optionally `kenshu.xml`).
  public var root: URL

  public init(root: URL) { self.root = root }

  /// Loads the project's own definitions: `kenshu.xml` and every `.xml` under `curricula/`
  /// and `rosters/`.
  public func load() -> LoadResult { load(cache: nil) }

  /// Loads the project, reading again only the definition files whose size or modification
  /// time differ from when `cache` saw them (the preview server reloads after every edit).
  ///
  /// `editedContent`: the caller knows that since the cache's last load only these existing
  /// Markdown files under `content/` were edited (paths relative to it; none added or
  /// removed). When no definition file changed either, the project-wide checks that cannot see
  /// such edits keep their results, and those that read Markdown read only these files again.
  public func load(cache: DefinitionCache?, editedContent: Set<String>? = nil) -> LoadResult {
    check(read(cache: cache), cache: cache, editedContent: editedContent)
  }

  /// The project's definition files: `kenshu.xml` when present, then every `.xml` under
  /// `curricula/` and `rosters/`.
  public func definitionFiles() -> [URL] {
    let layout = ProjectLayout(root: root)
    var inputs: [URL] = []
    if FileManager.default.fileExists(atPath: layout.settingsFile.path) { inputs.append(layout.settingsFile) }
    inputs += Self.xmlFiles(under: layout.curricula)
    inputs += Self.xmlFiles(under: layout.rosters)
    return inputs
  }

  /// Loads the given files (definitions of any kind) and checks them as one project.
  public func load(files: [URL]) -> LoadResult { load(files: files, cache: nil) }

  func load(files: [URL], cache: DefinitionCache?, editedContent: Set<String>? = nil) -> LoadResult {
    check(read(files: files, cache: cache), cache: cache, editedContent: editedContent)
  }

  /// The first half of `load`: reads, validates and converts every definition file (in
  /// parallel) into one model, with each file's own problems; nothing across files is checked.
  public func read(cache: DefinitionCache?) -> DefinitionRead {
    read(files: definitionFiles(), cache: cache)
  }

  func read(files: [URL], cache: DefinitionCache?) -> DefinitionRead {
    let readBefore = cache?.reads
    let displayNames: [String]
    let documents: [LoadedDocument]
    if let cache {
      let rootPath = root.standardizedFileURL.path
      displayNames = files.map { displayName(for: $0, rootPath: rootPath) }
      documents = Self.readAll(files, displayNames: displayNames, cache: cache)
    } else {
      (displayNames, documents) = readAll(files)
    }
    // Same files, none read again: the same project as the cache's last load.
    let sameDefinitions = cache != nil && cache?.reads == readBefore && cache?.lastFiles == files.map(\.path)
    cache?.lastFiles = files.map(\.path)
    var project = Project()
    var diagnostics: [Diagnostic] = []
    // Without the embedded schema nothing could be validated: say so rather than pass files.
    if !files.isEmpty, EmbeddedSchema.bytes.isEmpty {
      diagnostics.append(
        .error(Catalogue.embeddedSchemaMissing, (), at: SourceLocation(file: "kenshu.rng")))
    }
    var settingsFile: String?
    for document in documents {
      diagnostics += document.diagnostics
      switch document.definition {
      case .programme(let programme): project.programmes.append(programme)
      case .module(let module): project.modules.append(module)
      case .survey(let survey): project.surveys.append(survey)
      case .roster(let roster): project.rosters.append(roster)
      case .attendance(let record): project.attendance.append(record)
      case .followUp(let record): project.followUps.append(record)
      case .glossary(let terms): project.glossary += terms
      case .site(let settings, let location):
        if let settingsFile {
          diagnostics.append(
            .error(Catalogue.duplicateSite, settingsFile, at: location))
        } else {
          project.settings = settings
          settingsFile = location.file
        }
      case nil: break
      }
    }
    // A programme, module or survey without xml:lang is in the site's language (readers leave
    // it empty): an English site's undeclared programmes are English.
    let siteLanguage = project.settings.language.isEmpty ? "ja" : project.settings.language
    for index in project.programmes.indices where project.programmes[index].language.isEmpty {
      project.programmes[index].language = siteLanguage
    }
    for index in project.modules.indices where project.modules[index].language.isEmpty {
      project.modules[index].language = siteLanguage
    }
    for index in project.surveys.indices where project.surveys[index].language.isEmpty {
      project.surveys[index].language = siteLanguage
    }
    let unreadable = zip(displayNames, documents).compactMap { name, document in
      document.definition == nil && document.diagnostics.hasErrors ? name : nil
    }
    return DefinitionRead(
      project: project, diagnostics: diagnostics, files: displayNames, unreadable: unreadable,
      sameDefinitions: sameDefinitions)
  }

  /// The second half of `load`: the project-wide checks (ids, references, timetables, groups,
  /// alignment, personal data) over what `read` produced, all diagnostics sorted by location.
  ///
  /// `editedContent`: only these existing Markdown files under `content/` were edited since
  /// `cache`'s last load (see `load(cache:editedContent:)`).
  ///
  /// `sameEditAs`: the generation of the checks (`DefinitionCache.checksGeneration`) another
  /// load made after the same edit, the learner edition's when serve builds the facilitator
  /// edition beside it (`SiblingRun`). While they are still the last checks stored, an edited
  /// file that has the stamp it had when they checked it is not checked again. Only then: a
  /// file written twice within one tick of the clock keeps its stamp, and the watcher reports
  /// it edited again for the next round, which must read it.
  public func check(
    _ read: DefinitionRead, cache: DefinitionCache?, editedContent: Set<String>? = nil, sameEditAs: Int? = nil
  ) -> LoadResult {
    var reusable: (results: ProjectCheckResults, edited: Set<String>)?
    var stamps: [String: FileStamp] = [:]
    let contentRoot = ProjectLayout(root: root).content
    if let editedContent, read.sameDefinitions, let last = cache?.lastStoredChecks {
      let checkedAlready = sameEditAs == last.generation ? last.stamps : [:]
      var edited: Set<String> = []
      for path in editedContent {
        // Taken before checking: a file changed while it is checked differs next time.
        let now = FileStamp(path: contentRoot.path + "/" + path)
        if now == nil || checkedAlready[path] != now { edited.insert(path) }
        stamps[path] = now
      }
      reusable = (last.results, edited)
    }
    let results = ProjectChecks(project: read.project, contentRoot: contentRoot, displayRoot: root)
      .runEach(reusing: reusable)
    cache?.remember(checks: results, stamps: stamps)
    let checks = results.diagnostics
    // A file that could not be read at all defines nothing; what other files say about it
    // follows from its error (see `CascadeSuppression`).
    let folded = CascadeSuppression.fold(checks.flatMap { $0 }, unreadable: read.unreadable)
    let diagnostics = read.diagnostics + folded.kept
    let sorted = CascadeSuppression.ordered(
      diagnostics.sortedByLocation(), unreadable: read.unreadable, note: folded.note)
    return LoadResult(project: read.project, diagnostics: sorted, files: read.files)
  }

  /// `.xml` files under a folder, recursively, in a stable order (by path).
  /// The `xml:lang` of the project's `kenshu.xml` in `root`, read without loading the project
  /// (the command line asks it to choose the language of its messages); nil when there is no
  /// readable `kenshu.xml` or it declares no language.
  public static func declaredLanguage(in root: URL) -> String? {
    let url = root.appendingPathComponent("kenshu.xml")
    guard let data = FileManager.default.contents(atPath: url.path),
      data.count < DocumentLoader.maximumFileSize
    else { return nil }
    return readXML([UInt8](data), path: "kenshu.xml") { $0.root?.attribute("xml:lang") }
  }

  public static func xmlFiles(under folder: URL) -> [URL] {
    DefinitionFileWalk.xmlPaths(under: folder.path).sorted().map {
      // The kind is known not to matter here: saying so spares URL a `stat` of every file.
      URL(fileURLWithPath: $0, isDirectory: false)
    }
  }

  /// The path as users see it: relative to the project folder (whose standardised path is
  /// `rootPath`) when inside it.
  private func displayName(for url: URL, rootPath: String) -> String {
    let plain = url.path
    // Standardising costs more than the rest of this, and a path without `/.` or `//` (nearly
    // every path, as listed from a folder) has no `.` or `..` component or empty one to remove.
    let path = Self.mayNeedStandardising(plain) ? url.standardizedFileURL.path : plain
    if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
    return plain
  }

  private static func readAll(_ files: [URL], displayNames: [String], cache: DefinitionCache?)
    -> [LoadedDocument]
  {
    guard let cache else { return readAll(files, displayNames: displayNames) }
    var documents: [LoadedDocument?] = []
    var missing: [Int] = []
    var stamps: [FileStamp?] = []
    for (index, file) in files.enumerated() {
      let stamp = FileStamp(path: file.path)
      stamps.append(stamp)
      let cached = stamp.flatMap {
        cache.document(for: file.path, displayName: displayNames[index], stamp: $0)
      }
      documents.append(cached)
      if cached == nil { missing.append(index) }
    }
    let loaded = readAll(missing.map { files[$0] }, displayNames: missing.map { displayNames[$0] })
    for (index, document) in zip(missing, loaded) {
      documents[index] = document
      if let stamp = stamps[index] {
        cache.store(document, for: files[index].path, displayName: displayNames[index], stamp: stamp)
      }
    }
    cache.keepOnly(Set(files.map(\.path)))
    return documents.compactMap { $0 }
  }

  private static func readAll(_ files: [URL], displayNames: [String]) -> [LoadedDocument] {
    guard !files.isEmpty else { return [] }
    let results = IndexedResults<LoadedDocument>(count: files.count)
    let workers = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount))
    let next = WorkCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      // A compiled schema is not shared between threads.
      let schema = try? RelaxNGSchema(bytes: EmbeddedSchema.bytes)
      while let index = next.take(below: files.count) {
        results[index] = DocumentLoader(schema: schema).load(files[index], displayName: displayNames[index])
      }
    }
    return results.values
  }

  /// Whether a path holds `/.` or `//`: the only places standardising can change it.
  private static func mayNeedStandardising(_ path: String) -> Bool {
    var previous: UInt8 = 0
    for byte in path.utf8 {
      if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { return true }
      previous = byte
    }
    return false
  }

  /// Every file's display name and contents, read on all cores. The display names are worked
  /// out by the workers too: standardising 1,000 paths was a visible serial cost.
  private func readAll(_ files: [URL]) -> (displayNames: [String], documents: [LoadedDocument]) {
    let rootPath = root.standardizedFileURL.path
    let results = IndexedResults<(String, LoadedDocument)>(count: files.count)
    let workers = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount))
    let next = WorkCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      // A compiled schema is not shared between threads.
      let schema = try? RelaxNGSchema(bytes: EmbeddedSchema.bytes)
      while let index = next.take(below: files.count) {
        let name = displayName(for: files[index], rootPath: rootPath)
        results[index] = (name, DocumentLoader(schema: schema).load(files[index], displayName: name))
      }
    }
    let values = results.values
    return (values.map(\.0), values.map(\.1))
  }
}
