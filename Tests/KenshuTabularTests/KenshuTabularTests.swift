import Testing
@testable import KenshuTabular

@Test func placeholder_KenshuTabular_builds() { #expect(Bool(true)) }
