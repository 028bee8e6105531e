/// The programme and its edition at the top of every printed page (handout, facilitator pack,
/// programme report): `@page` margin boxes, which Chromium prints (checked with Chromium 156).
///
/// Site pages share one stylesheet, so each programme gets a named page (`@page kenshu-ID`)
/// whose top-right box carries its text, and its pages' `<body>` the class that selects it
/// (`print-ID`). The text is a CSS string built here from the definition, escaped so that no
/// title can end the string or the rule.
public enum PrintedEdition {
  /// 「多職種連携研修 · 2026.1 版（2026-08-01）」; the title alone without an edition.
  public static func label(title: String, edition: Edition?) -> String {
    guard let edition else { return title }
    return title + " · " + edition.version + " 版" + (edition.date.map { "（\($0)）" } ?? "")
  }

  /// The label of `programme`.
  public static func label(_ programme: Programme) -> String {
    label(title: programme.title, edition: programme.edition)
  }

  /// The body class that puts a programme's pages on its named page.
  public static func bodyClass(_ programme: Programme) -> String {
    "print-" + SiteLayout.segment(programme.id)
  }

  /// The named pages of every programme, for `assets/settings.css`.
  public static func namedPages(_ programmes: [Programme]) -> String {
    programmes.map { programme in
      let name = "kenshu-" + SiteLayout.segment(programme.id)
      return "@page \(name) { @top-right { \(declarations(label(programme))) } }\n"
        + "@media print { .\(bodyClass(programme)) { page: \(name); } }\n"
    }.joined()
  }

  /// The top line of an evaluation report's printed pages: the programme whose session names
  /// the survey, with its edition, then the survey and the copy (主催者用 / 提出用).
  public static func evaluationHead(survey: Survey, in project: Project, shareable: Bool) -> String {
    let programme = project.programmes.first { programme in
      programme.courses.contains { $0.sessions.contains { $0.survey == survey.id } }
    }
    return ((programme.map { [label($0)] } ?? []) + [survey.title, shareable ? "提出用" : "主催者用"])
      .joined(separator: " · ")
  }

  /// An `@page` rule that prints `text` at the top right of every page of a standalone report.
  public static func pageRule(_ text: String) -> String {
    "@page { @top-right { \(declarations(text)) } }\n"
  }

  private static func declarations(_ text: String) -> String {
    "content: \(cssString(text)); font-size: 8pt; color: #555555;"
  }

  /// `text` as a CSS string: quotes, backslashes, angle brackets and control characters as
  /// hexadecimal escapes (`\22 `), so nothing in a title can close the string, the rule or a
  /// `<style>`.
  public static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\", "<", ">", "{", "}", ";":
        out += "\\" + String(scalar.value, radix: 16) + " "
      case _ where scalar.value < 0x20 || scalar.value == 0x7f:
        out += "\\" + String(scalar.value, radix: 16) + " "
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
