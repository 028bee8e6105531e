import KenshuModel
import Testing

/// The line at the top of every printed page of an evaluation report (issue 16).
@Suite struct PrintedEditionTests {
  @Test func evaluationHead_namesTheProgrammeItsEditionTheSurveyAndTheCopy() {
    let survey = Survey(id: "eval", title: "研修アンケート", items: [])
    let programme = Programme(
      id: "p", title: "多職種連携研修", edition: Edition(version: "2026.1", date: "2026-08-01"),
      courses: [
        Course(
          id: "d1", title: "1日目", sessions: [Session(id: "s", kind: .survey, title: "記入", survey: "eval")])
      ])
    let project = Project(programmes: [programme], surveys: [survey])
    #expect(
      PrintedEdition.evaluationHead(survey: survey, in: project, shareable: true)
        == "多職種連携研修 · 2026.1 版（2026-08-01） · 研修アンケート · 提出用")
    // A survey no session names: the survey alone.
    #expect(
      PrintedEdition.evaluationHead(survey: survey, in: Project(surveys: [survey]), shareable: false)
        == "研修アンケート · 主催者用")
    #expect(PrintedEdition.pageRule("a\"b").hasPrefix(#"@page { @top-right { content: "a\22 b"; "#))
  }
}
