import Foundation
import KenshuModel
import KenshuTabular

/// A certificate of this run: from the ledger, issued now or before.
public struct IssuedCertificate: Sendable, Hashable {
  public var entry: LedgerEntry
  /// Issued by this run (a new number).
  public var isNew: Bool
  /// Whether the person still meets the award's rule (a certificate once issued stays in the
  /// ledger even when attendance is corrected later; revoke it if it was a mistake).
  public var meetsRule: Bool
}

/// Someone on the roster who receives none of an award group's certificates, and why.
public struct NotEligible: Sendable, Hashable {
  public var participant: String
  /// The first award of the group, whose requirements `missing` lists.
  public var award: String
  public var missing: [String]
}

/// What `kenshu certificates` did.
public struct CertificateRun: Sendable {
  public var programme: Programme
  public var issued: [IssuedCertificate]
  public var revoked: [LedgerEntry]
  /// 受講証明書 replaced by the same group's 修了証書 (now or in an earlier run).
  public var superseded: [LedgerEntry]
  public var notEligible: [NotEligible]
  public var diagnostics: [Diagnostic]
  /// Files written (certificates, combined file, ledger, public register); none when a write
  /// failed, since issuing is all or nothing.
  public var files: [URL]
}

/// Decides who is eligible under the programme's completion rules and issues the certificates:
/// numbers and codes from the ledger for people issued before, the award's next number for
/// the others; then writes every valid certificate (one page each and one combined file), the
/// ledger (CSV, xlsx) and the verification list the site publishes.
///
/// Awards form groups — the programme's, and each course's — and a person holds at most one
/// valid certificate per group: the first award (in document order) whose rule they meet.
/// A higher award supersedes a lower one: someone who received the 受講証明書 and later
/// completes the rest gets the 修了証書, and the 受講証明書 is marked 差替 in the ledger
/// (verified as revoked, its page removed) — one person, one certificate of a training, as a
/// Japanese organiser (and an auditor counting 修了者) expects. Nobody holding the 修了証書 is
/// given a 受講証明書 after a correction. `--course` restricts the run to that course's awards.
///
/// The run is all or nothing (`CertificateCommit`): pages, ledger and register are staged and
/// committed together, and a failure leaves the previous state.
public struct CertificateIssue: Sendable {
  public let project: Project
  public let programme: Programme
  public let roster: Roster
  public let groups: [[Award]]
  /// Self-study completions collected by `serve --collect` (module id → participants who
  /// passed), counted by `<pass module>` like a `passed` mark in the attendance record.
  public var collectedCompletions: [String: Set<String>] = [:]
  /// Writes one staged file; replaced by tests to inject a failure.
  var writeFile: @Sendable (Data, URL) throws -> Void = CertificateCommit.atomicWrite

