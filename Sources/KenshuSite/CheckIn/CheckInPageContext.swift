import KenshuModel

/// The template context of reception's check-in page (`checkin/index.html`): the courses a
/// check-in can be for, so that reception can pick one when the server cannot tell today's
/// (several programmes on one day, a rehearsal on another day).
///
/// Only what the public programme pages already show — programme and course ids, titles and
/// dates. Never a roster's people: the page is in the learner edition, and the answer to a
/// check-in carries the roster id alone (`assets/checkin.js` shows it).
struct CheckInPageContext {
  let project: Project
  let format: DisplayFormat

  /// The programmes people check in for: those whose `roster` names a roster of the project
  /// (the server opens a check-in desk for exactly these).
  static func programmes(of project: Project) -> [Programme] {
    let rosters = Set(project.rosters.map(\.id))
    return project.programmes.filter { programme in
      programme.roster.map(rosters.contains) ?? false
    }
  }

  var context: [String: Any] {
    let programmes = Self.programmes(of: project)
    return [
      // One <optgroup> per programme; each option names its programme and course in data-*
      // attributes, which the script sends (an empty choice lets the server pick today's).
      "programmes": programmes.map { programme -> [String: Any] in
        [
          "title": HTMLText.plain(programme.title),
          "courses": programme.courses.map { course -> [String: Any] in
            var label = HTMLText.plain(course.title)
            if let date = course.date { label = format.date(date) + " " + label }
            return ["programme": programme.id, "course": course.id, "label": label]
          },
        ]
      }
    ]
  }
}
