import Foundation

/// Counts of what a write did.
public struct WriteCounts: Sendable, Hashable {
  /// Files whose bytes changed or that are new.
  public var written = 0
  /// Files whose bytes were already there.
  public var unchanged = 0
  /// Files of the previous site that are no longer produced.
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

/// Writes a set of files (site-relative path → bytes) as the output folder.
///
/// A file whose bytes equal the previous site's is not rewritten: in a swap it is hard-linked
/// from the previous site (no data written, modification time kept), in place it is left alone.
struct SiteWriter {
  /// Marks a folder as a Kenshu site, so the writer never swaps away a folder it did not make.
  static let marker = ".kenshu-site"

  let output: URL
  let mode: WriteMode
  /// Called before each file is written; tests use it to make a write fail midway.
  var beforeWrite: (@Sendable (String) throws -> Void)? = nil

  private var fileManager: FileManager { FileManager.default }

  func write(_ files: [String: Data], previousHashes: [String: Int]) throws -> WriteCounts {
    let existing = fileManager.fileExists(atPath: output.path)
    if existing {
      let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
      if !contents.isEmpty && !fileManager.fileExists(atPath: output.appendingPathComponent(Self.marker).path)
      {
        throw SiteWriteError.notAKenshuSite(output.path)
      }
    }
    switch mode {
    case .atomicSwap: return try writeSwapping(files, previousExists: existing)
    case .inPlace: return try writeInPlace(files, previousHashes: previousHashes)
    }
  }

  private func writeSwapping(_ files: [String: Data], previousExists: Bool) throws -> WriteCounts {
    let parent = output.deletingLastPathComponent()
    let name = output.lastPathComponent
    let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    let staging = parent.appendingPathComponent(".\(name).kenshu-staging-\(token)")
    let retired = parent.appendingPathComponent(".\(name).kenshu-old-\(token)")
    try io(parent.path) { try fileManager.createDirectory(at: parent, withIntermediateDirectories: true) }
    var counts = WriteCounts()
    do {
      try io(staging.path) { try fileManager.createDirectory(at: staging, withIntermediateDirectories: true) }
      var madeFolders: Set<String> = []
      for path in files.keys.sorted() {
        guard let data = files[path] else { continue }
        try beforeWrite?(path)
        let target = staging.appendingPathComponent(path)
        let folder = target.deletingLastPathComponent()
        if madeFolders.insert(folder.path).inserted {
          try io(folder.path) {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
          }
        }
        let old = output.appendingPathComponent(path)
        if previousExists, Self.sameBytes(at: old, as: data),
          (try? fileManager.linkItem(at: old, to: target)) != nil
        {
          counts.unchanged += 1
          continue
        }
        try io(target.path) { try data.write(to: target) }
        counts.written += 1
      }
      try io(staging.path) { try Data().write(to: staging.appendingPathComponent(Self.marker)) }
      if previousExists {
        counts.removed = Self.countFiles(in: output) - counts.unchanged - 1
        try io(output.path) { try fileManager.moveItem(at: output, to: retired) }
        do {
          try fileManager.moveItem(at: staging, to: output)
        } catch {
          try? fileManager.moveItem(at: retired, to: output)
          throw SiteWriteError.io(output.path, "\(error)")
        }
        try? fileManager.removeItem(at: retired)
      } else {
        try io(output.path) { try fileManager.moveItem(at: staging, to: output) }
      }
    } catch {
      try? fileManager.removeItem(at: staging)
      throw error
    }
    counts.removed = max(0, counts.removed)
    return counts
  }

  private func writeInPlace(_ files: [String: Data], previousHashes: [String: Int]) throws -> WriteCounts {
    var counts = WriteCounts()
    try io(output.path) { try fileManager.createDirectory(at: output, withIntermediateDirectories: true) }
    try io(output.path) { try Data().write(to: output.appendingPathComponent(Self.marker)) }
    var madeFolders: Set<String> = []
    for (path, data) in files {
      try beforeWrite?(path)
      let target = output.appendingPathComponent(path)
      if let hash = previousHashes[path], hash == data.hashValue, fileManager.fileExists(atPath: target.path)
      {
        counts.unchanged += 1
        continue
      }
      if previousHashes.isEmpty, Self.sameBytes(at: target, as: data) {
        counts.unchanged += 1
        continue
      }
      let folder = target.deletingLastPathComponent()
      if madeFolders.insert(folder.path).inserted {
        try io(folder.path) { try fileManager.createDirectory(at: folder, withIntermediateDirectories: true) }
      }
      try io(target.path) { try data.write(to: target, options: .atomic) }
      counts.written += 1
    }
    for stale in previousHashes.keys where files[stale] == nil {
      if (try? fileManager.removeItem(at: output.appendingPathComponent(stale))) != nil {
        counts.removed += 1
      }
    }
    return counts
  }

  static func sameBytes(at url: URL, as data: Data) -> Bool {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      (attributes[.size] as? NSNumber)?.intValue == data.count
    else { return false }
    return (try? Data(contentsOf: url)) == data
  }

  static func countFiles(in folder: URL) -> Int {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
    var count = 0
    for case let path as String in enumerator {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        count += 1
      }
    }
    return count
  }

  private func io(_ path: String, _ body: () throws -> Void) throws {
    do { try body() } catch let error as SiteWriteError { throw error } catch {
      throw SiteWriteError.io(path, error.localizedDescription)
    }
  }
}
