import Testing

@testable import KenshuModel

@Suite struct LikertScaleTests {
  @Test func likertScale_fallsBackToAgree5_andIsNilForOtherTypes() {
    let survey = Survey(
      id: "s", title: "t", scales: [LikertScale(id: "yn3", labels: ["いいえ", "どちらとも", "はい"])],
      items: [
        SurveyItem(id: "a", type: .likert, text: "A", scale: "yn3"),
        SurveyItem(id: "b", type: .likert, text: "B"),
        SurveyItem(id: "c", type: .likert, text: "C", scale: "confidence5"),
        SurveyItem(id: "d", type: .text, text: "D"),
      ])
    #expect(survey.likertScale(of: survey.items[0])?.id == "yn3")
    #expect(survey.likertScale(of: survey.items[1])?.id == "agree5")
    #expect(survey.likertScale(of: survey.items[2])?.id == "confidence5")
    #expect(survey.likertScale(of: survey.items[3]) == nil)
  }
}
