import CKenshuFiles
import Foundation
import KenshuModel

#if canImport(Glibc)
  import Glibc
#endif

/// Counts of what a write did.
public struct WriteCounts: Sendable, Hashable {
  /// Files whose bytes changed or that are new.
  public var written = 0
  /// Files whose bytes were already there.
  public var unchanged = 0
  /// Files of the previous site that are no longer produced (in-place mode).
  public var removed = 0
}

/// How the built files reach the output folder.
public enum WriteMode: String, Sendable, Hashable {
  /// Write into a staging folder next to the output and swap it in with renames: readers
  /// never see a half-written site, and a failed build leaves the previous site untouched.
  case atomicSwap
  /// Write changed files straight into the output folder (for the preview server, where
  /// rebuild speed matters more than atomicity).
  case inPlace
}

/// Errors that end a write (I/O failures, not problems in the user's files).
public enum SiteWriteError: Error, Sendable, CustomStringConvertible {
  case notAKenshuSite(String)
  case io(String, String)

  public var description: String {
    switch self {
    case .notAKenshuSite(let path):
      "\(path) は Kenshu が作ったフォルダではないため置き換えません / \(path) exists and was not built by Kenshu; refusing to replace it"
    case .io(let path, let message): "\(path): \(message)"
    }
  }
}

/// A 64-bit hash of all of a file's bytes (Foundation's `Data.hashValue` looks at only a prefix).
enum ContentHash {
  static func of(_ bytes: UnsafeRawBufferPointer) -> Int {
    var hasher = Hasher()
    hasher.combine(bytes: bytes)
    hasher.combine(bytes.count)
    return hasher.finalize()
  }
}

/// One write of a site, fed file by file from several threads while pages render, so the
/// whole site never has to sit in memory.
///
/// A file whose bytes equal the previous site's is not rewritten: in a swap it is hard-linked
/// from the previous site (no data written, modification time kept); in place it is left alone.
/// A class: it owns the staging folder until `commit` or `abandon`, and its counters are
/// shared by the rendering threads under a lock.
final class SiteWriteSession: @unchecked Sendable {
  /// Marks a folder as a Kenshu site, so the writer never swaps away a folder it did not make.
  static let marker = SiteMarker.fileName
  /// Swaps done by exchange in this process (tests check the fallback was not taken).
  static let exchanges = SwapCounter()

  let output: URL
  private let outputPath: String
  let mode: WriteMode
  /// Where files go: the staging folder (swap) or the output itself (in place).
  let target: URL
  private let targetPath: String
  private let previousExists: Bool
  private let previousHashes: [String: Int]
  /// Whether files of the previous build that this write does not produce stay (a patch).
  let carriesOver: Bool
  private let beforeWrite: (@Sendable (String) throws -> Void)?
  private let lock = NSLock()
  private var madeFolders: Set<String> = []
  private var counts = WriteCounts()
  private var hashes: [String: Int] = [:]
  /// Files `retire` dropped, removed at commit.
  private var retired: [String] = []
  private var finished = false
  /// The staging folder, open and `flock`ed for as long as this session may write into it:
  /// the lock tells a later build that the folder is in use (the kernel drops it when the
  /// process dies, even by SIGKILL).
  private var stagingLock: Int32 = -1

  /// `previousHashes`: what this process wrote to `output` last time (empty on a first build:
  /// files are then compared with the bytes on disk).
  ///
  /// `carriesOver` (in place only): files of the previous build that this write does not
  /// produce stay and count as unchanged, instead of being removed — for a patch, which
  /// produces only what changed. The previous hashes are then the start of this write's
  /// table, updated where it writes: pass the only reference to them (the patch moves them
  /// out of its record), and no copy of the table is made. Copying the 10,000 entries of
  /// each edition at the first page written was a twentieth of a serve rebuild's CPU
  /// samples (perf, issue 18).
  init(
    output: URL, mode: WriteMode, previousHashes: consuming [String: Int], carriesOver: Bool = false,
    beforeWrite: (@Sendable (String) throws -> Void)? = nil
  ) throws {
    self.output = output
    self.carriesOver = carriesOver && mode == .inPlace
    outputPath = output.path
    self.mode = mode
    self.beforeWrite = beforeWrite
    let fm = FileManager.default
    previousExists = fm.fileExists(atPath: output.path)
    if previousExists {
      let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
      if !contents.isEmpty && !fm.fileExists(atPath: output.appendingPathComponent(Self.marker).path) {
        throw SiteWriteError.notAKenshuSite(output.path)
      }
    }
    if self.carriesOver {
      self.previousHashes = [:]
      if previousExists { hashes = consume previousHashes }
    } else {
      self.previousHashes = previousExists ? previousHashes : [:]
    }
    switch mode {
    case .atomicSwap:
      StagingFolders.removeStale(besides: output)
      target = output.deletingLastPathComponent().appendingPathComponent(
        StagingFolders.name(for: output, pid: ProcessInfo.processInfo.processIdentifier))
    case .inPlace:
      target = output
    }
    targetPath = target.path
    do {
      try fm.createDirectory(at: target, withIntermediateDirectories: true)
    } catch {
      throw SiteWriteError.io(target.path, error.localizedDescription)
    }
    if mode == .atomicSwap { stagingLock = StagingFolders.lock(targetPath) }
    // Written first, so a folder being built is known as a site (and refused to private
    // outputs) even while the build runs or after it failed half-way in place.
    try? Data(SiteMarker.contents.utf8).write(to: target.appendingPathComponent(Self.marker))
    madeFolders.insert(targetPath)
  }

