import KenshuEvaluation
import KenshuModel
import KenshuRosters

/// The programme report (実施報告) an organiser hands to a committee: what the programme was,
/// when and how long it ran, who taught, which work items (事業項目) it served, who took part
/// (profession × municipality), attendance and completion, and the evaluation's highlights.
/// Every figure is in `report.json` (fields in docs/reports.md).
///
/// The shareable copy (`shareable: true`) names no one — instructors appear by profession
/// only — and its participant table is suppressed with the audited small-cell protection
/// (`PublicCrossTab`, docs/privacy.md); evaluation highlights never hold free text.
public struct ProgrammeReport: Sendable, Hashable, Codable {
  /// One course (day) of the programme in the reported period.
  public struct CourseFigures: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var date: String?
    public var start: String?
    public var end: String?
    public var mode: String?
    /// Learning sessions (lectures, group work, …; not opening, breaks or closing).
    public var sessions: Int
    public var learningMinutes: Int
  }

  /// A work item the programme serves: `ka`, `（カ）`, 医療・介護関係者の研修.
  public struct ServedItem: Sendable, Hashable, Codable {
    public var code: String
    public var letter: String
    public var label: String
  }

  /// Someone who taught: name and id only in the organiser's copy.
  public struct Instructor: Sendable, Hashable, Codable {
    public var id: String?
    public var name: String?
    public var profession: String
    /// Sessions taught in the reported period.
    public var sessions: Int
  }

  /// A count table: cells nil where suppressed (shareable copy only).
  public struct CountTable: Sendable, Hashable, Codable {
    public var rowKey: String
    public var columnKey: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var cells: [[Int?]]
    public var rowTotals: [Int?]
    public var columnTotals: [Int?]
    public var total: Int?
    /// Hidden counts (cells and totals); 0 in the organiser's copy.
    public var suppressed: Int
    /// Smallest count shown (shareable copy), nil when nothing is suppressed by rule.
    public var minCell: Int?
  }

  /// Attendance and completion from the attendance records (`<attendance>`), when present.
  public struct AttendanceFigures: Sendable, Hashable, Codable {
    public struct SessionAttendance: Sendable, Hashable, Codable {
      public var id: String
      public var title: String
      public var attended: Int
    }
    public struct AwardFigures: Sendable, Hashable, Codable {
      public var id: String
      public var title: String
      public var kind: String
      /// Participants who meet the award's completion rule (certificates to issue).
      public var eligible: Int
      /// eligible / enrolled.
      public var rate: Double?
    }
    /// Participants (trainees of the programme's roster).
    public var enrolled: Int
    /// Of them, those recorded at one session or more.
    public var attended: Int
    public var attendanceRate: Double?
    public var sessions: [SessionAttendance]
    public var awards: [AwardFigures]
  }

  /// The evaluation's highlights, from the same statistics as `kenshu evaluate`.
  public struct EvaluationHighlights: Sendable, Hashable, Codable {
    public struct Rated: Sendable, Hashable, Codable {
      public var item: String
      public var text: String
      public var top2box: Double?
      public var mean: Double?
      public var n: Int
    }
    public struct Change: Sendable, Hashable, Codable {
      public var item: String
      public var text: String
      public var pairs: Int
      public var meanBefore: Double?
      public var meanAfter: Double?
      public var meanChange: Double?
      public var p: Double?
    }
    public struct Reliability: Sendable, Hashable, Codable {
      public var title: String
      public var cronbachAlpha: Double?
      public var completeCases: Int
      /// The evaluation report's cautions (α negative or low, few complete cases); empty when none.
      public var cautions: [String]
    }
    public var survey: String
    public var title: String
    public var responses: Int
    public var invited: Int?
    public var rate: Double?
    /// Likert items by top-2-box, highest first.
    public var items: [Rated]
    public var changes: [Change]
    public var reliability: [Reliability]
  }

  public var programme: String
  public var title: String
  public var subtitle: String?
  public var edition: String?
  public var organiser: String?
  public var venue: String?
  /// The purpose (研修の目的) as Markdown text.
  public var purpose: String?
  /// `2026` for April 2026 – March 2027; nil for the whole programme.
  public var fiscalYear: Int?
  public var firstDate: String?
  public var lastDate: String?
  public var courses: [CourseFigures]
  public var sessions: Int
  public var learningMinutes: Int
  public var serves: [ServedItem]
  public var instructors: [Instructor]
  /// Distinct facilitators of group work in the period.
  public var facilitators: Int
  /// Trainees of the programme's roster by profession × municipality.
  public var participants: CountTable?
  public var attendance: AttendanceFigures?
  public var evaluations: [EvaluationHighlights]
  public var shareable: Bool
}
