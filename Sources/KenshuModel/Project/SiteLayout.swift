/// Where a built site puts each page and file, as site-relative paths derived from the
/// project's ids. The site generator writes exactly these paths (`SiteRoutes` forwards here), and
/// `kenshu validate` checks them for collisions before any build, so both read one list.
public enum SiteLayout {
  public static let home = "index.html"
  public static let glossary = "glossary/index.html"
  public static let search = "search/index.html"
  /// The certificate verification page (修了証の確認), published when a programme awards
  /// certificates, and the salted hashes it checks against (docs/training-day.md).
  public static let verify = "verify/index.html"
  public static let verifyData = "verify/certificates.js"
  /// Reception's check-in page (受付), published when a programme has a roster; it works when
  /// served by `kenshu serve --collect`, which answers its `POST /api/checkin`
  /// (docs/training-day.md).
  public static let checkIn = "checkin/index.html"
  public static let facilitatorNotes = "facilitator/index.html"
  /// Folder of the facilitator edition of the session pages.
  public static let facilitatorFolder = "facilitator/"

  /// The search index's manifest, the one index file the search page loads: where each
  /// chunk of terms starts and a few figures per page. A query then loads only the chunks
  /// holding its terms and the fragments of the pages it shows (docs/site.md, "Search").
  public static let searchManifest = "search/search-index.js"

  /// One chunk of the index's terms (with their postings in every part), loaded on demand.
  public static func searchChunk(_ chunk: Int) -> String { "search/t\(chunk).js" }

  /// One page's fragment of the index (its title, path and text), loaded when it is shown.
  public static func searchDocument(_ id: Int) -> String { "search/doc/\(id).js" }

  public static func programme(_ programme: String) -> String {
    "programmes/\(segment(programme))/index.html"
  }

  public static func timetable(_ programme: String, _ course: String) -> String {
    "programmes/\(segment(programme))/\(segment(course))/index.html"
  }

  /// A session's page; the facilitator's copy lives under `facilitator/`.
  public static func session(_ programme: String, _ course: String, _ session: String, facilitator: Bool)
    -> String
  {
    // One file per session in the course's `sessions/` folder rather than a folder each: on
    // big sites the extra `mkdir` per page costs more than rendering it.
    let path = "programmes/\(segment(programme))/\(segment(course))/sessions/\(segment(session)).html"
    return facilitator ? facilitatorFolder + path : path
  }

  /// A course's facilitator pack (facilitator edition only).
  public static func facilitatorPack(_ programme: String, _ course: String) -> String {
    facilitatorFolder + "programmes/\(segment(programme))/\(segment(course))/pack/index.html"
  }

  public static func handout(_ programme: String, _ course: String) -> String {
    "programmes/\(segment(programme))/\(segment(course))/handout/index.html"
  }

  /// The programme's iCalendar file.
  public static func calendar(_ programme: String) -> String {
    "programmes/\(segment(programme))/\(segment(programme)).ics"
  }

  public static func survey(_ id: String) -> String { "surveys/\(segment(id))/index.html" }
  public static func module(_ id: String) -> String { "modules/\(segment(id))/index.html" }

  /// The folder holding every page of a module.
  public static func moduleFolder(_ id: String) -> String { "modules/\(segment(id))/" }
  public static func lesson(_ module: String, _ lesson: String) -> String {
    moduleFolder(module) + "lesson-\(segment(lesson)).html"
  }
  public static func scenario(_ module: String, _ scenario: String) -> String {
    moduleFolder(module) + "scenario-\(segment(scenario)).html"
  }
  public static func quiz(_ module: String) -> String { moduleFolder(module) + "quiz.html" }
  public static func certificate(_ module: String) -> String { moduleFolder(module) + "certificate.html" }

