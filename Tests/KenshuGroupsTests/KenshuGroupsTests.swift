import Testing
@testable import KenshuGroups

@Test func placeholder_KenshuGroups_builds() { #expect(Bool(true)) }
