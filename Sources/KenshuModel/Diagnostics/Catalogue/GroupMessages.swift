/// Forming discussion groups (docs/groups.md).
extension Catalogue {
  public static let groupsInvalidSize = MessageTemplate<Int>(
    "groups-invalid-size", sample: 0,
    ja: { Wording("グループの人数は 1 人以上にしてください（指定: \($0)）", hint: "例: --size 6") },
    en: { Wording("the group size must be at least 1 (got \($0))", hint: "e.g. --size 6") })

  public static let groupsInvalidRounds = MessageTemplate<(rounds: Int, maximum: Int)>(
    "groups-invalid-rounds", sample: (0, 10),
    ja: { Wording("グループ替えの回数（ラウンド数）は 1〜\($0.maximum) にしてください（指定: \($0.rounds)）") },
    en: { Wording("the number of rounds must be 1–\($0.maximum) (got \($0.rounds))") })

  public static let groupsFacilitatorIsParticipant = MessageTemplate<String>(
    "groups-facilitator-is-participant", sample: "f01",
    ja: { Wording("\($0) はファシリテーターなので、参加者のグループには入れません") },
    en: { Wording("\($0) is a facilitator and was left out of the participants") })

  public static let groupsNoParticipants = MessageTemplate<Void>(
    "groups-no-participants", sample: (),
    ja: { Wording("参加者がいません", hint: "名簿に受講者がいるか、--roster のファイルを確かめてください") },
    en: { Wording("there are no participants", hint: "check that the roster (--roster) lists trainees") })

  public static let groupsDuplicatePerson = MessageTemplate<String>(
    "groups-duplicate-person", sample: "A012",
    ja: { Wording("ID \($0) が重複しています。最初の 1 件だけを使います") },
    en: { Wording("duplicate id \($0); only the first is used") })

  public static let groupsUnqualifiedFacilitator = MessageTemplate<(person: String, subject: String)>(
    "groups-unqualified-facilitator", sample: ("f02", "acp-2026"),
    ja: {
      Wording(
        "\($0.person) は \($0.subject) のファシリテーター資格がないため外しました",
        hint: "講師人材養成研修を修了していれば、その資格を名簿に記録してください")
    },
    en: {
      Wording(
        "\($0.person) is not qualified to facilitate \($0.subject) and was left out",
        hint: "record the qualification earned in the instructor training in the roster")
    })

  static let groupEntries: [CatalogueEntry] = [
    groupsInvalidSize.entry, groupsInvalidRounds.entry, groupsFacilitatorIsParticipant.entry,
    groupsNoParticipants.entry, groupsDuplicatePerson.entry, groupsUnqualifiedFacilitator.entry,
  ]
}