  deinit {
    if stagingLock >= 0 { close(stagingLock) }
  }

  /// Writes one file unless the previous site already has these bytes.
  func put(_ path: String, _ data: Data) throws {
    try data.withUnsafeBytes { try put(path, bytes: $0) }
  }

  /// Writes one page's text (its UTF-8 bytes, without copying them into `Data` first).
  func put(_ path: String, text: String) throws {
    var text = text
    try text.withUTF8 { try put(path, bytes: UnsafeRawBufferPointer($0)) }
  }

  /// String paths and `open`/`write`/`close`: this runs once per page, and building `URL`s and
  /// going through `Data.write` cost more than creating the file.
  private func put(_ path: String, bytes: UnsafeRawBufferPointer) throws {
    try beforeWrite?(path)
    let hash = ContentHash.of(bytes)
    let old = outputPath + "/" + path
    let known = previousHash(path)
    let same: Bool
    if let known {
      same = known == hash && access(old, F_OK) == 0
    } else {
      same = previousExists && Self.sameBytes(atPath: old, as: bytes)
    }
    if same, keepPrevious(path) {
      record(path, hash: hash, written: false)
      return
    }
    let destination = targetPath + "/" + path
    try makeFolder(parentOf: destination)
    try Self.writeFile(bytes, to: destination)
    record(path, hash: hash, written: true)
  }

