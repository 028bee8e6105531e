import Testing
@testable import KenshuXML

@Test func placeholder_KenshuXML_builds() { #expect(Bool(true)) }
