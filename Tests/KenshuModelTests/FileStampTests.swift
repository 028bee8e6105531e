import Foundation
import KenshuModel
import Testing

@Suite struct FileStampTests {
  @Test func test_stamp_changesWithTheFile_andIsNilForAMissingOne() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-stamp-\(UUID()).md")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(FileStamp(path: url.path) == nil)
    try Data("一".utf8).write(to: url)
    let first = try #require(FileStamp(path: url.path))
    #expect(first.size == 3)
    #expect(FileStamp(path: url.path) == first)
    try Data("一二".utf8).write(to: url)
    #expect(FileStamp(path: url.path) != first)
  }
}
