import KenshuModel

/// The template context of a survey's answer form (`surveys/ID/index.html`).
///
/// Field names are the column names of Kenshu's own response CSV (`participant`, item ids,
/// `ID.before` / `ID.now` for retrospective items) and option values are what that format
/// holds (Likert points 1…n, option labels, profession labels), so `assets/survey.js` turns a
/// filled form into a row `kenshu evaluate` reads without knowing the survey definition.
///
/// Knowledge tests: `SurveyOption.correct` is never read here, so no answer key can reach the
/// page whatever a template does.
struct SurveyFormContext {
  let survey: Survey
  let strings: UIStrings

  /// The context of every item, in survey order.
  var items: [[String: Any]] {
    survey.items.enumerated().map { index, item in itemContext(item, number: index + 1) }
  }

  func itemContext(_ item: SurveyItem, number: Int) -> [String: Any] {
    let anchor = "q-" + SiteRoutes.segment(item.id)
    var context: [String: Any] = [
      "id": item.id, "anchor": anchor, "number": String(number), "type": item.type.rawValue,
      "textHtml": HTMLText.html(item.text), "required": item.required,
      "retrospective": item.retrospective,
    ]
    switch item.type {
    case .likert:
      // The model's fallback, shared with `kenshu evaluate` and the collection server.
      let labels = survey.likertScale(of: item)?.labels ?? []
      let options = labels.enumerated().map { (value: String($0.offset + 1), label: $0.element) }
      if item.retrospective {
        context["groups"] = [
          group(
            item, name: item.id + ".before", anchor: anchor + "-before", legend: strings["surveyBefore"],
            options),
          group(item, name: item.id + ".now", anchor: anchor + "-now", legend: strings["surveyNow"], options),
        ]
      } else {
        context["groups"] = [group(item, name: item.id, anchor: anchor, legend: nil, options)]
      }
      context["scale"] = true
      context["choice"] = true
    case .single, .multiple:
      let options = item.options.map { (value: $0.label, label: $0.label) }
      context["groups"] = [group(item, name: item.id, anchor: anchor, legend: nil, options)]
      context["choice"] = true
    case .profession:
      // The shared vocabulary by its Japanese labels: the value `kenshu evaluate` and the
      // collection server both read.
      let options = Profession.allCases.map { profession in
        (
          value: profession.japaneseLabel,
          label: strings.language == "en"
            ? "\(profession.japaneseLabel) (\(profession.englishLabel))" : profession.japaneseLabel
        )
      }
      context["groups"] = [group(item, name: item.id, anchor: anchor, legend: nil, options)]
      context["choice"] = true
    case .numeric:
      context["numeric"] = true
      if let minimum = item.minimum { context["min"] = Self.number(minimum) }
      if let maximum = item.maximum { context["max"] = Self.number(maximum) }
      if let hint = rangeHint(item) { context["hint"] = hint }
    case .text:
      context["freeText"] = true
      if let length = item.maxLength, length > 0 {
        context["maxLength"] = String(length)
        context["hint"] = strings["surveyMaxLength"].replacingOccurrences(of: "%d", with: String(length))
      }
    }
    return context
  }

  /// One radio or checkbox group; retrospective items have two, each with its own legend.
  func group(
    _ item: SurveyItem, name: String, anchor: String, legend: String?,
    _ options: [(value: String, label: String)]
  ) -> [String: Any] {
    let inputType = item.type == .multiple ? "checkbox" : "radio"
    var context: [String: Any] = [
      "name": name, "inputType": inputType,
      // A required radio group takes `required` on its radios; checkboxes cannot express
      // "at least one" in HTML, so survey.js checks those.
      "requiredRadio": item.required && inputType == "radio",
      "options": options.enumerated().map { index, option -> [String: Any] in
        [
          "inputID": "\(anchor)-\(index + 1)", "value": option.value,
          "labelHtml": HTMLText.html(option.label),
        ]
      },
      "layout": item.type == .likert ? "scale" : (item.type == .profession ? "grid" : "list"),
    ]
    context["legend"] = legend ?? false
    if item.allowOther, item.type == .single || item.type == .multiple {
      context["other"] = ["inputID": anchor + "-other", "textID": anchor + "-other-text"]
    } else {
      context["other"] = false
    }
    return context
  }

  func rangeHint(_ item: SurveyItem) -> String? {
    switch (item.minimum, item.maximum) {
    case (let low?, let high?): "\(Self.number(low))〜\(Self.number(high))"
    case (let low?, nil): "\(Self.number(low))〜"
    case (nil, let high?): "〜\(Self.number(high))"
    case (nil, nil): nil
    }
  }

  /// `30` rather than `30.0` for whole numbers (HTML `min`/`max` accept both).
  static func number(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}

extension PageRenderer {
  /// The survey's answer form. Without JavaScript the fields still show, with a note that
  /// answers are saved by the page's script (there is no server to submit to).
  func surveyContext(_ id: String, root: String, diagnostics: inout [Diagnostic]) -> (String, [String: Any]) {
    guard let survey = project.survey(id) else { return (id, ["titleHtml": HTMLText.html(id), "items": []]) }
    let form = SurveyFormContext(survey: survey, strings: strings)
    var context: [String: Any] = [
      "titleHtml": HTMLText.html(survey.title), "surveyID": survey.id, "items": form.items,
      "hasRequired": survey.items.contains(where: \.required),
      "isTest": survey.kind == .preTest || survey.kind == .postTest,
      "anonymous": survey.anonymous,
    ]
    if let url = collectBase { context["collectURL"] = url }
    if let html = markdownHTML(
      survey.description, root: root, placement: HeadingPlacement(headingBase: 2, idPrefix: "intro-"),
      diagnostics: &diagnostics)
    {
      context["descriptionHtml"] = html
    }
    return (HTMLText.plain(survey.title), context)
  }

  /// Where forms post (`<base>api/surveys/ID/responses`): `collect-url` from the settings (or
  /// the build's `--collect-url`), ending in `/`. Nil when unset or not http(s) or a path.
  var collectBase: String? {
    guard let raw = project.settings.collectURL?.trimmingCharacters(in: .whitespaces), !raw.isEmpty
    else { return nil }
    let lower = raw.lowercased()
    let isPath = raw.hasPrefix("/") && !raw.hasPrefix("//")
    guard isPath || lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    return raw.hasSuffix("/") ? raw : raw + "/"
  }

  /// The collection server's origin when it differs from the site's, for the CSP's
  /// `connect-src` (a relative collect URL is covered by `'self'`).
  var collectOrigin: String? {
    guard let base = collectBase, !base.hasPrefix("/") else { return nil }
    let afterScheme = base.range(of: "://").map { base[$0.upperBound...] } ?? ""
    let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let scheme = base.lowercased().hasPrefix("https") ? "https" : "http"
    // The value goes into a CSP inside an attribute: only host characters pass.
    guard !authority.isEmpty, !authority.contains("@"),
      authority.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) })
    else { return nil }
    return "\(scheme)://\(authority.lowercased())"
  }
}
