import Foundation
import KenshuModel

/// Which edition of the site a build writes.
///
/// The learner edition is the public site: it has no facilitator page, no link to one, and no
/// facilitator-only text (facilitator notes, answer keys of cases, phase prompts) in any page,
/// in the search index or among the copied `content/` files. The facilitator edition holds
/// everything: the learner pages plus the facilitator pages under `facilitator/`, with search
/// over both. It is meant for the people running the sessions and goes to a private folder
/// unless the project publishes it (`<site publish-facilitator="true">`).
public enum SiteEdition: String, Sendable, Hashable, Codable, CaseIterable {
  case learner
  case facilitator

  /// What a build asked for `self` actually writes: a project that publishes its facilitator
  /// material (open courses, the Carpentries style) gets everything in its learner site too.
  public func effective(for settings: SiteSettings) -> SiteEdition {
    settings.publishFacilitator ? .facilitator : self
  }

  /// Where `kenshu build --edition …` writes by default, relative to the project folder: the
  /// facilitator edition goes to `private/` (which a project's `.gitignore` keeps out of git
  /// and which is never published), away from `site/`.
  public var defaultOutput: String {
    switch self {
    case .learner: ProjectLayout.Name.site
    case .facilitator: ProjectLayout.Name.facilitatorSite
    }
  }

  /// The edition in words, for messages (Japanese first).
  public var label: String { "\(labelText.ja.message) / \(labelText.en.message)" }

  /// The edition in words, in both languages.
  public var labelText: Bilingual {
    switch self {
    case .learner: Bilingual(ja: "受講者用", en: "learner edition")
    case .facilitator: Bilingual(ja: "ファシリテーター用・全ページ", en: "facilitator edition, all pages")
    }
  }

  /// Whether this edition's pages include the facilitator views.
  var includesFacilitatorPages: Bool { self == .facilitator }
}

extension ProjectLayout {
  /// Where `edition` is written by default (`SiteEdition.defaultOutput`).
  public func output(for edition: SiteEdition) -> URL {
    edition == .learner ? site : facilitatorSite
  }
}
