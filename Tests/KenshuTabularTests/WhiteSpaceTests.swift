import Testing

@testable import KenshuTabular

/// `Unicode.Scalar.isWhiteSpace` spells out the White_Space code points instead of looking the
/// property up (issue 18: quoting `freetext.csv`); it must agree with the property everywhere.
@Suite struct WhiteSpaceTests {
  @Test func test_isWhiteSpace_equalsTheUnicodeProperty_onEveryScalar() {
    var disagreeing: [UInt32] = []
    for value in 0...UInt32(0x10FFFF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.isWhiteSpace != scalar.properties.isWhitespace { disagreeing.append(value) }
    }
    #expect(disagreeing.isEmpty, "\(disagreeing.map { String($0, radix: 16) })")
  }
}
