import Testing

@testable import KenshuServer

/// The facilitator preview listens on loopback, beside the learner site's port, whatever
/// `--host` says; only an address given for it binds elsewhere.
@Suite struct FacilitatorPreviewAddressTests {
  @Test func defaults_toLoopback_onTheNextPort() {
    let address = FacilitatorPreviewAddress(learnerPort: 8080)
    #expect(address == FacilitatorPreviewAddress(learnerPort: 8080, host: "127.0.0.1", port: 8081))
    #expect(!address.isExposed)
  }

  @Test func aFreeLearnerPort_orTheLastOne_givesAFreePort() {
    #expect(FacilitatorPreviewAddress(learnerPort: 0).port == 0)
    #expect(FacilitatorPreviewAddress(learnerPort: 65535).port == 0)
    #expect(FacilitatorPreviewAddress(learnerPort: 8080, port: 9000).port == 9000)
  }

  @Test func onlyAnExplicitAddress_exposesIt() {
    #expect(FacilitatorPreviewAddress(learnerPort: 8080, host: "0.0.0.0").isExposed)
    #expect(FacilitatorPreviewAddress(learnerPort: 8080, host: "192.168.1.5").isExposed)
    #expect(!FacilitatorPreviewAddress(learnerPort: 8080, host: "localhost").isExposed)
  }

  @Test func loopback_isLocalhostTheIPv6LoopbackAnd127Slash8() {
    for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"] {
      #expect(FacilitatorPreviewAddress.isLoopback(host), "\(host)")
    }
    for host in [
      "0.0.0.0", "::", "128.0.0.1", "127.0.0.256", "127.0.0", "127.0.0.1.5", "example.org", "127.a.0.1", "",
    ] {
      #expect(!FacilitatorPreviewAddress.isLoopback(host), "\(host)")
    }
  }
}
