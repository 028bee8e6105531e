import Testing
@testable import KenshuRosters

@Test func placeholder_KenshuRosters_builds() { #expect(Bool(true)) }
