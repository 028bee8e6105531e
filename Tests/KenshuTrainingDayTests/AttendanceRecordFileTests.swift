import Foundation
import KenshuModel
import Testing

@testable import KenshuTrainingDay

/// The attendance record that `attendance import` and the check-ins of `serve --collect`
/// share: each update locks the file, reads it again, changes it and replaces it atomically,
/// so no writer loses another's update.
@Suite struct AttendanceRecordFileTests {
  /// The date of the fixture's only course, `day-1`: the day check-ins are taken.
  static let day = "2026-10-17"
  func time(_ text: String) throws -> ClockTime { try #require(ClockTime(parsing: text)) }

  func programme(_ fixture: TrainingDayFixture) throws -> Programme {
    try #require(try fixture.project().programme("day"))
  }

  /// Adds `module` to `person`'s passed modules after a pause, so that writers without the
  /// lock would overlap and drop each other's changes.
  static func addPassed(_ module: String, for person: String, to record: inout AttendanceRecord) {
    usleep(2_000)
    var attendee = record.attendee(person) ?? Attendee(person: person)
    attendee.passed.append(module)
    if let index = record.attendees.firstIndex(where: { $0.person == person }) {
      record.attendees[index] = attendee
    } else {
      record.attendees.append(attendee)
    }
  }

  @Test func test_concurrentWriters_eachWithItsOwnLock_allLand() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let programme = try programme(fixture)
    let people = (1...7).map { "a0\($0)" }
    let failures = Failures()
    // One file value per thread: each opens the lock file itself, as another process would.
    DispatchQueue.concurrentPerform(iterations: people.count) { index in
      let writer = AttendanceRecordFile(programme: programme, root: fixture.root)
      for round in 0..<3 {
        do {
          try writer.update(seed: AttendanceRecord(programme: "day")) { record in
            Self.addPassed("m\(round)", for: people[index], to: &record)
          }
        } catch {
          failures.add("\(error)")
        }
      }
    }
    #expect(failures.all.isEmpty, "\(failures.all)")
    let record = try #require(try AttendanceRecordFile(programme: programme, root: fixture.root).read())
    #expect(record.attendees.map(\.person).sorted() == people)
    #expect(record.attendees.allSatisfy { $0.passed == ["m0", "m1", "m2"] }, "\(record.attendees)")
  }

