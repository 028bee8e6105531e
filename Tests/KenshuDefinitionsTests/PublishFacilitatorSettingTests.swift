import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// `<site publish-facilitator="true">` opts a project in to publishing its facilitator pages;
/// anything else leaves them out of the public site.
@Suite struct PublishFacilitatorSettingTests {
  func settings(_ attribute: String) throws -> LoadResult {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "kenshu.xml",
      #"<?xml version="1.0" encoding="UTF-8"?><site xmlns="urn:kenshu:1" title="研修"\#(attribute)/>"#)
    return project.load(["kenshu.xml"])
  }

  @Test func true_publishesFacilitatorPages() throws {
    let result = try settings(#" publish-facilitator="true""#)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    #expect(result.project.settings.publishFacilitator)
  }

  @Test func absentOrFalse_keepsThemPrivate() throws {
    for attribute in ["", #" publish-facilitator="false""#] {
      let result = try settings(attribute)
      #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
      #expect(!result.project.settings.publishFacilitator)
    }
  }

  @Test func anotherValue_isASchemaError_andPublishesNothing() throws {
    let result = try settings(#" publish-facilitator="yes""#)
    #expect(result.diagnostics.contains { $0.severity == .error && $0.location.file == "kenshu.xml" })
    #expect(!result.project.settings.publishFacilitator)
  }
}