  /// Creates or truncates the file and writes all bytes.
  private static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SiteWriteError.io(path, String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw SiteWriteError.io(path, String(cString: strerror(errno)))
      }
      offset += written
    }
  }

  /// Keeps the previous build's file for `path` without its bytes being produced again (the page
  /// cache found its inputs unchanged). Returns false when that file is not available, in
  /// which case the caller renders the page and calls `put`.
  ///
  /// A patch (`carriesOver`) trusts the previous build's files as it trusts the pages it does not
  /// look at: a file it knows is kept without a system call. Looking (`access`) at each of the
  /// search index's fragments, one per page, was a fifth of a `serve` rebuild's CPU samples on
  /// the 10,000-session project (10,000 calls per edition).
  func keep(_ path: String) -> Bool {
    if carriesOver { return previousHash(path) != nil }
    guard let hash = previousHashes[path], keepPrevious(path) else { return false }
    record(path, hash: hash, written: false)
    return true
  }

  /// Drops a file of the previous build that this write no longer produces. Only a patch
  /// (`carriesOver`) needs it: every other write removes what it did not produce at commit.
  func retire(_ path: String) {
    guard carriesOver else { return }
    lock.withLock {
      if hashes.removeValue(forKey: path) != nil { retired.append(path) }
    }
  }

  /// What the previous build wrote at `path`. A patch (`carriesOver`) reads its own table,
  /// which started as the previous build's: a path it has written since is not asked again
  /// (each file is written once per build), and one it retired is gone.
  private func previousHash(_ path: String) -> Int? {
    carriesOver ? lock.withLock { hashes[path] } : previousHashes[path]
  }

  private func keepPrevious(_ path: String) -> Bool {
    // String paths and `access`/`link` directly: this runs once per page on every rebuild.
    let old = outputPath + "/" + path
    switch mode {
    case .inPlace:
      return access(old, F_OK) == 0
    case .atomicSwap:
      let destination = targetPath + "/" + path
      guard (try? makeFolder(parentOf: destination)) != nil else { return false }
      return link(old, destination) == 0
    }
  }

  private func record(_ path: String, hash: Int, written: Bool) {
    lock.withLock {
      hashes[path] = hash
      if written { counts.written += 1 } else { counts.unchanged += 1 }
    }
  }

  /// Creates the folder holding `file` and its parents with plain `mkdir` calls, remembering
  /// what exists.
  private func makeFolder(parentOf file: String) throws {
    guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
    try makeFolder(String(file[..<slash]))
  }

  private func makeFolder(_ path: String) throws {
    if path.isEmpty || lock.withLock({ madeFolders.contains(path) }) { return }
    try makeFolder(parentOf: path)
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw SiteWriteError.io(path, String(cString: strerror(errno)))
    }
    _ = lock.withLock { madeFolders.insert(path) }
  }

  /// Publishes the site: swaps the staging folder in, or (in place) removes files the previous
  /// build wrote that this one did not. Returns the counts and the hashes of what is now there.
  func commit() throws -> (WriteCounts, [String: Int]) {
    let fm = FileManager.default
    finished = true
    try? Data(SiteMarker.contents.utf8).write(to: target.appendingPathComponent(Self.marker))
    switch mode {
    case .inPlace where carriesOver:
      // `hashes` started as the previous build's: every file not written is unchanged.
      counts.unchanged = hashes.count - counts.written
      for path in retired where (try? fm.removeItem(at: output.appendingPathComponent(path))) != nil {
        counts.removed += 1
      }
    case .inPlace:
      for stale in previousHashes.keys where hashes[stale] == nil {
        if (try? fm.removeItem(at: output.appendingPathComponent(stale))) != nil { counts.removed += 1 }
      }
      if previousHashes.isEmpty && previousExists { counts.removed += removeFilesNotProduced() }
    case .atomicSwap:
      do {
        try swapIn()
      } catch {
        abandon()
        throw error
      }
    }
    return (counts, hashes)
  }

  /// Puts the staging folder where the output is. With a previous site the two are exchanged
  /// in one system call, so `output` names a complete site at every moment; the previous site,
  /// now under the staging name, is removed afterwards. Where the system cannot exchange
  /// (another file system, an old kernel) it falls back to two renames.
  private func swapIn() throws {
    let fm = FileManager.default
    guard previousExists else {
      do {
        try fm.moveItem(at: target, to: output)
      } catch {
        throw SiteWriteError.io(output.path, error.localizedDescription)
      }
      return
    }
    if kenshu_rename_exchange(targetPath, outputPath) == 0 {
      Self.exchanges.add()
      try? fm.removeItem(at: target)
      return
    }
    let retired = target.deletingLastPathComponent().appendingPathComponent(
      target.lastPathComponent.replacingOccurrences(
        of: StagingFolders.stagingWord, with: StagingFolders.oldWord))
    do {
      try fm.moveItem(at: output, to: retired)
    } catch {
      throw SiteWriteError.io(output.path, error.localizedDescription)
    }
    do {
      try fm.moveItem(at: target, to: output)
    } catch {
      try? fm.moveItem(at: retired, to: output)
      throw SiteWriteError.io(output.path, error.localizedDescription)
    }
    try? fm.removeItem(at: retired)
  }

  /// A first write in place over a site another process built (e.g. `serve` over an older
  /// `build`): nothing tells which of its files are stale, so every file this write did not
  /// produce goes — a site built with facilitator pages must not keep them in a learner
  /// preview. Kenshu's hidden files in the root stay, except the facilitator-edition marker.
  private func removeFilesNotProduced() -> Int {
    let fm = FileManager.default
    var removed = 0
    guard let enumerator = fm.enumerator(atPath: outputPath) else { return 0 }
    var folders: [String] = []
    for case let relative as String in enumerator {
      let path = outputPath + "/" + relative
      var isFolder: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      if isFolder.boolValue {
        folders.append(path)
        continue
      }
      if hashes[relative] != nil { continue }
      if !relative.contains("/"), relative.hasPrefix("."), relative != SiteRoutes.facilitatorEditionMarker {
        continue
      }
      if (try? fm.removeItem(atPath: path)) != nil { removed += 1 }
    }
    // Folders left empty, deepest first (`rmdir` leaves the others).
    for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(folder) }
    return removed
  }

  /// Throws the staging folder away; the previous site stays as it was. In place, files
  /// already written stay (that mode does not promise atomicity).
  func abandon() {
    finished = true
    if mode == .atomicSwap { try? FileManager.default.removeItem(at: target) }
  }

  static func sameBytes(atPath path: String, as bytes: UnsafeRawBufferPointer) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
    guard let data = FileManager.default.contents(atPath: path), data.count == bytes.count else {
      return false
    }
    return data.withUnsafeBytes { old in
      bytes.count == 0 || memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }
  }
}

/// A count shared by all sessions of the process.
final class SwapCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func add() { lock.withLock { count += 1 } }
}
