/// The words of self-study module pages (`{{t.key}}`), Japanese first.
extension UIStrings {
  static let moduleEntries: [String: (String, String)] = [
    "moduleOverview": ("はじめに（概要）", "Overview"),
    "moduleContents": ("この教材の目次", "Contents of this module"),
    "modulePager": ("前後のページ", "Previous and next page"),
    "startModule": ("学習を始める", "Start the module"),
    "moduleTests": ("理解度の確認（事前・事後テスト）", "Knowledge tests before and after"),
    "preTest": ("学習前に", "Before the module"),
    "postTest": ("学習後に", "After the module"),
    "quiz": ("確認テスト", "Quiz"),
    "certificate": ("修了証", "Certificate of completion"),
    "contentWarning": ("内容についての注意", "Content warning"),
    "dismissWarning": ("この注意を閉じる", "Dismiss this notice"),
    "consultation": ("相談窓口", "Where to get help"),
    "consultationIntro": (
      "ひとりで抱え込まず、次の窓口に相談してください。",
      "Do not carry it alone: these desks can help."
    ),
    "desk-internal": ("事業所内", "Within your organisation"),
    "desk-prefectural": ("都道府県の窓口", "Prefectural desk"),
    "desk-police": ("警察", "Police"),
    "desk-other": ("その他", "Other"),
    "phone": ("電話", "Phone"),
    "hours": ("受付時間", "Hours"),
    "website": ("ウェブサイト", "Website"),
    "progress": ("学習の進み具合", "Your progress"),
    "progressNoScript": (
      "進み具合の記録には JavaScript が必要です。記録はこの端末のブラウザにだけ保存され、どこにも送信されません。",
      "Keeping your progress needs JavaScript. It is stored only in this browser and sent nowhere."
    ),
    "progressStored": (
      "進み具合はこの端末のブラウザにだけ保存されます。",
      "Your progress is stored only in this browser."
    ),
    "resetProgress": ("進み具合を消去する", "Reset my progress"),
    // Shown in <noscript> where a control needs JavaScript, so its absence is explained.
    "quizNeedsScript": (
      "採点には JavaScript が必要です。JavaScript が無効なため「採点する」ボタンは表示していません。各問の「解答と解説」で答えを確かめられます。",
      "Checking your answers needs JavaScript, which is off, so the Check button is not shown. Each question's \"Answer and explanation\" shows the answer."
    ),
    "scenarioNeedsScript": (
      "回答には JavaScript が必要です。JavaScript が無効なため「回答する」ボタンは表示していません。下の「各選択肢の解説」で確かめられます。",
      "Answering needs JavaScript, which is off, so the Answer button is not shown. The explanations below cover every choice."
    ),
    "certificateNeedsScript": (
      "氏名と修了日の記入、合格の確認と「印刷する」ボタンには JavaScript が必要です。JavaScript が無効なため表示していません。ブラウザの印刷機能で印刷し、氏名と日付は手書きしてください。",
      "Filling in your name and date, checking your pass and the Print button need JavaScript, which is off. Print with your browser and write the name and date by hand."
    ),
    "warningNeedsScript": (
      "（この注意を閉じるには JavaScript が必要です。）",
      "(Dismissing this notice needs JavaScript.)"
    ),
    "lessonMinutes": ("目安時間", "Time"),
    "scenarioPrompt": ("あなたならどうしますか。", "What would you do?"),
    "answer": ("回答する", "Answer"),
    "scenarioExplanations": ("各選択肢の解説", "Why each choice is or is not recommended"),
    "recommended": ("推奨される対応", "Recommended"),
    "notRecommended": ("より良い対応があります", "There is a better response"),
    "quizIntro": (
      "自己学習のための確認テストです。合格ラインは %@% です。答えと解説はこのページに含まれています（試験ではありません）。",
      "A self-check quiz. The pass mark is %@%. Answers and explanations are part of this page: this is self-study, not an examination."
    ),
    "question": ("問", "Question "),
    "chooseOne": ("1つ選んでください", "Choose one"),
    "chooseAll": ("当てはまるものをすべて選んでください", "Choose all that apply"),
    "answerAndExplanation": ("解答と解説", "Answer and explanation"),
    "correctAnswer": ("正解", "Correct answer"),
    "checkAnswers": ("採点する", "Check my answers"),
    "retryQuiz": ("もう一度解く", "Try again"),
    "collectNotice": (
      "採点すると、得点と合否（入力した場合は氏名）が主催者に送信されます。",
      "When you check your answers, your score and result (and your name, if you enter it) are sent to the organiser."
    ),
    "participantName": ("氏名（任意）", "Your name (optional)"),
    "certificateIntro": (
      "確認テストに合格したら、氏名を入力して印刷してください（A4）。",
      "After passing the quiz, type your name and print this page (A4)."
    ),
    "certificateName": ("氏名", "Name"),
    "print": ("印刷する", "Print"),
    "selfDeclared": ("自己申告", "Self-declared"),
    "selfDeclaredNote": (
      "この修了証は、受講者本人が自己学習の修了を申告するものです。主催者が修了を確認したものではありません。",
      "This certificate is declared by the participant; the organiser has not verified the completion."
    ),
    "verifiedByOrganiser": ("主催者確認済み", "Verified by the organiser"),
    "verifiedNote": (
      "この修了は、確認テストの合格とともに主催者のサーバーに記録されました（受講者IDで照合できます）。",
      "The passing completion was recorded by the organiser's server (it can be checked by participant ID)."
    ),
    "certifies": ("上記の者は、次の自己学習教材を修了しました。", "has completed the self-study module"),
    "dateOfCompletion": ("修了日", "Date of completion"),
    "dateBlank": ("令和　　年　　月　　日", "____ / ____ / ______"),
    "issuer": ("発行", "Issued by"),
    "nameBlank": ("　　　　　　　　　　", "                    "),
  ]
}
