import Foundation
import Testing
import ZIPFoundation

@testable import KenshuExport

/// A built site as one zip: under one folder, without hidden markers or links, the same bytes
/// for the same site.
@Suite struct SiteArchiveTests {
  func site() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-archive-\(UUID().uuidString)")
    let site = folder.appendingPathComponent("facilitator-site")
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent("facilitator"), withIntermediateDirectories: true)
    try Data("<p>トップ</p>".utf8).write(to: site.appendingPathComponent("index.html"))
    try Data("<p>解答</p>".utf8).write(to: site.appendingPathComponent("facilitator/index.html"))
    try Data().write(to: site.appendingPathComponent(".kenshu-site"))
    let secret = folder.appendingPathComponent("secret.txt")
    try Data("秘密".utf8).write(to: secret)
    try FileManager.default.createSymbolicLink(
      at: site.appendingPathComponent("leak.txt"), withDestinationURL: secret)
    return site
  }

  @Test func archive_holdsTheSiteUnderOneFolder_withoutMarkersOrLinks() throws {
    let site = try site()
    let zip = site.deletingLastPathComponent().appendingPathComponent("out/f.zip")
    #expect(try SiteArchive.write(folder: site, to: zip, rootName: "facilitator-site") == 2)
    let archive = try Archive(url: zip, accessMode: .read)
    #expect(
      archive.map(\.path).sorted() == [
        "facilitator-site/facilitator/index.html", "facilitator-site/index.html",
      ])
    var text = Data()
    _ = try archive.extract(try #require(archive["facilitator-site/facilitator/index.html"])) {
      text.append($0)
    }
    #expect(String(decoding: text, as: UTF8.self) == "<p>解答</p>")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: zip.deletingLastPathComponent().path)
    #expect(leftovers == ["f.zip"])
  }

  @Test func sameSite_givesTheSameBytes_andReplacesTheOldZip() throws {
    let site = try site()
    let zip = site.deletingLastPathComponent().appendingPathComponent("f.zip")
    try Data("old".utf8).write(to: zip)
    try SiteArchive.write(folder: site, to: zip, rootName: "x")
    let first = try Data(contentsOf: zip)
    try SiteArchive.write(folder: site, to: zip, rootName: "x")
    #expect(try Data(contentsOf: zip) == first)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
  }
}
