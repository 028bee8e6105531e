import Foundation
import KenshuModel
import Logging

/// The result of one submission, independent of HTTP (the server maps it to a status).
public enum CollectOutcome: Sendable, Hashable {
  /// Committed to the store; the record id.
  case stored(id: String)
  /// No survey (or collecting module) with that id.
  case unknownTarget
  /// The answers do not fit the definition; nothing was stored.
  case invalid([SubmissionProblem])
  /// Tokens are on and the token is missing or wrong (`.missing`, `.invalid`) or used (`.used`).
  case tokenRefused(TokenCheck)
  /// The store failed; nothing is known to be stored and the client should retry.
  case storageFailed
}

/// Validates submissions against the catalog and stores the accepted ones. Logs ids, codes
/// and counts only: never answers, participant ids or names.
public final class ResponseCollector: Sendable {
  public let store: any ResponseStore
  public let limits: SubmissionLimits
  public let logger: Logger
  private let current: LockedCatalog

  public init(
    catalog: CollectionCatalog, store: any ResponseStore, limits: SubmissionLimits = .standard,
    logger: Logger = Logger(label: "kenshu.collect", factory: { _ in SwiftLogNoOpLogHandler() })
  ) {
    current = LockedCatalog(catalog)
    self.store = store
    self.limits = limits
    self.logger = logger
  }

  /// The definitions in force.
  public var catalog: CollectionCatalog { current.value }

  /// Swaps in new definitions (after a rebuild); submissions in flight finish with the old.
  public func update(_ catalog: CollectionCatalog) { current.value = catalog }

  public func knowsSurvey(_ id: String) -> Bool { catalog.surveys[id] != nil }
  public func knowsModule(_ id: String) -> Bool { catalog.modules[id] != nil }

  /// Validates and stores one survey response.
  public func submitResponse(surveyID: String, _ submission: SurveySubmission) async -> CollectOutcome {
    let catalog = catalog
    guard let survey = catalog.surveys[surveyID] else { return .unknownTarget }
    switch SubmissionValidator(survey: survey, limits: limits).validate(submission) {
    case .rejected(let problems):
      logger.info(
        "response refused",
        metadata: [
          "survey": "\(surveyID)", "problems": "\(problems.count)", "codes": "\(Self.codes(problems))",
        ])
      return .invalid(problems)
    case .accepted(let accepted):
      let record = StoredResponse(
        surveyID: surveyID, surveyHash: catalog.fingerprints[surveyID] ?? "", accepted: accepted)
      return await store(surveyID: surveyID, recordID: record.id, kind: "response") {
        try await self.store.insert(record, tokenHash: submission.token.map(ParticipantToken.hash))
      }
    }
  }

  /// Validates and stores one module completion.
  public func submitCompletion(moduleID: String, _ submission: CompletionSubmission) async -> CollectOutcome {
    guard let module = catalog.modules[moduleID] else { return .unknownTarget }
    switch CompletionValidator(module: module, limits: limits).validate(submission) {
    case .rejected(let problems):
      logger.info(
        "completion refused",
        metadata: [
          "module": "\(moduleID)", "problems": "\(problems.count)", "codes": "\(Self.codes(problems))",
        ])
      return .invalid(problems)
    case .accepted(let record):
      return await store(surveyID: moduleID, recordID: record.id, kind: "completion") {
        try await self.store.insert(record, tokenHash: submission.token.map(ParticipantToken.hash))
      }
    }
  }

  private func store(
    surveyID: String, recordID: String, kind: String, _ insert: @Sendable () async throws -> TokenCheck
  ) async -> CollectOutcome {
    do {
      let check = try await insert()
      switch check {
      case .notRequired, .accepted:
        logger.info("\(kind) stored", metadata: ["target": "\(surveyID)", "id": "\(recordID)"])
        return .stored(id: recordID)
      case .missing, .invalid, .used:
        logger.info("\(kind) refused", metadata: ["target": "\(surveyID)", "token": "\(check)"])
        return .tokenRefused(check)
      }
    } catch {
      // The error's type only: database errors can quote statements.
      logger.error(
        "\(kind) not stored: storage failed",
        metadata: ["target": "\(surveyID)", "error": "\(type(of: error))"])
      return .storageFailed
    }
  }

  static func codes(_ problems: [SubmissionProblem]) -> String {
    Set(problems.map(\.code.rawValue)).sorted().joined(separator: ",")
  }
}

/// The catalog behind a lock: read on every request, replaced after a rebuild.
final class LockedCatalog: @unchecked Sendable {
  private let lock = NSLock()
  private var catalog: CollectionCatalog

  init(_ catalog: CollectionCatalog) { self.catalog = catalog }

  var value: CollectionCatalog {
    get { lock.withLock { catalog } }
    set { lock.withLock { catalog = newValue } }
  }
}
