import KenshuModel

/// What a submission is for, as the catalogue in force had it when the request arrived: the
/// survey (with its fingerprint) or the collecting module. Looked up once per request, so a
/// rebuild that swaps the catalogue meanwhile cannot make one request see two catalogues.
public enum SubmissionTarget: Sendable {
  case survey(id: String, survey: Survey, fingerprint: String)
  case module(id: String, module: SelfStudyModule)

  /// The survey's or module's id.
  public var id: String {
    switch self {
    case .survey(let id, _, _), .module(let id, _): id
    }
  }
}

extension CollectionCatalog {
  /// The survey `id`, when this catalogue has it.
  public func survey(_ id: String) -> SubmissionTarget? {
    surveys[id].map { .survey(id: id, survey: $0, fingerprint: fingerprints[id] ?? "") }
  }

  /// The module `id`, when it collects completions.
  public func module(_ id: String) -> SubmissionTarget? {
    modules[id].map { .module(id: id, module: $0) }
  }
}
