import Testing
@testable import kenshu

@Test func placeholder_kenshu_builds() { #expect(Bool(true)) }
