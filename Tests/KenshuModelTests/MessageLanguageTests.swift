import KenshuModel
import Testing

/// The language of messages: --lang, then KENSHU_LANG, then the locale, then the project.
@Suite struct MessageLanguageTests {
  @Test func test_option_winsOverEverything() {
    let environment = ["KENSHU_LANG": "ja", "LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"]
    #expect(MessageLanguage.choose(option: "en", environment: environment, projectLanguage: { "ja" }) == .en)
    #expect(MessageLanguage.choose(option: "ja", environment: ["KENSHU_LANG": "en"]) == .ja)
  }

  @Test func test_kenshuLang_winsOverTheLocale() {
    #expect(MessageLanguage.choose(environment: ["KENSHU_LANG": "en", "LANG": "ja_JP.UTF-8"]) == .en)
    #expect(MessageLanguage.choose(environment: ["KENSHU_LANG": "ja", "LC_ALL": "en_US.UTF-8"]) == .ja)
  }

  @Test func test_locale_isReadInPOSIXOrder() {
    #expect(MessageLanguage.choose(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"]) == .en)
    #expect(MessageLanguage.choose(environment: ["LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_GB"]) == .ja)
    #expect(MessageLanguage.choose(environment: ["LANG": "en_US.UTF-8"], projectLanguage: { "ja" }) == .en)
  }

  @Test func test_localesNamingNoLanguage_countAsUnset() {
    for none in ["C", "C.UTF-8", "POSIX", ""] {
      #expect(
        MessageLanguage.choose(environment: ["LANG": none], projectLanguage: { "en" }) == .en, "\(none)")
      #expect(MessageLanguage.choose(environment: ["LC_ALL": none, "LANG": "en_US.UTF-8"]) == .en, "\(none)")
    }
  }

  @Test func test_aLocaleInAnotherLanguage_leavesTheChoiceToTheProject() {
    #expect(MessageLanguage.choose(environment: ["LANG": "fr_FR.UTF-8"], projectLanguage: { "en" }) == .en)
  }

  @Test func test_theProject_isAskedOnlyWhenNothingElseDecides() {
    var asked = false
    _ = MessageLanguage.choose(
      environment: ["LANG": "en_US.UTF-8"],
      projectLanguage: {
        asked = true; return "ja"
      })
    #expect(!asked)
    #expect(MessageLanguage.choose(environment: [:], projectLanguage: { "en-GB" }) == .en)
  }

  @Test func test_withNothingSet_messagesAreJapanese() {
    #expect(MessageLanguage.choose(environment: [:]) == .ja)
    #expect(MessageLanguage.choose(environment: [:], projectLanguage: { "fr" }) == .ja)
  }
}
