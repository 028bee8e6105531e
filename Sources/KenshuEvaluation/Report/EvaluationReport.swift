import KenshuModel

/// All figures of an evaluation, as written to `summary.json` (fields documented in
/// `docs/evaluation.md`). Undefined figures are nil (JSON null), never NaN.
public struct EvaluationReport: Sendable, Hashable, Codable {
  /// Which survey the report is about.
  public struct SurveyInfo: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var kind: String
    /// The survey's language (`xml:lang`, BCP 47), which the HTML report is written in; absent
    /// in reports written before it was recorded (read as Japanese).
    public var language: String?
  }

  /// How many responses were used, of how many invited, and the row accounting per file.
  public struct Responses: Sendable, Hashable, Codable {
    /// Responses used in the item figures.
    public var used: Int
    /// People invited (roster size), when known.
    public var invited: Int?
    /// used / invited.
    public var rate: Double?
    /// Row accounting per file: read, used, rejected (line, reason), excluded values.
    public var files: [RowAccount]
  }

  /// One answer category of an item with its count.
  public struct CategoryCount: Sendable, Hashable, Codable {
    public var label: String
    public var count: Int
    /// Percent of the item's n (for multiple choice: of respondents to the item).
    public var percent: Double?
  }

  /// A recurring word (noun or compound noun) of free-text answers.
  public struct KeywordCount: Sendable, Hashable, Codable {
    public var keyword: String
    /// Number of answers containing it (each answer counted once).
    public var answers: Int
  }

  /// A recurring character bigram in free text (the keywords' fallback without MeCab).
  public struct BigramCount: Sendable, Hashable, Codable {
    public var bigram: String
    /// Number of answers containing it (each answer counted once).
    public var answers: Int
  }

  /// One bar of a numeric item's histogram: answers from `low` up to `high` (both inclusive
  /// for whole-number bins of width 1, where `low == high`; otherwise `low` ≤ x < `high`, the
  /// last bin including `high`).
  public struct HistogramBin: Sendable, Hashable, Codable {
    public var low: Double
    public var high: Double
    public var count: Int
  }

  /// The figures of one survey item.
  public struct Item: Sendable, Hashable, Codable {
    public var id: String
    public var type: String
    public var text: String
    /// Evaluation level code (`1`, `2a`, …) and its Japanese label.
    public var level: String?
    public var levelLabel: String?
    /// Responses that answered the item (multiple choice: chose at least one option or "other").
    public var n: Int
    /// Responses without a (valid) answer.
    public var missing: Int
    public var counts: [CategoryCount]
    /// Retrospective items: the "before the training" answers (`counts` are the "now" ones).
    public var beforeCounts: [CategoryCount]?
    public var points: Int?
    public var reverse: Bool?
    public var mean: Double?
    public var sd: Double?
    public var median: Double?
    /// Share of answers in the two highest points.
    public var top2box: Double?
    /// Wilson 95% interval of `top2box`: [low, high].
    public var top2boxCI: [Double]?
    public var minimum: Double?
    public var maximum: Double?
    /// Numeric items: the distribution of the answers, for the report's histogram.
    public var histogram: [HistogramBin]?
    /// "Other" texts of choice items; free-text answers of text items. Organiser output: they
    /// go to `index.html` and `freetext.csv`, not to `summary.json` (which holds figures only
    /// and is the file most likely to be passed on).
    public var otherTexts: [String]?
    public var texts: [String]?
    /// Text items: recurring words by number of answers containing them; only those in at
    /// least two answers (`JapaneseKeywords`).
    public var keywords: [KeywordCount]?
    /// How `keywords` were found: `mecab-ipadic` (word segmentation) or `character-bigrams`
    /// (no MeCab dictionary installed).
    public var keywordMethod: String?
    /// `texts` and `otherTexts` tallied (not encoded: figures only go to `summary.json`).
    var textTally: TextTally?
    var otherTally: TextTally?

    enum CodingKeys: String, CodingKey {
      case id, type, text, level, levelLabel, n, missing, counts, beforeCounts, points, reverse, mean, sd,
        median, top2box
      case top2boxCI, minimum, maximum, histogram, keywords, keywordMethod
    }
  }

  /// Wilcoxon signed-rank test result (see `WilcoxonSignedRank`).
  public struct WilcoxonFigures: Sendable, Hashable, Codable {
    public var statistic: Double?
    public var p: Double?
    public var method: String
    /// Signed normal score of W+ (positive: scores went up).
    public var z: Double?
  }

  /// Paired t-test result (see `PairedTTest`).
  public struct TTestFigures: Sendable, Hashable, Codable {
    public var t: Double?
    public var df: Double?
    public var p: Double?
  }

  /// Effect sizes of a paired comparison.
  public struct EffectSize: Sendable, Hashable, Codable {
    /// r = Z / √n with n = `rN`, the number of pairs with a non-zero change.
    public var r: Double?
    public var rN: Int
    /// Cohen's d_z = mean change / SD of changes (signed; not d_av).
    public var dz: Double?
  }

  /// A paired comparison: a retrospective item, a pre/post item, or the knowledge score.
  public struct PrePost: Sendable, Hashable, Codable {
    /// Item id, or `score` for the knowledge-test total.
    public var id: String
    public var text: String
    /// `retrospective` (then-test in one sitting) or `pre-post` (two surveys paired by participant).
    public var kind: String
    public var level: String?
    public var pairs: Int
    public var meanBefore: Double?
    public var meanAfter: Double?
    public var meanChange: Double?
    public var wilcoxon: WilcoxonFigures
    public var tTest: TTestFigures
    public var effectSize: EffectSize
  }

  /// Reliability of one multi-item measure.
  public struct MeasureFigures: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var items: [String]
    public var reverseItems: [String]
    public var completeCases: Int
    public var cronbachAlpha: Double?
    /// α of the measure without each item (in `items` order), on the same complete cases; nil
    /// where undefined (e.g. a measure of two items leaves one).
    public var alphaIfDeleted: [Double?]
  }

  /// An item broken down by a grouping item, with small cells suppressed.
  public struct Breakdown: Sendable, Hashable, Codable {
    public var item: String
    public var by: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Counts; null where suppressed.
    public var cells: [[Int?]]
    /// Row percentages (of the group's total); null where suppressed.
    public var rowPercents: [[Double?]]
    /// Per cell: whether it is suppressed. One flag for every hidden cell: nothing tells a cell
    /// hidden for being small from one hidden to protect it.
    public var suppressed: [[Bool]]
    public var rowTotals: [Int]
    public var columnTotals: [Int]
    public var total: Int
    public var minCell: Int
    /// Number of suppressed cells.
    public var suppressedCells: Int
  }

  /// Records of a pre/post pair that found no partner.
  ///
  /// The ids are for the organiser's own page only: `summary.json` (and every shareable output)
  /// carries the counts, never the ids, which are often e-mail addresses.
  public struct Unmatched: Sendable, Hashable, Codable {
    /// Participant ids only in the pre file / only in the post file (not encoded).
    public var pre: [String] = []
    public var post: [String] = []
    /// How many participants are only in the pre file / only in the post file.
    public var preOnly: Int
    public var postOnly: Int
    /// Rows without a participant id, which cannot be paired.
    public var preWithoutId: Int
    public var postWithoutId: Int

    public init(pre: [String], post: [String], preWithoutId: Int, postWithoutId: Int) {
      self.pre = pre
      self.post = post
      preOnly = pre.count
      postOnly = post.count
      self.preWithoutId = preWithoutId
      self.postWithoutId = postWithoutId
    }

    enum CodingKeys: String, CodingKey {
      case preOnly, postOnly, preWithoutId, postWithoutId
    }
  }

  public var survey: SurveyInfo
  public var responses: Responses
  public var items: [Item]
  public var prePost: [PrePost]
  public var measures: [MeasureFigures]
  public var breakdowns: [Breakdown]
  /// Items whose breakdown is left out because no suppression could protect it (e.g. everyone
  /// gave the same answer, so each group's answer follows from its size).
  public var breakdownsOmitted: [String]
  public var unmatched: Unmatched?
  public var minCell: Int
}

/// nil for NaN and ±∞, so JSON never carries a non-number.
func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
