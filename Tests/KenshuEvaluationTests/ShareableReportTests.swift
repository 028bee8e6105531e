import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

/// A `--shareable` report names no participant: not in the unmatched pre/post lists, not in
/// the rejected rows, not in any file of the folder (page, summary, CSV tables).
@Suite struct ShareableReportTests {
  static let plantedIDs = [
    "tanaka.hanako@example.jp", "suzuki@example.org", "only-pre@example.com", "only-post@example.net",
  ]

  func write(_ name: String, rows: [String], in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    let text = (["participant,k1,k2,k3,k4,k5,c1"] + rows).joined(separator: "\r\n") + "\r\n"
    try Data(text.utf8).write(to: url)
    return url
  }

  func answers(_ id: String, confidence: Int) -> String {
    "\(id),本人の意思を中心に繰り返し話し合う,救急隊と共有する手順を地域で決める,主治医と副主治医で夜間の対応を分担する,"
      + "退院前カンファレンスで在宅の支援者と情報を共有する,二人訪問の体制や相談窓口を事前に確認する,\(confidence)"
  }

  @Test func test_shareableFolder_containsNoParticipantID_inAnyFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-shareable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let pre = try write(
      "pre.csv",
      rows: [
        answers("tanaka.hanako@example.jp", confidence: 2), answers("suzuki@example.org", confidence: 3),
        answers("only-pre@example.com", confidence: 2),
        // The same participant twice: the second row is rejected.
        answers("suzuki@example.org", confidence: 4),
      ], in: folder)
    let post = try write(
      "post.csv",
      rows: [
        answers("tanaka.hanako@example.jp", confidence: 4), answers("suzuki@example.org", confidence: 5),
        answers("only-post@example.net", confidence: 4),
      ], in: folder)
    let (report, _) = evaluate(survey: SampleSurveys.acpTest, responseFiles: [], pre: pre, post: post)
    #expect(report.unmatched?.preOnly == 1)
    #expect(report.unmatched?.postOnly == 1)
    #expect(report.responses.files.contains { !$0.rejected.isEmpty }, "the duplicate row is rejected")

    let shared = folder.appendingPathComponent("shared")
    try writeReport(report, to: shared, freeText: false)
    let files = try FileManager.default.contentsOfDirectory(atPath: shared.path)
    #expect(files.contains("index.html") && files.contains("summary.json"))
    for file in files {
      let text = String(decoding: try Data(contentsOf: shared.appendingPathComponent(file)), as: UTF8.self)
      for id in Self.plantedIDs {
        #expect(!text.contains(id), "\(file) names \(id)")
        #expect(!text.contains(Markup.escape(id)), "\(file) names \(id)")
      }
    }
    let json = String(
      decoding: try Data(contentsOf: shared.appendingPathComponent("summary.json")), as: UTF8.self)
    #expect(json.contains("\"preOnly\" : 1") && json.contains("\"postOnly\" : 1"))

    // The organiser's own copy still lists who did not pair, so they can follow up.
    let organiser = folder.appendingPathComponent("organiser")
    try writeReport(report, to: organiser, freeText: true)
    let page = String(
      decoding: try Data(contentsOf: organiser.appendingPathComponent("index.html")), as: UTF8.self)
    #expect(page.contains("only-pre@example.com") && page.contains("only-post@example.net"))
    let summary = String(
      decoding: try Data(contentsOf: organiser.appendingPathComponent("summary.json")), as: UTF8.self)
    #expect(!summary.contains("only-pre@example.com"), "summary.json carries counts, never ids")
  }
}
