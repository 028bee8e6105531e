import Foundation
import KenshuModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Resolves `src` paths inside `content/`, refusing any that would leave it, and reads the
/// files they name.
///
/// Made for all of a project's checks at once (`listing: true`, then `reading(_:)`), it lists
/// the folder once and reads each file once: resolving every path through URLs and the file
/// system (four times per file: reference, encoding, link and authoring checks, and again for
/// every link target) was 12 % of a cold `kenshu build`'s CPU on the 10,000-session benchmark
/// project, and reading and decoding each file once per check another 2 %. A path the listing
/// does not hold as it is written (through a symbolic link, with `.` or `..`, a missing file)
/// is resolved through the file system as before (`referenceResolve`), so that every answer is
/// the one the file system gives.
struct ContentFiles: Sendable {
  let root: URL
  let displayRoot: URL
  /// `root` with symbolic links resolved, once: resolving it for every referenced file cost
  /// more than the file checks themselves on big projects.
  private let resolvedRoot: String
  /// `root`'s name, which begins every file's name in diagnostics.
  private let displayBase: String
  /// The regular files reached from `root` through folders that are not symbolic links, as
  /// paths relative to it (`cases/a.md`); nil when the folder was not listed.
  private let listed: Set<ExactPath>?
  /// The files `reading(_:)` read, by the path the definitions name them with.
  private var texts: [ExactPath: ContentFileText] = [:]

  init(root: URL, displayRoot: URL, listing: Bool = false) {
    self.root = root
    self.displayRoot = displayRoot
    resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
    displayBase = root.lastPathComponent
    // A root of `/` would give `//a.md`: such a root is resolved path by path.
    listed =
      listing && resolvedRoot.count > 1 && !resolvedRoot.hasSuffix("/") ? Self.listing(of: resolvedRoot) : nil
  }

  enum Resolution: Equatable {
    case found(URL)
    case missing
    case outside
  }

  func resolve(_ path: String) -> Resolution {
    if let listed, Self.isPlain(path), listed.contains(ExactPath(path)) {
      // A listed path is a regular file: said so, the URL needs no `stat` of its own.
      return .found(URL(fileURLWithPath: resolvedRoot + "/" + path, isDirectory: false))
    }
    return referenceResolve(path)
  }

  /// `resolve` through the file system alone, for every path: the behaviour the listing keeps.
  func referenceResolve(_ path: String) -> Resolution {
    if path.hasPrefix("/") || path.contains("\\") || path.contains(":") { return .outside }
    let rootPath = resolvedRoot
    let url = root.appendingPathComponent(path).standardizedFileURL
    let resolved = url.resolvingSymlinksInPath().path
    guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else { return .outside }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue
    else { return .missing }
    return .found(URL(fileURLWithPath: resolved))
  }

  /// The file at `path` (as a definition names it), read; nil when `path` names no file under
  /// `content/` or the file cannot be read.
  func read(_ path: String) -> ContentFileText? {
    if let text = texts[ExactPath(path)] { return text }
    guard case .found(let url) = resolve(path), let data = try? Data(contentsOf: url) else { return nil }
    return ContentFileText(data: data)
  }

  /// These files with `paths` read ahead, on all cores, for `read(_:)`.
  func reading(_ paths: [String]) -> ContentFiles {
    var unique: [String] = []
    var seen: Set<ExactPath> = []
    for path in paths where seen.insert(ExactPath(path)).inserted { unique.append(path) }
    let files = self
    let read = unique.concurrentMap { files.read($0) }
    var copy = self
    for (path, text) in zip(unique, read) {
      if let text { copy.texts[ExactPath(path)] = text }
    }
    return copy
  }

  /// How a content file is named in diagnostics (`content/cases/a.md`).
  func displayName(_ path: String) -> String {
    "\(displayBase)/\(path)"
  }

  /// A path the listing can answer as written: relative, with no empty, `.` or `..` component,
  /// and none of the characters `referenceResolve` refuses (`\`, `:`).
  private static func isPlain(_ path: String) -> Bool {
    hasPlainComponents(path) { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ":") }
  }

  /// Whether `path` is relative, with no empty, `.` or `..` component and no byte `refused`
  /// refuses: the one walk behind `isPlain` and `ContentFileFindings.isNormal`.
  static func hasPlainComponents(_ path: String, refusing refused: (UInt8) -> Bool) -> Bool {
    var componentLength = 0
    var dots = 0
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "/"):
        if componentLength == 0 || componentLength == dots && dots <= 2 { return false }
        componentLength = 0
        dots = 0
      case UInt8(ascii: "."):
        componentLength += 1
        dots += 1
      default:
        if refused(byte) { return false }
        componentLength += 1
      }
    }
    return componentLength > 0 && !(componentLength == dots && dots <= 2)
  }

  /// The regular files under `folder` reached through folders that are not symbolic links,
  /// relative to it, from the kinds of entry the folder listing gives (no `stat` per file).
  /// Names that are not UTF-8 are left out (and so resolved through the file system).
  static func listing(of folder: String) -> Set<ExactPath> {
    var files: Set<ExactPath> = []
    func walk(_ folder: String, relative: String) {
      guard let directory = opendir(folder) else { return }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
            String(validatingCString: $0)
          }
        }
        guard let name, name != ".", name != ".." else { continue }
        let path = folder + "/" + name
        let relativePath = relative.isEmpty ? name : relative + "/" + name
        var kind = Int32(entry.pointee.d_type)
        if kind == Int32(DT_UNKNOWN) {
          var info = stat()
          guard lstat(path, &info) == 0 else { continue }
          switch info.st_mode & S_IFMT {
          case S_IFREG: kind = Int32(DT_REG)
          case S_IFDIR: kind = Int32(DT_DIR)
          default: continue
          }
        }
        if kind == Int32(DT_REG) {
          files.insert(ExactPath(relativePath))
        } else if kind == Int32(DT_DIR) {
          walk(path, relative: relativePath)
        }
      }
    }
    walk(folder, relative: "")
    return files
  }
}

/// A path compared by its bytes, as the file system compares names: `String`'s `==` holds
/// canonically equivalent texts equal (`é` composed or not), which name different files.
struct ExactPath: Hashable, Sendable {
  let path: String

  init(_ path: String) { self.path = path }

  static func == (a: ExactPath, b: ExactPath) -> Bool { a.path.utf8.elementsEqual(b.path.utf8) }

  func hash(into hasher: inout Hasher) {
    var path = path
    path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

/// A content file as the checks read it, decoded once for all of them.
struct ContentFileText: Sendable {
  /// `String(data:encoding: .utf8)`, as the site reads the file: nil when the bytes are not
  /// UTF-8; a byte order mark is dropped.
  let text: String?
  /// The offset of the first byte that is not part of well-formed UTF-8, and the file's bytes
  /// to locate it (kept for such files only: a project's texts are held once, not twice).
  let invalidUTF8: (offset: Int, bytes: Data)?

  init(data: Data) {
    text = String(data: data, encoding: .utf8)
    let offset = data.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0.bindMemory(to: UInt8.self)) }
    invalidUTF8 = offset.map { ($0, data) }
  }
}
