import Foundation
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#endif

/// A built site as one zip file, to hand to facilitators: unzipped, its `index.html` opens from
/// `file://` (every link in a Kenshu site is relative).
public enum SiteArchive {
  /// Writes the files of the site in `folder` to `destination`, under one top folder named
  /// `rootName` (so unzipping makes one folder, not files all over the desktop). Hidden files
  /// (Kenshu's markers) are left out; entries are in path order with a fixed date, so the same
  /// site gives the same bytes. The zip is written next to `destination` and renamed over it,
  /// so a failed write leaves no half zip. Returns the number of files archived.
  @discardableResult
  public static func write(folder: URL, to destination: URL, rootName: String) throws -> Int {
    let fm = FileManager.default
    var paths: [String] = []
    guard let enumerator = fm.enumerator(atPath: folder.path) else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
    }
    for case let relative as String in enumerator {
      if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      var isFolder: ObjCBool = false
      let path = folder.appendingPathComponent(relative).path
      // Regular files only: a link could lead anywhere on this computer.
      let attributes = try? fm.attributesOfItem(atPath: path)
      guard fm.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
        attributes?[.type] as? FileAttributeType == .typeRegular
      else { continue }
      paths.append(relative)
    }
    paths.sort()
    let staging = destination.deletingLastPathComponent().appendingPathComponent(
      ".\(destination.lastPathComponent).kenshu-\(UUID().uuidString)")
    try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    do {
      let archive = try Archive(url: staging, accessMode: .create)
      let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
      for relative in paths {
        let data = try Data(contentsOf: folder.appendingPathComponent(relative))
        try archive.addEntry(
          with: rootName + "/" + relative, type: .file, uncompressedSize: Int64(data.count),
          modificationDate: fixedDate, compressionMethod: .deflate,
          provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
      }
      if rename(staging.path, destination.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
      }
    } catch {
      try? fm.removeItem(at: staging)
      throw error
    }
    return paths.count
  }
}
