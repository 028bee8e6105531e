import Foundation

/// What the public site may know of a programme's certificates: for each one, the keyed hash of
/// its number and code (`VerificationCode.digest`), whether it is valid or revoked, and what it
/// was for — never a name or a participant id. Written by `kenshu certificates` into the
/// project's public register, `verification/PROGRAMME.json` (committed with the project, so a
/// site built on another machine verifies too); `kenshu build` publishes it on the verify page.
public struct VerificationList: Sendable, Hashable, Codable {
  public struct Entry: Sendable, Hashable, Codable {
    /// Hex SHA-256 of salt, number and code.
    public var digest: String
    /// `valid` or `revoked` (revoked by the organiser, or replaced by a 修了証書: superseded).
    public var status: String
    /// Certificate title (修了証書 …).
    public var title: String
    /// Training date(s), as printed.
    public var dates: String
    /// Date of issue (ISO).
    public var issued: String

    public init(digest: String, status: String, title: String, dates: String, issued: String) {
      self.digest = digest
      self.status = status
      self.title = title
      self.dates = dates
      self.issued = issued
    }
  }

  public var version: Int
  public var programme: String
  public var programmeTitle: String
  /// Random per programme, public: keeps the digests of one site useless on another.
  public var salt: String
  /// Sorted by digest, so the order tells nothing of the numbering.
  public var entries: [Entry]

  public init(programme: String, programmeTitle: String, salt: String, entries: [Entry]) {
    version = 1
    self.programme = programme
    self.programmeTitle = programmeTitle
    self.salt = salt
    self.entries = entries.sorted { $0.digest < $1.digest }
  }

  /// The file name of the list in a certificate folder before the register moved out of
  /// `private/` (still read for its salt, so that codes issued then keep verifying).
  public static let fileName = "verification.json"

  /// The statuses an entry may have.
  public static let statuses: Set<String> = ["valid", "revoked"]

  /// The programme's register in the project: `verification/PROGRAMME.json`.
  public static func registerFile(for programme: String, root: URL) -> URL {
    ProjectLayout(root: root).verification.appendingPathComponent(programme + ".json")
  }

  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  public static func read(_ data: Data) throws -> VerificationList {
    try JSONDecoder().decode(VerificationList.self, from: data)
  }

  /// The keys a register may hold, at the top and in each entry: anything else (a name, an
  /// id) has no place in a public file, and `validate` reports it.
  public static let allowedKeys: Set<String> = ["version", "programme", "programmeTitle", "salt", "entries"]
  public static let allowedEntryKeys: Set<String> = ["digest", "status", "title", "dates", "issued"]

  /// Whether `number` and `code` are a certificate of this list: its entry, or nil.
  public func verify(number: String, code: String) -> Entry? {
    let digest = VerificationCode.digest(salt: salt, number: number, code: code)
    return entries.first { $0.digest == digest }
  }
}
