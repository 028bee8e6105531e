import Foundation
import KenshuModel

/// What can be collected: the project's surveys, and the modules whose definition sets
/// `collect-completion="true"`. Rebuilt from the project each time it is (re)loaded.
public struct CollectionCatalog: Sendable {
  public var surveys: [String: Survey]
  public var fingerprints: [String: String]
  public var modules: [String: SelfStudyModule]

  public init(project: Project) {
    self.init(surveys: project.surveys, modules: project.modules)
  }

  public init(surveys: [Survey], modules: [SelfStudyModule] = []) {
    var byID: [String: Survey] = [:]
    for survey in surveys where byID[survey.id] == nil { byID[survey.id] = survey }
    self.surveys = byID
    fingerprints = byID.mapValues(SurveyFingerprint.of)
    var collecting: [String: SelfStudyModule] = [:]
    for module in modules where module.collectCompletion && collecting[module.id] == nil {
      collecting[module.id] = module
    }
    self.modules = collecting
  }
}
