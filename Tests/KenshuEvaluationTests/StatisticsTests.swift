import Foundation
import Testing

@testable import KenshuEvaluation

/// Reference values produced by `scripts/reference-statistics.py` with SciPy 1.17.
struct StatisticsReference: Decodable {
  struct Paired: Decodable {
    struct Wilcoxon: Decodable {
      var statistic: Double?
      var p: Double?
    }
    struct TTest: Decodable {
      var t: Double?
      var df: Double?
      var p: Double?
    }
    var name: String
    var post: [Double]
    var pre: [Double]
    var wilcoxon: Wilcoxon
    var z: Double?
    var tTest: TTest
    var dz: Double?
    var meanChange: Double?
  }
  struct DescriptiveCase: Decodable {
    var name: String
    var values: [Double]
    var mean: Double?
    var sd: Double?
    var median: Double?
  }
  struct WilsonCase: Decodable {
    var count: Int
    var n: Int
    var interval: [Double?]
  }
  struct CronbachCase: Decodable {
    var name: String
    var points: Int
    var reverse: [Int]
    var rows: [[Double?]]
    var alpha: Double?
  }
  struct BetaCase: Decodable {
    var x: Double
    var a: Double
    var b: Double
    var value: Double
  }
  struct TCase: Decodable {
    var t: Double
    var df: Double
    var cdf: Double
  }
  struct NormalCase: Decodable {
    var x: Double
    var cdf: Double
  }
  var paired: [Paired]
  var descriptive: [DescriptiveCase]
  var wilson: [WilsonCase]
  var cronbach: [CronbachCase]
  var incompleteBeta: [BetaCase]
  var studentT: [TCase]
  var normal: [NormalCase]

  static func load() throws -> StatisticsReference {
    try JSONDecoder().decode(
      StatisticsReference.self, from: fixtureData("statistics-reference", "json"))
  }
}

@Suite struct StatisticsTests {
  let reference: StatisticsReference

  init() throws { reference = try StatisticsReference.load() }

  @Test func test_descriptives_matchNumPy_includingEmptyAndSingleValues() {
    for item in reference.descriptive {
      let result = Descriptive(item.values)
      #expect(matches(result.mean, item.mean), "\(item.name) mean")
      #expect(matches(result.sd, item.sd), "\(item.name) sd")
      #expect(matches(result.median, item.median), "\(item.name) median")
    }
  }

  @Test func test_wilsonInterval_matchesStatsmodelsFormula() {
    for item in reference.wilson {
      let interval = Proportion(count: item.count, of: item.n).wilsonInterval()
      #expect(matches(interval.low, item.interval[0]), "\(item.count)/\(item.n) low")
      #expect(matches(interval.high, item.interval[1]), "\(item.count)/\(item.n) high")
    }
  }

  @Test func test_wilcoxon_matchesSciPyAutoMethod_withTiesZerosAndTinySamples() {
    for item in reference.paired {
      let result = WilcoxonSignedRank(x: item.post, y: item.pre)
      #expect(matches(result.statistic, item.wilcoxon.statistic), "\(item.name) statistic")
      #expect(matches(result.p, item.wilcoxon.p), "\(item.name) p = \(result.p)")
      #expect(matches(result.z, item.z), "\(item.name) z")
    }
  }

  @Test func test_wilcoxon_choosesMethodAsSciPyDoes() {
    #expect(WilcoxonSignedRank(differences: [1, 2, 3, -4, 5]).method == .exact)
    #expect(WilcoxonSignedRank(differences: [1, 1, 3, -4, 5]).method == .permutation)
    #expect(WilcoxonSignedRank(differences: [0, 1, 3, -4, 5]).method == .permutation)
    #expect(WilcoxonSignedRank(differences: (1...14).map { Double($0 % 3) }).method == .normalApproximation)
    #expect(WilcoxonSignedRank(differences: (1...51).map(Double.init)).method == .normalApproximation)
    #expect(WilcoxonSignedRank(differences: (1...50).map(Double.init)).method == .exact)
  }

