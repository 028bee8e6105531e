import Foundation
import KenshuModel
import KenshuTabular

/// One table of a group-work session as `kenshu groups` seated it: the facilitator and the
/// members with their professions. Read for the facilitator pack from the plan's CSV
/// (`private/groups-PROGRAMME-SESSION.csv`, written by `kenshu groups --session
/// PROGRAMME/SESSION --format csv`); personal data, so only the facilitator edition (which is
/// private output) shows it.
struct GroupSeating: Sendable, Hashable {
  struct Member: Sendable, Hashable {
    var name: String
    var profession: String
  }

  var round: String
  var group: String
  var facilitator: String?
  var members: [Member]

  /// The plan file of a group-work session.
  static func planFile(projectRoot: URL, programme: String, session: String) -> URL {
    ProjectLayout(root: projectRoot).privateFolder.appendingPathComponent(
      planFileName(programme: programme, session: session))
  }

  /// The name of a plan file in `private/`.
  static func planFileName(programme: String, session: String) -> String {
    "groups-\(programme)-\(session).csv"
  }

  /// The seating of every group-work session that has a plan file, keyed `PROGRAMME/SESSION`.
  /// A file that cannot be read, or lacks the plan's columns, is left out (the pack then shows
  /// no seating, as without a plan).
  static func read(projectRoot: URL, project: Project) -> [String: [GroupSeating]] {
    var result: [String: [GroupSeating]] = [:]
    // The folder is listed once rather than a path built and looked up per group-work session:
    // a serve rebuild of a facilitator edition reads the plans again, and the 10,000-session
    // project has thousands of such sessions and no plan (perf, issue 18).
    let folder = ProjectLayout(root: projectRoot).privateFolder
    guard FileManager.default.fileExists(atPath: folder.path) else { return result }
    // A folder that cannot be listed is asked about each plan by name.
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)).map(Set.init)
    for programme in project.programmes {
      for course in programme.courses {
        for session in course.sessions where session.groupWork != nil {
          let name = planFileName(programme: programme.id, session: session.id)
          guard
            names?.contains(name)
              ?? FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path),
            let read = try? Table.read(contentsOf: folder.appendingPathComponent(name)),
            let seating = tables(read.table), !seating.isEmpty
          else { continue }
          result[programme.id + "/" + session.id] = seating
        }
      }
    }
    return result
  }

  /// The tables of a plan's rows (round, group, person id, name, profession, organisation, role),
  /// in the plan's order.
  static func tables(_ table: Table) -> [GroupSeating]? {
    guard let group = table.columnIndex(named: "group"), let name = table.columnIndex(named: "name") else {
      return nil
    }
    let round = table.columnIndex(named: "round")
    let profession = table.columnIndex(named: "profession")
    let role = table.columnIndex(named: "role")
    var tables: [GroupSeating] = []
    for record in table.nonBlankRecords {
      let key = (record.value(at: round) ?? "1", record.value(at: group) ?? "")
      if tables.last.map({ ($0.round, $0.group) != key }) ?? true {
        tables.append(GroupSeating(round: key.0, group: key.1, facilitator: nil, members: []))
      }
      let person = record.value(at: name) ?? ""
      if record.value(at: role) == "facilitator" {
        tables[tables.count - 1].facilitator = person
      } else {
        tables[tables.count - 1].members.append(
          Member(name: person, profession: record.value(at: profession) ?? ""))
      }
    }
    return tables
  }
}
