import KenshuModel

/// The SCO's launch page (`scorm.html`): connects to the LMS with `scorm/runtime.js` and shows
/// the module's pages in a frame, so the LMS session lasts while the participant moves between
/// pages (a page of its own would initialise and finish the session on every link). It lists
/// the lesson, scenario and question ids in order: the runtime's compact `suspend_data` records
/// progress by position in these lists.
struct SCORMLaunchPage: Sendable {
  var module: SelfStudyModule
  var startPage: String

  var html: String {
    let english = module.language.lowercased().hasPrefix("en")
    let lang = english ? "en" : "ja"
    let title = Markup.escape(module.title)
    let noScript =
      english ? "This module needs JavaScript. Open the module" : "この教材には JavaScript が必要です。教材を開く"
    let passMark = module.quiz.map { String($0.passMark) } ?? ""
    return """
      <!DOCTYPE html>
      <html lang="\(lang)" data-module-id="\(Markup.escape(module.id))" data-start="\(Markup.escape(startPage))" \
      data-has-quiz="\(module.quiz != nil)" data-pass-mark="\(passMark)" \
      data-lesson-ids="\(Markup.escape(module.lessons.map(\.id).joined(separator: " ")))" \
      data-scenario-ids="\(Markup.escape(module.scenarios.map(\.id).joined(separator: " ")))" \
      data-question-ids="\(Markup.escape((module.quiz?.questions ?? []).map(\.id).joined(separator: " ")))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      \(ContentSecurityPolicy.metaTag())
      <title>\(title)</title>
      <link rel="stylesheet" href="scorm/launch.css">
      <script src="scorm/runtime.js" defer></script>
      </head>
      <body>
      <main>
      <h1 class="visually-hidden">\(title)</h1>
      <p class="lms-status" role="status" id="lms-status"></p>
      <noscript><p><a href="\(Markup.escape(startPage))">\(noScript)</a></p></noscript>
      <iframe id="module-frame" title="\(title)"></iframe>
      </main>
      </body>
      </html>

      """
  }
}