  @Test func test_wilcoxon_effectSize_isZOverRootOfNonZeroPairs() {
    let result = WilcoxonSignedRank(differences: [0, 1, 2, 2, 3, -1, 4, 0, 1, 2, 3, 1, 2, 5, 1])
    #expect(result.nonZero == 13)
    #expect(abs(result.r - result.z / 13.0.squareRoot()) < 1e-12)
    #expect(result.r > 0)
  }

  @Test func test_pairedTTest_matchesSciPyTtestRel_andDzIsSigned() {
    for item in reference.paired {
      let result = PairedTTest(x: item.post, y: item.pre)
      #expect(matches(result.t, item.tTest.t), "\(item.name) t = \(result.t)")
      #expect(matches(result.df, item.tTest.df), "\(item.name) df")
      #expect(matches(result.p, item.tTest.p), "\(item.name) p = \(result.p)")
      #expect(matches(result.dz, item.dz), "\(item.name) dz")
      #expect(matches(result.meanDifference, item.meanChange), "\(item.name) mean change")
    }
  }

  @Test func test_cronbachAlpha_reverseKeysAndDeletesListwise() {
    for item in reference.cronbach {
      let result = CronbachAlpha(rows: item.rows, reverse: Set(item.reverse), points: item.points)
      #expect(matches(result.alpha, item.alpha), "\(item.name) alpha = \(result.alpha)")
    }
  }

  @Test func test_incompleteBeta_isAccurateTo1e10() {
    for item in reference.incompleteBeta {
      let value = SpecialFunctions.regularizedIncompleteBeta(a: item.a, b: item.b, x: item.x)
      #expect(abs(value - item.value) < 1e-10, "I_\(item.x)(\(item.a), \(item.b)) = \(value)")
    }
  }

  @Test func test_studentAndNormalCDF_matchSciPy() {
    for item in reference.studentT {
      let value = SpecialFunctions.studentTCDF(item.t, df: item.df)
      #expect(abs(value - item.cdf) < 1e-10, "t=\(item.t) df=\(item.df)")
    }
    for item in reference.normal {
      let value = SpecialFunctions.normalCDF(item.x)
      #expect(abs(value - item.cdf) <= 1e-12 * max(1e-300, item.cdf) + 1e-15, "x=\(item.x)")
    }
  }
}

@Suite struct FrequencyTests {
  @Test func test_descriptivesFromPointCounts_equalThoseOfTheExpandedAnswers() {
    for counts in [
      [0, 0, 0, 0, 0], [1, 0, 0, 0, 0], [0, 2, 0, 1, 0], [3, 5, 8, 13, 21], [4, 0, 0, 0, 4],
    ] {
      let expanded = counts.enumerated().flatMap {
        Array(repeating: Double($0.offset + 1), count: $0.element)
      }
      let fromCounts = Descriptive(pointCounts: counts)
      let direct = Descriptive(expanded)
      #expect(matches(fromCounts.mean, direct.mean.isNaN ? nil : direct.mean, tolerance: 1e-12))
      #expect(matches(fromCounts.sd, direct.sd.isNaN ? nil : direct.sd, tolerance: 1e-12))
      #expect(matches(fromCounts.median, direct.median.isNaN ? nil : direct.median, tolerance: 1e-12))
    }
  }

  @Test func test_characterBigrams_countAnswersNotOccurrences_andSkipPureHiragana() {
    let bigrams = CharacterBigrams.frequent(in: ["多職種連携が大切。多職種で話した", "多職種の役割", "ありがとう", "ありがとう"])
    #expect(bigrams.first == EvaluationReport.BigramCount(bigram: "多職", answers: 2))
    #expect(!bigrams.contains { $0.bigram == "あり" })
  }
}
