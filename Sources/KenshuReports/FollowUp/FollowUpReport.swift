import KenshuModel
import KenshuRosters

/// The follow-up report of an instructor-training programme (講師人材養成のフォローアップ): by
/// prefecture or region, how many graduates ran at least one local training, how many trainings
/// they ran and how many people those reached, by profession — the figure the national
/// programme reports (受講者が地域で人材育成を実施しているかの実態把握). Every figure is in
/// `followup.json` (fields in docs/followup.md).
///
/// Graduates are counted where the roster places them (their prefecture); trainings and the
/// people reached where the training was held (its prefecture, else its first graduate's).
/// The shareable copy names no one, lists no training, and suppresses its tables with the
/// audited small-cell protection (`PublicCrossTab`, `PublicSummary`; docs/privacy.md).
public struct FollowUpReport: Sendable, Hashable, Codable {
  /// One row of the summary: a prefecture or region. Counts nil where suppressed.
  public struct Area: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    /// Graduates registered in the area (the roster's prefecture).
    public var graduates: Int?
    /// Of them, those who ran at least one local training in the period.
    public var ranTraining: Int?
    /// ranTraining / graduates.
    public var rate: Double?
    /// Trainings held in the area.
    public var trainings: Int?
    /// People those trainings reached.
    public var reached: Int?
  }

  /// Trainings of one kind.
  public struct Kind: Sendable, Hashable, Codable {
    public var kind: String
    public var label: String
    public var trainings: Int?
    public var reached: Int?
  }

  /// One training, in the organiser's copy only.
  public struct Training: Sendable, Hashable, Codable {
    public var id: String
    public var date: String?
    public var prefecture: String?
    public var municipality: String?
    public var kind: String
    public var title: String?
    /// Graduates who ran it: "name (id)".
    public var graduates: [String]
    public var coInstructors: [String]
    public var participants: Int
  }

  public var programme: String
  public var title: String
  public var roster: String
  /// `prefecture` or `region`.
  public var by: String
  public var fiscalYear: Int?
  public var firstDate: String?
  public var lastDate: String?
  /// Graduates of the programme on the roster (completion recorded, or named in a training).
  public var graduates: Int?
  /// Distinct graduates who ran at least one local training in the period.
  public var ranTraining: Int?
  public var rate: Double?
  public var trainings: Int
  /// People reached: the sum of the trainings' participants (a person at two trainings counts twice).
  public var reached: Int
  public var areas: [Area]
  /// Graduates by area × (ran at least one training, did not): the rate's table.
  public var graduatesTable: ProgrammeReport.CountTable
  /// People reached by area × profession (職種不明 for participants whose profession was not recorded).
  public var reachedTable: ProgrammeReport.CountTable
  public var kinds: [Kind]
  /// The trainings, by date; empty in the shareable copy.
  public var trainingList: [Training]
  /// Graduates whose roster says they ran local training (ran-local-training="true") but who
  /// have no training recorded: the records are incomplete by this many.
  public var reportedWithoutRecord: Int?
  public var shareable: Bool
  /// Hidden counts of the whole report (0 in the organiser's copy).
  public var suppressed: Int
  public var minCell: Int?
}
