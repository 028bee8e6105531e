extension GroupFormationResult {
  /// The documented, stable JSON: `{"rounds": [{"round": 1, "groups": [{"group": 1,
  /// "facilitator": "f01", "members": ["p001", …]}]}], "quality": {"repeatPairs": 0,
  /// "organisationClashes": 0, "minDistinctProfessions": 4, "unmet": [], …}}`.
  ///
  /// Values are roster person ids; `facilitator` is null for a table without one. Fields
  /// after `unmet` in `quality` are additions (see docs/groups.md) and may grow; the first
  /// four never change.
  public func renderJSON() -> String {
    let rounds = JSONText.array(
      plan.rounds.map { round in
        .object([
          ("round", .int(round.round)),
          (
            "groups",
            .array(
              round.groups.map { group in
                .object([
                  ("group", .int(group.group)),
                  ("facilitator", group.facilitator.map(JSONText.string) ?? .null),
                  ("members", .array(group.members.map(JSONText.string))),
                ])
              })
          ),
        ])
      })
    let score = quality.score
    func scoreJSON(_ score: GroupScore) -> JSONText {
      .object([
        ("keepApart", .int(score.keepApart)),
        ("professionShortfall", .int(score.professionShortfall)),
        ("professionSpread", .int(score.professionSpread)),
        ("separation", .int(score.separation)),
        ("repeatPairs", .int(score.repeatPairs)),
        ("regionSpread", .int(score.regionSpread)),
      ])
    }
    let qualityJSON = JSONText.object([
      ("repeatPairs", .int(quality.repeatPairs)),
      ("organisationClashes", .int(quality.organisationClashes)),
      ("minDistinctProfessions", .int(quality.minDistinctProfessions)),
      ("unmet", .array(quality.unmet.map { .string($0.message) })),
      ("unmetCodes", .array(quality.unmet.map { .string($0.code) })),
      ("municipalityClashes", .int(quality.municipalityClashes)),
      ("keepApartViolations", .int(quality.keepApartViolations)),
      ("facilitatorOrganisationClashes", .int(quality.facilitatorOrganisationClashes)),
      ("distinctProfessions", .array(quality.distinctProfessions.map { .array($0.map(JSONText.int)) })),
      ("unevenProfessions", .array(quality.unevenProfessions.map { .string($0.rawValue) })),
      ("spareFacilitators", .array(quality.spareFacilitators.map(JSONText.string))),
      (
        "lowerBounds",
        .object([
          ("organisationClashes", .int(quality.lowerBounds.organisationClashes)),
          ("repeatPairs", .int(quality.lowerBounds.repeatPairs)),
          ("score", scoreJSON(quality.lowerBounds.score)),
        ])
      ),
      ("score", scoreJSON(score)),
      ("provablyOptimal", .bool(quality.provablyOptimal)),
    ])
    return JSONText.object([("rounds", rounds), ("quality", qualityJSON)]).rendered() + "\n"
  }
}