  /// An id as a folder name: ASCII letters, digits, `-`, `_` and `.` are kept, anything else
  /// becomes `_`, and names made only of dots are prefixed, so an id can never leave its folder.
  public static func segment(_ id: String) -> String {
    // Decided on UTF-8 bytes: `validate` plans every page of every file (OutputPathCheck), and
    // Unicode property look-ups per scalar were 3 % of its CPU on 1,001 files. Every byte of a
    // multi-byte scalar is ≥ 0x80, so each non-ASCII scalar becomes one "_", as before.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(id.utf8.count)
    var onlyDots = true
    for byte in id.utf8 {
      if byte >= 0x80 {
        // A continuation byte belongs to the scalar whose lead byte was already replaced.
        if byte & 0xC0 == 0x80 { continue }
        bytes.append(UInt8(ascii: "_"))
        onlyDots = false
        continue
      }
      let keep =
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
      bytes.append(keep ? byte : UInt8(ascii: "_"))
      if byte != UInt8(ascii: ".") { onlyDots = false }
    }
    if bytes.isEmpty || onlyDots { bytes.insert(UInt8(ascii: "_"), at: 0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The previous, scalar-by-scalar `segment`: kept as the reference the byte version is tested
  /// against.
  static func referenceSegment(_ id: String) -> String {
    var out = ""
    for ch in id.unicodeScalars {
      let keep =
        ch.isASCII
        && (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || "-_.".unicodeScalars.contains(ch))
      out.unicodeScalars.append(keep ? ch : "_")
    }
    if out.isEmpty || out.allSatisfy({ $0 == "." }) { out = "_" + out }
    return out
  }

  /// One file a build may write, and what in the project it comes from.
  public struct PlannedFile: Sendable, Hashable {
    public var path: String
    /// What the file is, without its element: `the timetable of`, or `the home page`.
    public var role: String
    /// The element and id that made the path (`<course> "day1"`), when there is one.
    public var element: String?
    public var id: String?
    /// The definition whose id made the path, when there is one.
    public var location: SourceLocation?

    public init(
      path: String, role: String, element: String? = nil, id: String? = nil, location: SourceLocation? = nil
    ) {
      self.path = path
      self.role = role
      self.element = element
      self.id = id
      self.location = location
    }

    /// What the file is for, as a message names it: `the timetable of <course> "day1"`,
    /// `<course> "day1" の時間割`. Made only when a collision is reported: `validate` plans every
    /// file of every project, and building these texts for all of them was most of the check's cost.
    public var owner: Bilingual { Catalogue.siteFileOwner(role: role, element: element, id: id) }
  }

  /// Every file a build of `project` may write whose path comes from an id, plus the fixed
  /// pages, in a stable order: a superset of what one build writes (a handout, a calendar or a
  /// facilitator page is written only when there is something to put in it), since each of
  /// them can be written by the next build.
  public static func plannedFiles(of project: Project) -> [PlannedFile] {
    var files: [PlannedFile] = [
      PlannedFile(path: home, role: "the home page"),
      PlannedFile(path: glossary, role: "the glossary page"),
      PlannedFile(path: search, role: "the search page"),
      PlannedFile(path: facilitatorNotes, role: "the facilitator notes page"),
    ]
    for programme in project.programmes {
      let p = programme.id
      let programmeFolder = "programmes/" + segment(p) + "/"
      files.append(
        PlannedFile(
          path: self.programme(p), role: "the page of", element: "programme", id: p,
          location: programme.location))
      files.append(
        PlannedFile(
          path: calendar(p), role: "the calendar of", element: "programme", id: p,
          location: programme.location))
      for course in programme.courses {
        let c = course.id
        files.append(
          PlannedFile(
            path: timetable(p, c), role: "the timetable of", element: "course", id: c,
            location: course.location))
        files.append(
          PlannedFile(
            path: handout(p, c), role: "the handout of", element: "course", id: c, location: course.location))
        files.append(
          PlannedFile(
            path: facilitatorPack(p, c), role: "the facilitator pack of", element: "course", id: c,
            location: course.location))
        // Segments of the programme and course once per course, not twice per session; the
        // paths are those of `session(_:_:_:facilitator:)`, which a test compares.
        let sessionsFolder = programmeFolder + segment(c) + "/sessions/"
        for index in course.sessions.indices {
          let id = course.sessions[index].id
          let location = course.sessions[index].location
          let path = sessionsFolder + segment(id) + ".html"
          files.append(
            PlannedFile(path: path, role: "the page of", element: "session", id: id, location: location))
          files.append(
            PlannedFile(
              path: facilitatorFolder + path, role: "the facilitator page of", element: "session", id: id,
              location: location))
        }
      }
    }
    for item in project.surveys {
      files.append(
        PlannedFile(
          path: survey(item.id), role: "the form of", element: "survey", id: item.id, location: item.location)
      )
    }
    for item in project.modules {
      let m = item.id
      files.append(
        PlannedFile(path: module(m), role: "the page of", element: "module", id: m, location: item.location))
      for lesson in item.lessons {
        files.append(
          PlannedFile(
            path: self.lesson(m, lesson.id), role: "the page of", element: "lesson", id: lesson.id,
            location: lesson.location))
      }
      for scenario in item.scenarios {
        files.append(
          PlannedFile(
            path: self.scenario(m, scenario.id), role: "the page of", element: "scenario", id: scenario.id,
            location: scenario.location))
      }
      files.append(
        PlannedFile(path: quiz(m), role: "the quiz of", element: "module", id: m, location: item.location))
      files.append(
        PlannedFile(
          path: certificate(m), role: "the certificate of", element: "module", id: m, location: item.location)
      )
    }
    return files
  }
}
