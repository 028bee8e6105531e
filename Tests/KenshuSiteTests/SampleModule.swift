import Foundation
import KenshuModel

/// A small self-study module with every kind of page, inline Markdown and hostile text.
enum SampleModule {
  static func make(
    title: String = "訪問時の安全確保", selfDeclared: Bool = true, collectCompletion: Bool = false
  ) -> SelfStudyModule {
    SelfStudyModule(
      id: "safety", title: title, edition: Edition(version: "1", date: "2019-05-01"),
      description: MarkdownBlock(.inline("訪問スタッフの安全を**守る**ための教材です。")),
      objectives: [Objective(text: "危険の兆候に気づける")], audience: [.nurse, .careWorker],
      estimatedMinutes: 30, organiser: "みなと市", contentWarning: "暴力の場面が含まれます。",
      consultation: [
        ConsultationDesk(kind: .internal, name: "事業所の管理者"),
        ConsultationDesk(kind: .prefectural, name: "県の相談窓口", phone: "000-000-0000", hours: "平日 9:00〜17:00"),
        ConsultationDesk(kind: .police, name: "警察相談専用電話", phone: "#9110"),
      ],
      lessons: [
        Lesson(id: "l1", title: "暴力の種類", body: MarkdownBlock(.inline("身体的暴力と精神的暴力。")), minutes: 10),
        Lesson(id: "l2", title: "兆候 <b>太字</b>", body: MarkdownBlock(.inline("酒のにおい。"))),
      ],
      scenarios: [
        Scenario(
          id: "s1", title: "怒鳴られたとき", situation: MarkdownBlock(.inline("家族が大声を出した。")),
          choices: [
            Choice(id: "a", text: "謝り続ける", feedback: "安全が優先です。"),
            Choice(id: "b", text: "退出して報告する", correct: true, feedback: "正しい対応です。"),
          ])
      ],
      quiz: Quiz(
        passMark: 80, shuffleChoices: true,
        questions: [
          QuizQuestion(
            id: "q1", kind: .single, text: "精神的暴力は？ <script>alert(1)</script>",
            choices: [
              Choice(id: "a", text: "脅す", correct: true, feedback: "正解 & 解説"),
              Choice(id: "b", text: "苦情", feedback: "正当な権利"),
            ], feedback: "3つに分けて考えます。"),
          QuizQuestion(
            id: "q2", kind: .trueFalse, text: "認知症なら報告不要",
            choices: [Choice(id: "true", text: "正しい"), Choice(id: "false", text: "誤り", correct: true)]),
        ]),
      certificate: CertificateSpec(title: "修了証", selfDeclared: selfDeclared, issuer: "みなと市 健康福祉部"),
      collectCompletion: collectCompletion)
  }
}
