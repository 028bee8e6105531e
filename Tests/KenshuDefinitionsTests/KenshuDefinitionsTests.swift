import Testing
@testable import KenshuDefinitions

@Test func placeholder_KenshuDefinitions_builds() { #expect(Bool(true)) }
