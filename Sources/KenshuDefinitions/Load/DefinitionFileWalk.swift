import Foundation

/// Finds `.xml` files under a folder with `readdir`, as `FileManager`'s enumerator with
/// `.skipsHiddenFiles` does (hidden names skipped, hidden folders not entered, symbolic links
/// listed but not followed, not even the folder itself, unreadable folders skipped), without making a URL and a resource
/// lookup for every entry: listing 1,000 definitions that way was a visible part of the
/// serial start of `kenshu validate`.
enum DefinitionFileWalk {
  /// Paths of the entries under `folder` whose extension is `xml` in any case, unsorted.
  static func xmlPaths(under folder: String) -> [String] {
    // The enumerator does not follow a folder that is itself a symbolic link.
    var status = stat()
    guard lstat(folder, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK else { return [] }
    var paths: [String] = []
    collect(in: folder, into: &paths)
    return paths
  }

  private static func collect(in folder: String, into paths: inout [String]) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") { continue }  // Hidden, and "." and "..".
      let path = prefix + name
      if hasXMLExtension(name) { paths.append(path) }
      if isDirectory(entry.pointee.d_type, path: path) { collect(in: path, into: &paths) }
    }
  }

  /// A folder, not a link to one: the file type from `readdir`, or `lstat` when the file
  /// system does not say.
  private static func isDirectory(_ type: UInt8, path: String) -> Bool {
    if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_DIR) }
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  /// `URL.pathExtension.lowercased() == "xml"`: the text after the last dot of a name that does
  /// not start with it.
  static func hasXMLExtension(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard bytes.count > 4, bytes[bytes.count - 4] == UInt8(ascii: ".") else { return false }
    return String(decoding: bytes.suffix(3), as: UTF8.self).lowercased() == "xml"
  }
}
