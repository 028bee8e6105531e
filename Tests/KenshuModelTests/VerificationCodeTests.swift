import KenshuModel
import Testing

/// The published digest is a fixed function of salt, number and code, the same the verify
/// page's script computes (assets/verify.js); codes typed loosely are read alike.
@Suite struct VerificationCodeTests {
  @Test func test_digest_isSHA256OfTheDocumentedText() {
    // printf 'kenshu-certificate-v1\n00ff\nR8-多職種-001\nABCD1234WXYZ' | sha256sum
    #expect(
      VerificationCode.digest(salt: "00ff", number: "R8-多職種-001", code: "ABCD-1234-WXYZ")
        == "ee6c0369db596779be8d07fbb18cf8fd0782c0490cf4d3efebab4016f1d7feb9")
  }

  @Test(arguments: ["abcd-1234-wxyz", "ABCD1234WXYZ", " ＡＢＣＤ－１２３４－ＷＸＹＺ ", "ABCD-I234-WXYZ"])
  func test_looselyTypedCodes_readAsTheCode(_ typed: String) {
    #expect(VerificationCode.canonical(typed) == "ABCD1234WXYZ")
  }

  @Test func test_generatedCodes_useCrockfordsAlphabet() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let code = VerificationCode.generate(using: &generator)
      #expect(code.count == 19)
      #expect(VerificationCode.canonical(code).count == 16)
      #expect(!code.contains { "ILOU".contains($0) })
    }
  }
}
