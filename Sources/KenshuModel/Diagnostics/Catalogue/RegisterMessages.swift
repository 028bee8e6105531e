/// The public certificate register, `verification/PROGRAMME.json` (docs/training-day.md).
extension Catalogue {
  public static let registerUnreadable = MessageTemplate<(file: String, reason: Bilingual)>(
    "register-unreadable",
    sample: ("verification/p.json", Bilingual(ja: "JSON ではありません", en: "it is not JSON")),
    ja: {
      Wording(
        "公開用の証書登録 \($0.file) を読めません: \($0.reason.ja)",
        hint: "kenshu certificates をもう一度実行すると書き直されます")
    },
    en: {
      Wording(
        "cannot read the public certificate register \($0.file): \($0.reason.en)",
        hint: "run kenshu certificates again to rewrite it")
    })

  public static let registerUnknownProgramme = MessageTemplate<(file: String, programme: String)>(
    "register-unknown-programme", sample: ("verification/p.json", "p"),
    ja: {
      Wording(
        "\($0.file) は <award> のある研修 \"\($0.programme)\" の登録ではありません",
        hint: "ファイル名は研修の id（PROGRAMME.json）にしてください。研修を消したのなら登録も消してください")
    },
    en: {
      Wording(
        "\($0.file) is not the register of a programme with an <award> (\"\($0.programme)\")",
        hint: "name it after the programme (PROGRAMME.json); remove it with the programme")
    })

  public static let registerNotPublic = MessageTemplate<(file: String, what: String)>(
    "register-not-public", sample: ("verification/p.json", "\"name\""),
    ja: {
      Wording(
        "公開用の証書登録 \($0.file) に公開できないもの（\($0.what)）があります",
        hint: "登録には照合用のハッシュ・状態・証書名・研修日・発行日だけを書きます。kenshu certificates で書き直してください")
    },
    en: {
      Wording(
        "the public certificate register \($0.file) holds what must not be published (\($0.what))",
        hint: "it holds only digests, status, title and dates; rewrite it with kenshu certificates")
    })

  public static let registerOutOfDate = MessageTemplate<(file: String, ledger: String)>(
    "register-out-of-date", sample: ("verification/p.json", "private/certificates/p/ledger.csv"),
    ja: {
      Wording(
        "公開用の証書登録 \($0.file) が台帳 \($0.ledger) と合っていません",
        hint: "kenshu certificates を実行してから登録をコミットし、サイトを作り直してください")
    },
    en: {
      Wording(
        "the public certificate register \($0.file) does not match the ledger \($0.ledger)",
        hint: "run kenshu certificates, commit the register and build again")
    })

  static let registerEntries: [CatalogueEntry] = [
    registerUnreadable.entry, registerUnknownProgramme.entry, registerNotPublic.entry,
    registerOutOfDate.entry,
  ]
}
