import Testing
@testable import KenshuEvaluation

@Test func placeholder_KenshuEvaluation_builds() { #expect(Bool(true)) }
