import CKenshuFiles
import Foundation

/// Writes one run of `kenshu certificates` all or nothing.
///
/// The ledger is the source of numbering, so the pages must never be ahead of it (a page with
/// a number the ledger does not hold would be issued again to someone else) nor behind it.
/// Everything is first staged — a copy of the certificate folder with the new pages, ledger
/// and removals, and the public register beside its final name — and only when every file is
/// written is the folder exchanged with its copy in one system call (renameat2
/// RENAME_EXCHANGE) and the register renamed over the old one. A failure before that leaves
/// the previous state untouched; a failure renaming the register exchanges the folders back.
struct CertificateCommit {
  /// `private/certificates/PROGRAMME`.
  let folder: URL
  /// `verification/PROGRAMME.json`.
  let register: URL
  /// Writes one staged file; tests replace it to inject a failure.
  let writeFile: (Data, URL) throws -> Void

  /// Stages `files` (name → bytes) over a copy of the folder, without `removing`, and the
  /// register, then commits both. Returns the files as committed.
  func commit(files: [(name: String, data: Data)], removing: [String], register data: Data) throws -> [URL] {
    let manager = FileManager.default
    let parent = folder.deletingLastPathComponent()
    let tag = UUID().uuidString
    let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).staging-\(tag)")
    let stagedRegister = register.deletingLastPathComponent().appendingPathComponent(
      ".\(register.lastPathComponent).staging-\(tag)")
    let previous = manager.fileExists(atPath: folder.path)
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      try manager.createDirectory(at: register.deletingLastPathComponent(), withIntermediateDirectories: true)
      if previous {
        try manager.copyItem(at: folder, to: staging)
      } else {
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      }
      for name in removing where manager.fileExists(atPath: staging.appendingPathComponent(name).path) {
        try manager.removeItem(at: staging.appendingPathComponent(name))
      }
      for file in files { try writeFile(file.data, staging.appendingPathComponent(file.name)) }
      try writeFile(data, stagedRegister)
    } catch {
      try? manager.removeItem(at: staging)
      try? manager.removeItem(at: stagedRegister)
      throw error
    }
    // Commit: the folder first, then the register; undo the folder if the register fails.
    var retired: URL?
    do {
      if !previous {
        try manager.moveItem(at: staging, to: folder)
      } else if kenshu_rename_exchange(staging.path, folder.path) != 0 {
        // A file system that cannot exchange: two renames, with the old folder kept until done.
        let old = parent.appendingPathComponent(".\(folder.lastPathComponent).old-\(tag)")
        try manager.moveItem(at: folder, to: old)
        do {
          try manager.moveItem(at: staging, to: folder)
        } catch {
          try? manager.moveItem(at: old, to: folder)
          throw error
        }
        retired = old
      } else {
        retired = staging
      }
    } catch {
      try? manager.removeItem(at: staging)
      try? manager.removeItem(at: stagedRegister)
      throw error
    }
    if rename(stagedRegister.path, register.path) != 0 {
      let failure = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: register.path])
      if let retired {
        if kenshu_rename_exchange(retired.path, folder.path) != 0 {
          try? manager.removeItem(at: folder)
          try? manager.moveItem(at: retired, to: folder)
        }
        try? manager.removeItem(at: retired)
      } else {
        try? manager.removeItem(at: folder)
      }
      try? manager.removeItem(at: stagedRegister)
      throw failure
    }
    if let retired { try? manager.removeItem(at: retired) }
    return files.map { folder.appendingPathComponent($0.name) } + [register]
  }

  /// The ordinary write: atomic, so a crash mid-write leaves no half file in the staging copy.
  static func atomicWrite(_ data: Data, _ url: URL) throws { try data.write(to: url, options: .atomic) }
}
