import KenshuEvaluation
import KenshuModel
import KenshuRosters

extension ProgrammeReport {
  /// The report of `programme` in `project`.
  ///
  /// - Parameters:
  ///   - fiscalYear: only courses dated April `fiscalYear` to March `fiscalYear + 1` (Japan's
  ///     fiscal year, 年度); nil for every course.
  ///   - purpose: the purpose's Markdown (the caller reads a `src` file from `content/`).
  ///   - evaluations: evaluation reports of the programme's surveys (`evaluate(...)`).
  ///   - shareable: a copy to pass on: no names, suppressed participant table.
  ///   - minCell: the smallest count the shareable participant table shows.
  public init(
    project: Project, programme: Programme, fiscalYear: Int? = nil, purpose: String? = nil,
    evaluations: [EvaluationReport] = [], shareable: Bool = false, minCell: Int = 5
  ) {
    self.programme = programme.id
    title = programme.title
    subtitle = programme.subtitle
    edition = programme.edition.map { edition in
      [edition.version, edition.date].compactMap { $0 }.joined(separator: " ")
    }
    organiser = programme.organiser
    venue = programme.venue
    self.purpose = purpose
    self.fiscalYear = fiscalYear
    self.shareable = shareable
    let courses = programme.courses.filter { course in
      guard let fiscalYear else { return true }
      return course.date.map { FiscalYear.contains($0, year: fiscalYear) } ?? false
    }
    let dates = courses.compactMap(\.date).sorted()
    firstDate = dates.first
    lastDate = dates.last
    self.courses = courses.map { course in
      let learning = course.sessions.filter(\.kind.isLearningActivity)
      return CourseFigures(
        id: course.id, title: course.title, date: course.date, start: course.start?.description,
        end: course.end?.description, mode: course.mode, sessions: learning.count,
        learningMinutes: learning.reduce(0) { $0 + ($1.durationMinutes ?? 0) })
    }
    sessions = self.courses.reduce(0) { $0 + $1.sessions }
    learningMinutes = self.courses.reduce(0) { $0 + $1.learningMinutes }
    serves = programme.serves.map {
      ServedItem(code: $0.rawValue, letter: $0.letter, label: $0.japaneseLabel)
    }

    let roster = programme.roster.flatMap { project.roster($0) }
    let people = Dictionary(
      (roster?.people ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let allSessions = courses.flatMap(\.sessions)
    var taught: [String: Int] = [:]
    var order: [String] = []
    for session in allSessions {
      for id in session.instructors {
        if taught[id] == nil { order.append(id) }
        taught[id, default: 0] += 1
      }
    }
    instructors = order.map { id in
      let person = people[id]
      return Instructor(
        id: shareable ? nil : id, name: shareable ? nil : person?.name,
        profession: person?.profession.japaneseLabel ?? "不明", sessions: taught[id] ?? 0)
    }
    facilitators = Set(allSessions.flatMap(\.facilitators)).count

    let trainees = roster?.people(withRole: .trainee) ?? []
    participants =
      trainees.isEmpty
      ? nil : Self.participantTable(trainees, shareable: shareable, minCell: minCell)
    let record = project.attendance(of: programme.id)
    attendance =
      record.attendees.isEmpty
      ? nil
      : Self.attendanceFigures(
        programme: programme, courses: courses, trainees: trainees, record: record)
    self.evaluations = evaluations.map(Self.highlights)
  }

  /// Trainees by profession × municipality; in the shareable copy suppressed so that no hidden
  /// count follows from what is shown (the audited `PublicCrossTab`).
  static func participantTable(_ people: [Person], shareable: Bool, minCell: Int) -> CountTable {
    let table = RosterCrossTab(people: people, rows: .profession, columns: .municipality)
    guard shareable else {
      return CountTable(
        rowKey: "profession", columnKey: "municipality", rowLabels: table.rows.map(\.label),
        columnLabels: table.columns.map(\.label), cells: table.counts.map { $0.map { Optional($0) } },
        rowTotals: table.rowTotals, columnTotals: table.columnTotals, total: table.total, suppressed: 0,
        minCell: nil)
    }
    let published = PublicCrossTab(table, threshold: minCell)
    let cells = table.counts.indices.map { r in
      table.counts[r].indices.map { published.count(row: r, column: $0) }
    }
    let rowTotals = zip(table.rowTotals, published.hiddenRowTotals).map { $1 ? nil : Optional($0) }
    let columnTotals = zip(table.columnTotals, published.hiddenColumnTotals).map { $1 ? nil : Optional($0) }
    let hidden =
      published.hidden.joined().filter { $0 }.count + published.hiddenRowTotals.filter { $0 }.count
      + published.hiddenColumnTotals.filter { $0 }.count + (published.hiddenTotal ? 1 : 0)
    return CountTable(
      rowKey: "profession", columnKey: "municipality", rowLabels: table.rows.map(\.label),
      columnLabels: table.columns.map(\.label), cells: cells, rowTotals: rowTotals,
      columnTotals: columnTotals,
      total: published.hiddenTotal ? nil : table.total, suppressed: hidden, minCell: minCell)
  }

  static func attendanceFigures(
    programme: Programme, courses: [Course], trainees: [Person], record: AttendanceRecord
  ) -> AttendanceFigures {
    let enrolled = trainees.isEmpty ? record.attendees.map(\.person) : trainees.map(\.id)
    let enrolledSet = Set(enrolled)
    let present = record.attendees.filter { enrolledSet.contains($0.person) && !$0.sessions.isEmpty }
    let sessions = courses.flatMap(\.sessions).filter(\.kind.isLearningActivity).map { session in
      AttendanceFigures.SessionAttendance(
        id: session.id, title: session.title,
        attended: record.attendees.filter {
          enrolledSet.contains($0.person) && $0.sessions.contains(session.id)
        }
        .count)
    }
    let people = trainees.isEmpty ? [] : trainees
    let awards = programme.allAwards.map { award in
      let eligible = people.filter {
        Eligibility.judge($0, for: award, of: programme, attendance: record).isEligible
      }.count
      return AttendanceFigures.AwardFigures(
        id: award.id, title: award.title, kind: award.kind.japaneseLabel, eligible: eligible,
        rate: enrolled.isEmpty ? nil : Double(eligible) / Double(enrolled.count))
    }
    return AttendanceFigures(
      enrolled: enrolled.count, attended: present.count,
      attendanceRate: enrolled.isEmpty ? nil : Double(present.count) / Double(enrolled.count),
      sessions: sessions, awards: awards)
  }

  /// The figures `kenshu evaluate` puts at the top of its report: response rate, the items rated
  /// highest (top-2-box), the largest pre/post changes, and each scale's α with its caution.
  static func highlights(_ report: EvaluationReport) -> EvaluationHighlights {
    let rated = report.items.filter { $0.type == "likert" && $0.n > 0 && $0.top2box != nil }
      .sorted { ($0.top2box ?? 0) > ($1.top2box ?? 0) }
      .map {
        EvaluationHighlights.Rated(item: $0.id, text: $0.text, top2box: $0.top2box, mean: $0.mean, n: $0.n)
      }
    let changes = report.prePost.filter { $0.pairs > 0 && $0.meanChange != nil }
      .sorted { abs($0.meanChange ?? 0) > abs($1.meanChange ?? 0) }
      .map {
        EvaluationHighlights.Change(
          item: $0.id, text: $0.text, pairs: $0.pairs, meanBefore: $0.meanBefore, meanAfter: $0.meanAfter,
          meanChange: $0.meanChange, p: $0.wilcoxon.p)
      }
    let reliability = report.measures.map { measure in
      EvaluationHighlights.Reliability(
        title: measure.title, cronbachAlpha: measure.cronbachAlpha, completeCases: measure.completeCases,
        cautions: measure.cautions)
    }
    return EvaluationHighlights(
      survey: report.survey.id, title: report.survey.title, responses: report.responses.used,
      invited: report.responses.invited, rate: report.responses.rate, items: rated, changes: changes,
      reliability: reliability)
  }
}

/// Japan's fiscal year (年度): April 1 of `year` to March 31 of `year + 1`.
enum FiscalYear {
  /// Whether the ISO date `YYYY-MM-DD` falls in fiscal year `year`.
  static func contains(_ date: String, year: Int) -> Bool {
    let parts = date.split(separator: "-").compactMap { Int($0) }
    guard parts.count >= 2 else { return false }
    let fiscal = parts[1] >= 4 ? parts[0] : parts[0] - 1
    return fiscal == year
  }
}