  public init(project: Project, programme id: String, course: String? = nil) throws(AttendanceImportFailure) {
    guard let programme = project.programme(id) else {
      throw AttendanceImportFailure("no programme \"\(id)\" in this project")
    }
    guard let rosterID = programme.roster, let roster = project.roster(rosterID) else {
      throw AttendanceImportFailure("programme \"\(id)\" names no roster of this project (roster=\"…\")")
    }
    var groups: [[Award]]
    if let course {
      guard let found = programme.courses.first(where: { $0.id == course }) else {
        throw AttendanceImportFailure("programme \"\(id)\" has no course \"\(course)\"")
      }
      groups = [found.awards]
    } else {
      groups = [programme.awards] + programme.courses.map(\.awards)
    }
    groups.removeAll(where: \.isEmpty)
    guard !groups.isEmpty else {
      throw AttendanceImportFailure(
        "\(course.map { "course \"\($0)\"" } ?? "programme \"\(id)\"") has no <award>: add one with its completion rule"
      )
    }
    self.project = project
    self.programme = programme
    self.roster = roster
    self.groups = groups
  }

  /// The folder of a programme's certificates: `private/certificates/PROGRAMME`.
  public static func folder(for programme: String, root: URL) -> URL {
    root.appendingPathComponent("private").appendingPathComponent("certificates").appendingPathComponent(
      programme)
  }

  /// The modules whose completions the server may have collected and a `<pass module>` rule
  /// of this run names: what to read from the response store.
  public var collectedModules: [String] {
    let named = groups.flatMap { $0 }.flatMap(\.requirements).compactMap { requirement -> String? in
      if case .pass(let module, _) = requirement { return module }
      return nil
    }
    return Array(Set(named)).filter { project.module($0)?.collectCompletion == true }.sorted()
  }

  /// The project folder of a certificate folder `PROJECT/private/certificates/PROGRAMME`.
  static func projectRoot(ofFolder folder: URL) -> URL {
    folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// Issues and writes into `folder` (`private/certificates/PROGRAMME` of the project, checked
  /// private by the caller) and the project's public register `verification/PROGRAMME.json`. `date`: ISO date of issue for new certificates. `siteURL`: the public
  /// site's address, for the QR code (none without). `revoke`: certificate numbers to mark
  /// revoked in the ledger.
  public func run(folder: URL, date: String, siteURL: String? = nil, revoke: [String] = []) -> CertificateRun
  {
    var generator = SystemRandomNumberGenerator()
    return run(folder: folder, date: date, siteURL: siteURL, revoke: revoke, using: &generator)
  }

  public func run<G: RandomNumberGenerator>(
    folder: URL, date: String, siteURL: String? = nil, revoke: [String] = [], using generator: inout G
  ) -> CertificateRun {
    let register = VerificationList.registerFile(for: programme.id, root: Self.projectRoot(ofFolder: folder))
    return run(
      folder: folder, register: register, date: date, siteURL: siteURL, revoke: revoke, using: &generator)
  }

  /// As `run(folder:date:siteURL:revoke:using:)`, with the register written to `register`.
  public func run<G: RandomNumberGenerator>(
    folder: URL, register: URL, date: String, siteURL: String? = nil, revoke: [String] = [],
    using generator: inout G
  ) -> CertificateRun {
    var diagnostics: [Diagnostic] = []
    let ledgerFile = folder.appendingPathComponent("ledger.csv")
    var ledger = CertificateLedger()
    if FileManager.default.fileExists(atPath: ledgerFile.path) {
      do {
        let read = try Table.read(contentsOf: ledgerFile, displayName: ledgerFile.path)
        let parsed = CertificateLedger.read(read)
        ledger = parsed.ledger
        diagnostics += parsed.diagnostics
      } catch {
        diagnostics.append(
          .error(Catalogue.ledgerUnreadable, ledgerFile.path, at: SourceLocation(file: ledgerFile.path)))
      }
    }
    var run = CertificateRun(
      programme: programme, issued: [], revoked: [], superseded: [], notEligible: [],
      diagnostics: diagnostics,
      files: [])
    // Without the ledger as it was, numbers could be issued twice: stop.
    if diagnostics.hasErrors { return run }
    for number in revoke {
      guard let index = ledger.entries.firstIndex(where: { $0.number == number }) else {
        run.diagnostics.append(
          .error(Catalogue.certificateUnknownNumber, number, at: SourceLocation(file: ledgerFile.path)))
        continue
      }
      ledger.entries[index].revoked = true
    }
    if run.diagnostics.hasErrors { return run }

    let attendance = project.attendance(of: programme.id).counting(collectedCompletions)
    let trainees = roster.people(withRole: .trainee).sorted {
      (PersonNameKey.kana($0.kana ?? $0.name), $0.id) < (PersonNameKey.kana($1.kana ?? $1.name), $1.id)
    }
    for group in groups {
      let rank = Dictionary(group.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
      for person in trainees {
        let judged = group.map { Eligibility.judge(person, for: $0, of: programme, attendance: attendance) }
        let holds = group.flatMap { award in
          ledger.entries.filter { $0.participant == person.id && $0.award == award.id }
        }
        if let earned = judged.firstIndex(where: \.isEligible) {
          let award = group[earned]
          let valid = holds.filter(\.isValid)
          // A certificate of this award once issued (even revoked) is never issued again, and
          // nobody holding this award or a higher one is given another.
          let covered =
            holds.contains { $0.award == award.id } || valid.contains { (rank[$0.award] ?? 0) <= earned }
          if !covered {
            let entry = LedgerEntry(
              number: award.numbering.format(ledger.nextRunningNumber(for: award)), award: award.id,
              kind: award.kind, participant: person.id, name: person.name, issued: date,
              minutes: judged[earned].attendedMinutes, code: VerificationCode.generate(using: &generator))
            ledger.entries.append(entry)
            run.issued.append(IssuedCertificate(entry: entry, isNew: true, meetsRule: true))
            // Completion supersedes attendance: the lower certificates are replaced, not kept.
            for lower in valid where (rank[lower.award] ?? 0) > earned {
              if let index = ledger.entries.firstIndex(where: { $0.number == lower.number }) {
                ledger.entries[index].supersededBy = entry.number
              }
            }
          }
        }
        for held in holds {
          guard let index = ledger.entries.firstIndex(where: { $0.number == held.number }),
            let awardIndex = rank[held.award]
          else { continue }
          // Corrections of the roster and of attendance reach the certificate; its number,
          // code and date of issue never change.
          ledger.entries[index].name = person.name
          ledger.entries[index].minutes = judged[awardIndex].attendedMinutes
          let entry = ledger.entries[index]
          if entry.revoked {
            run.revoked.append(entry)
          } else if entry.supersededBy != nil {
            run.superseded.append(entry)
          } else {
            run.issued.append(
              IssuedCertificate(entry: entry, isNew: false, meetsRule: judged[awardIndex].isEligible))
          }
        }
        if holds.isEmpty,
          !run.issued.contains(where: { $0.entry.participant == person.id && rank[$0.entry.award] != nil }),
          let first = group.first, let missing = judged.first?.missing
        {
          run.notEligible.append(NotEligible(participant: person.id, award: first.id, missing: missing))
        }
      }
    }
    for issued in run.issued where !issued.meetsRule {
      run.diagnostics.append(
        .warning(
          Catalogue.certificateRuleNoLongerMet, (issued.entry.number, issued.entry.participant, programme.id),
          at: SourceLocation(file: ledgerFile.path))
      )
    }
    do {
      run.files = try write(
        run, ledger: ledger, folder: folder, register: register, siteURL: siteURL, generator: &generator)
    } catch {
      run.diagnostics.append(
        .error(
          Catalogue.certificateUnwritable, error.localizedDescription, at: SourceLocation(file: folder.path)))
    }
    return run
  }

  /// Renders every file of the run and commits them together (`CertificateCommit`).
  private func write<G: RandomNumberGenerator>(
    _ run: CertificateRun, ledger: CertificateLedger, folder: URL, register: URL, siteURL: String?,
    generator: inout G
  ) throws -> [URL] {
    var files: [(name: String, data: Data)] = []
    let people = Dictionary(roster.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let awards = Dictionary(programme.allAwards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let renderer = CertificatePage(programme: programme, siteURL: siteURL)
    var pages: [String] = []
    for issued in run.issued.sorted(by: { $0.entry.number < $1.entry.number }) {
      guard let award = awards[issued.entry.award] else { continue }
      let body = renderer.body(issued.entry, award: award, person: people[issued.entry.participant])
      pages.append(body)
      files.append(
        (
          Self.fileName(issued.entry),
          Data(renderer.document(title: issued.entry.number, bodies: [body]).utf8)
        ))
    }
    files.append(("all.html", Data(renderer.document(title: programme.title, bodies: pages).utf8)))
    files.append(("ledger.csv", ledger.csv()))
    files.append(("ledger.xlsx", try ledger.xlsx()))
    // The salt stays the same across runs, so published digests of old certificates stay
    // valid; a register from before it left private/ gives its salt once.
    let legacy = folder.appendingPathComponent(VerificationList.fileName)
    let salt =
      [register, legacy].lazy.compactMap {
        (try? Data(contentsOf: $0)).flatMap { try? VerificationList.read($0) }
      }
      .first(where: { $0.programme == programme.id })?.salt
      ?? VerificationCode.salt(using: &generator)
    let entries = ledger.entries.compactMap { entry -> VerificationList.Entry? in
      guard let award = awards[entry.award] else { return nil }
      return VerificationList.Entry(
        digest: VerificationCode.digest(salt: salt, number: entry.number, code: entry.code),
        status: entry.isValid ? "valid" : "revoked", title: award.title,
        dates: renderer.trainingDates(of: award), issued: entry.issued)
    }
    let list = VerificationList(
      programme: programme.id, programmeTitle: programme.title, salt: salt, entries: entries)
    let gone = (run.revoked + run.superseded).map(Self.fileName) + [VerificationList.fileName]
    let commit = CertificateCommit(folder: folder, register: register, writeFile: writeFile)
    return try commit.commit(files: files, removing: gone, register: try list.json())
  }

  /// `NUMBER.html`, with characters a file system refuses replaced.
  static func fileName(_ entry: LedgerEntry) -> String {
    String(entry.number.map { "/\\:*?\"<>| ".contains($0) ? "_" : $0 }) + ".html"
  }
}
