import Testing

@testable import KenshuEvaluation

/// `CronbachAlpha(points:)` reads 4-byte point columns; the reference is `init(columns:)` on
/// the same answers as `Double?`. The figures must be equal bit for bit (summary.json prints
/// them in full), NaN where the reference is NaN.
@Suite struct CronbachPointsTests {
  static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

  @Test func test_alphaFromPoints_equalsAlphaFromDoubles_bitForBit() {
    var generator = SplitMix(seed: 31)
    for round in 0..<200 {
      let items = Int(generator.next() % 6)
      let respondents = [0, 1, 2, 3, 10, 57, 400][round % 7]
      let scale = Int(generator.next() % 7) + 2
      let missingShare = generator.next() % 4
      // Some columns shorter than others, as after files with fewer rows.
      let points: [[Int32]] = (0..<items).map { _ in
        let length = respondents - (generator.next() % 5 == 0 ? Int(generator.next() % 3) : 0)
        return (0..<max(length, 0)).map { _ in
          generator.next() % 10 < missingShare
            ? CronbachAlpha.missingPoint : Int32(generator.next() % UInt64(scale)) + 1
        }
      }
      // Constant columns too: no variance in the totals.
      let columns =
        round % 13 == 0 ? points.map { $0.map { $0 == CronbachAlpha.missingPoint ? $0 : 3 } } : points
      let doubles = columns.map { $0.map { $0 == CronbachAlpha.missingPoint ? nil : Double($0) } }
      let reverse = Set((0..<items).filter { _ in generator.next() % 3 == 0 })
      let reference = CronbachAlpha(columns: doubles, reverse: reverse, points: scale)
      let compact = CronbachAlpha(points: columns, reverse: reverse, points: scale)
      #expect(compact.items == reference.items)
      #expect(compact.completeCases == reference.completeCases)
      #expect(Self.same(compact.alpha, reference.alpha), "round \(round)")
      let referenceDeleted = CronbachAlpha.ifDeleted(columns: doubles, reverse: reverse, points: scale)
      let compactDeleted = CronbachAlpha.ifDeleted(points: columns, reverse: reverse, points: scale)
      #expect(compactDeleted.count == referenceDeleted.count)
      #expect(zip(compactDeleted, referenceDeleted).allSatisfy { Self.same($0, $1) }, "round \(round)")
      let (together, togetherDeleted) = CronbachAlpha.withIfDeleted(
        points: columns, reverse: reverse, points: scale)
      #expect(together.items == reference.items)
      #expect(together.completeCases == reference.completeCases)
      #expect(Self.same(together.alpha, reference.alpha), "round \(round)")
      #expect(togetherDeleted.count == referenceDeleted.count)
      #expect(zip(togetherDeleted, referenceDeleted).allSatisfy { Self.same($0, $1) }, "round \(round)")
    }
  }

  /// `withIfDeleted` subtracts an item's scores from the totals: exact for whole numbers, also
  /// on large scales, long measures and the extreme points a 4-byte column holds.
  @Test func test_withIfDeleted_equalsSeparateFigures_onWideAndExtremeScales() {
    var generator = SplitMix(seed: 1_818)
    for round in 0..<40 {
      let items = [2, 3, 12, 40][round % 4]
      let scale = [5, 101, 1_000_000, Int(Int32.max) - 1][round / 4 % 4]
      let respondents = 300
      let columns: [[Int32]] = (0..<items).map { _ in
        (0..<respondents).map { _ in
          generator.next() % 20 == 0
            ? CronbachAlpha.missingPoint
            : round % 5 == 0 ? Int32.max : Int32(generator.next() % UInt64(scale)) + 1
        }
      }
      let reverse = Set((0..<items).filter { _ in generator.next() % 2 == 0 })
      let alpha = CronbachAlpha(points: columns, reverse: reverse, points: scale)
      let deleted = CronbachAlpha.ifDeleted(points: columns, reverse: reverse, points: scale)
      let (together, togetherDeleted) = CronbachAlpha.withIfDeleted(
        points: columns, reverse: reverse, points: scale)
      #expect(together.completeCases == alpha.completeCases)
      #expect(Self.same(together.alpha, alpha.alpha), "round \(round)")
      #expect(togetherDeleted.count == deleted.count)
      #expect(zip(togetherDeleted, deleted).allSatisfy { Self.same($0, $1) }, "round \(round)")
    }
  }
}
