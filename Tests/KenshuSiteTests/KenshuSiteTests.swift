import Testing
@testable import KenshuSite

@Test func placeholder_KenshuSite_builds() { #expect(Bool(true)) }
