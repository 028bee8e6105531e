import KenshuModel

/// A page of a self-study module other than its overview. Indices point into
/// `SelfStudyModule.lessons` and `.scenarios`.
public enum ModulePart: Sendable, Hashable {
  case lesson(Int)
  case scenario(Int)
  case quiz
  case certificate

  /// The template that renders this part.
  public var templateName: String {
    switch self {
    case .lesson: "module-lesson"
    case .scenario: "module-scenario"
    case .quiz: "module-quiz"
    case .certificate: "module-certificate"
    }
  }

  /// The module's pages besides the overview, in the order a participant goes through them:
  /// lessons, then scenarios, then the quiz, then the certificate (only when there is a quiz
  /// to pass or lessons to complete).
  public static func all(of module: SelfStudyModule) -> [ModulePart] {
    var parts =
      module.lessons.indices.map(ModulePart.lesson) + module.scenarios.indices.map(ModulePart.scenario)
    if module.quiz != nil { parts.append(.quiz) }
    if module.certificate != nil { parts.append(.certificate) }
    return parts
  }
}

extension SiteRoutes {
  /// A module page's site-relative path. All pages of a module share its folder, so links
  /// between them are plain file names and the folder can be packaged on its own (SCORM).
  public static func module(_ module: SelfStudyModule, _ part: ModulePart?) -> String {
    switch part {
    case nil: SiteLayout.module(module.id)
    case .lesson(let index): SiteLayout.lesson(module.id, module.lessons[index].id)
    case .scenario(let index): SiteLayout.scenario(module.id, module.scenarios[index].id)
    case .quiz: SiteLayout.quiz(module.id)
    case .certificate: SiteLayout.certificate(module.id)
    }
  }

  /// The module's pages, overview first.
  static func modulePages(_ module: SelfStudyModule) -> [SitePage] {
    [SitePage(path: Self.module(module, nil), kind: .module(id: module.id))]
      + ModulePart.all(of: module).map {
        SitePage(path: Self.module(module, $0), kind: .modulePart(id: module.id, part: $0))
      }
  }
}