  @Test func test_anImportFromAProjectLoadedBeforeACheckIn_keepsTheCheckIn() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    // Both loaded before either writes: the import's project knows nothing of the check-in.
    let project = try fixture.project()
    let importer = try AttendanceImport(project: project, programme: "day")
    let desk = try CheckInDesk(project: project, programme: "day", root: fixture.root)
    guard case .recorded = desk.checkIn(participant: "a01", on: Self.day, at: try time("10:00")) else {
      Issue.record("not checked in")
      return
    }
    let sheet = fixture.root.appendingPathComponent("sheet.csv")
    try Data("participant,lec,gw-am\na02,○,○\n".utf8).write(to: sheet)
    let result = importer.run(file: sheet, root: fixture.root, dryRun: false)
    #expect(result.written, "\(result.diagnostics.map(\.formatted))")
    let record = try fixture.project().attendance(of: "day")
    #expect(record.attendee("a01")?.arrived == (try time("10:00")))
    #expect(record.attendee("a02")?.sessions == ["lec", "gw-am"])
    // And the other way round: a desk made before the import sees the imported row.
    if case .alreadyRecorded = desk.checkIn(participant: "a02", on: Self.day, at: try time("11:00")) {
    } else {
      Issue.record("the desk did not see the import")
    }
  }

  @Test func test_importAndCheckInsAtTheSameTime_allLand() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let project = try fixture.project()
    let desk = try CheckInDesk(project: project, programme: "day", root: fixture.root)
    let importer = try AttendanceImport(project: project, programme: "day")
    let sheet = fixture.root.appendingPathComponent("sheet.csv")
    try Data("participant,lec\na05,○\na06,○\na07,○\n".utf8).write(to: sheet)
    let checkingIn = ["a01", "a02", "a03", "a04"]
    let at = try time("09:00")
    let imported = Failures()
    DispatchQueue.concurrentPerform(iterations: checkingIn.count + 1) { index in
      if index == checkingIn.count {
        let result = importer.run(file: sheet, root: fixture.root, dryRun: false)
        if !result.written { imported.add(result.diagnostics.map(\.formatted).joined()) }
      } else {
        _ = desk.checkIn(participant: checkingIn[index], on: Self.day, at: at)
      }
    }
    #expect(imported.all.isEmpty, "\(imported.all)")
    let record = try fixture.project().attendance(of: "day")
    #expect(record.attendees.map(\.person).sorted() == checkingIn + ["a05", "a06", "a07"])
    #expect(record.attendee("a05")?.sessions == ["lec"])
  }

  @Test func test_aLockHeldByAnotherProcess_isWaitedFor() throws {
    let flock = URL(fileURLWithPath: "/usr/bin/flock")
    guard FileManager.default.isExecutableFile(atPath: flock.path) else { return }
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    var file = AttendanceRecordFile(programme: try programme(fixture), root: fixture.root)
    try FileManager.default.createDirectory(
      at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
    // flock(1) takes the same flock(2) lock, in another process, for 1.5 s.
    let holder = Process()
    holder.executableURL = flock
    holder.arguments = [file.lockURL.path, "sh", "-c", "echo held; sleep 1.5"]
    let output = Pipe()
    holder.standardOutput = output
    try holder.run()
    defer { holder.waitUntilExit() }
    _ = output.fileHandleForReading.availableData  // "held": the lock is taken
    file.lockTimeout = 0.2
    #expect(throws: AttendanceRecordFileError.self) {
      try file.update(seed: AttendanceRecord(programme: "day")) { Self.addPassed("m", for: "a01", to: &$0) }
    }
    #expect(!FileManager.default.fileExists(atPath: file.url.path), "nothing written while locked")
    file.lockTimeout = 10
    try file.update(seed: AttendanceRecord(programme: "day")) { Self.addPassed("m", for: "a01", to: &$0) }
    #expect(try file.read()?.attendee("a01")?.passed == ["m"])
  }

  @Test func test_aRecordWithErrorsOnDisk_isNotOverwritten() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let file = AttendanceRecordFile(programme: try programme(fixture), root: fixture.root)
    try FileManager.default.createDirectory(
      at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let broken = Data("<attendance xmlns=\"urn:kenshu:1\" programme=\"day\"><attendee person=\"a01\"".utf8)
    try broken.write(to: file.url)
    do {
      try file.update(seed: AttendanceRecord(programme: "day")) { Self.addPassed("m", for: "a02", to: &$0) }
      Issue.record("a broken record was replaced")
    } catch {
      guard case .unreadable = error else {
        Issue.record("\(error)")
        return
      }
    }
    #expect(try Data(contentsOf: file.url) == broken)
  }

  @Test func test_aFailedWrite_keepsThePreviousRecord_andLeavesNoTemporaryFile() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    var file = AttendanceRecordFile(programme: try programme(fixture), root: fixture.root)
    try file.update(seed: AttendanceRecord(programme: "day")) { Self.addPassed("m", for: "a01", to: &$0) }
    let before = try Data(contentsOf: file.url)
    file.writeTemporary = { data, url in
      try data.prefix(10).write(to: url)
      throw CocoaError(.fileWriteOutOfSpace)
    }
    #expect(throws: AttendanceRecordFileError.self) {
      try file.update(seed: AttendanceRecord(programme: "day")) { Self.addPassed("m", for: "a02", to: &$0) }
    }
    #expect(try Data(contentsOf: file.url) == before)
    let folder = file.url.deletingLastPathComponent()
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(left.isEmpty, "\(left)")
  }
}

/// Messages collected from several threads.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [String] = []
  func add(_ message: String) { lock.withLock { messages.append(message) } }
  var all: [String] { lock.withLock { messages } }
}
