import Foundation

/// A file's size and modification time: enough to notice an edit without reading the file.
/// The preview server's watcher, the definition cache and the content store all compare these,
/// so they share one type. (The model's only contact with the file system: a `stat`.)
public struct FileStamp: Sendable, Hashable {
  public var size: Int
  public var seconds: Int
  public var nanoseconds: Int

  public init(size: Int, seconds: Int, nanoseconds: Int) {
    self.size = size
    self.seconds = seconds
    self.nanoseconds = nanoseconds
  }

  /// The stamp of what `stat` says about a file.
  public init(_ info: stat) {
    #if os(Linux)
      let time = info.st_mtim
    #else
      let time = info.st_mtimespec
    #endif
    self.init(size: Int(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
  }

  /// The stamp of the file at `path` (links followed); nil when it cannot be read.
  public init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    self.init(info)
  }
}
