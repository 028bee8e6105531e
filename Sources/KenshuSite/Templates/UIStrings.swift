/// The theme's own words, in Japanese and English. Templates read them as `{{t.key}}`.
public struct UIStrings: Sendable {
  /// `ja` or `en`.
  public let language: String
  public let table: [String: String]

  /// Strings for a BCP 47 language; English for `en*`, Japanese otherwise.
  public init(language: String) {
    let english = language.lowercased().hasPrefix("en")
    self.language = english ? "en" : "ja"
    var table: [String: String] = [:]
    for (key, pair) in Self.entries.merging(Self.moduleEntries, uniquingKeysWith: { $1 }) {
      table[key] = english ? pair.1 : pair.0
    }
    self.table = table
  }

  public subscript(_ key: String) -> String { table[key] ?? key }

  private static let japanese = UIStrings(language: "ja")
  private static let english = UIStrings(language: "en")

  /// The strings for `language`, made once per process (pages in another language than the
  /// site's take them page by page).
  public static func shared(for language: String) -> UIStrings {
    language.lowercased().hasPrefix("en") ? english : japanese
  }

  /// key: (Japanese, English).
  static let entries: [String: (String, String)] = [
    "skipToContent": ("本文へ移動", "Skip to content"),
    "mainNavigation": ("メインメニュー", "Main navigation"),
    "breadcrumbs": ("現在位置", "Breadcrumbs"),
    "home": ("ホーム", "Home"),
    "programmes": ("研修プログラム", "Programmes"),
    "noProgrammes": ("研修プログラムはまだありません。", "No programmes yet."),
    "modules": ("自己学習", "Self-study modules"),
    "dates": ("日程", "Dates"),
    "venue": ("会場", "Venue"),
    "organiser": ("主催", "Organiser"),
    "edition": ("版", "Edition"),
    "audience": ("対象職種", "Audience"),
    "purpose": ("研修の目的", "Purpose"),
    "objectives": ("到達目標", "Objectives"),
    "courses": ("日程と内容", "Courses"),
    "handout": ("配布資料（印刷用）", "Printable handout"),
    "calendar": ("カレンダーに追加（.ics）", "Add to calendar (.ics)"),
    "timetable": ("タイムテーブル", "Timetable"),
    "time": ("時間", "Time"),
    "session": ("内容", "Session"),
    "kind": ("形式", "Format"),
    "minutes": ("分", "Minutes"),
    "minutesUnit": ("分", " min"),
    "forProfessions": ("対象", "For"),
    "content": ("内容", "Content"),
    "groupWork": ("グループワーク", "Group work"),
    "groupSize": ("1グループの人数", "Group size"),
    "rounds": ("ラウンド数", "Rounds"),
    "roles": ("グループ内の役割", "Roles in the group"),
    "phases": ("進め方", "Phases"),
    "cases": ("事例", "Cases"),
    "answerKey": ("解答のポイント（ファシリテーター用）", "Answer key (facilitators)"),
    "questions": ("討議テーマ", "Discussion questions"),
    "facilitatorNotes": ("ファシリテーター用メモ", "Facilitator notes"),
    "facilitatorNotesIntro": (
      "全セッションのファシリテーター用メモと進行の目安です。受講者には公開しないでください。",
      "All facilitator notes and timing cues. Do not share with participants."
    ),
    "facilitatorView": ("ファシリテーター用", "Facilitator view"),
    "facilitatorPack": ("ファシリテーター用資料（印刷用）", "Facilitator pack (printable)"),
    "seating": ("グループ分け（kenshu groups の計画）", "Seating (the plan of kenshu groups)"),
    "seatingRound": ("ラウンド", "Round"),
    "seatingGroup": ("グループ", "Group"),
    "seatingMembers": ("メンバー（職種）", "Members (profession)"),
    "facilitatorPackIntro": (
      "このコースの進行メモ・進め方と問いかけ・事例と解答のポイントです。受講者には配布しないでください。",
      "This course's facilitator notes, phases with prompts, cases and answer keys. Do not hand out to participants."
    ),
    "facilitatorViewNote": (
      "このページには受講者向けページにない進行メモと解答が含まれます。",
      "This page contains notes and answers that learner pages do not show."
    ),
    "learnerView": ("受講者用ページを見る", "Open the learner page"),
    "openFacilitatorView": ("ファシリテーター用ページを見る", "Open the facilitator page"),
    "pager": ("前後のセッション", "Previous and next session"),
    "instructors": ("講師", "Instructors"),
    "facilitators": ("ファシリテーター", "Facilitators"),
    "glossary": ("用語集", "Glossary"),
    "terms": ("用語", "Terms"),
    "professions": ("職種", "Professions"),
    "search": ("検索", "Search"),
    "searchLabel": ("サイト内を検索（キーワード）", "Search this site"),
    "searchMore": ("さらに表示", "Show more results"),
    "noResults": ("見つかりませんでした。", "No results."),
    "resultsCount": ("%d 件見つかりました。", "%d results."),
    "searchNeedsScript": (
      "検索には JavaScript が必要です。各ページの目次からもたどれます。",
      "Search needs JavaScript; every page is also reachable from the menus."
    ),
    "verify": ("修了証の確認", "Verify a certificate"),
    "verifyIntro": (
      "修了証書・受講証明書に記載された証書番号と確認コードを入力すると、この研修で発行された本物かどうかを確認できます。氏名などの個人情報はこのサイトにはありません。",
      "Enter the certificate number and verification code printed on a certificate to check that it was issued by this training. This site holds no names or other personal data."
    ),
    "verifyNumber": ("証書番号", "Certificate number"),
    "verifyCode": ("確認コード", "Verification code"),
    "verifyButton": ("確認する", "Verify"),
    "verifyValid": ("有効な証書です。", "This certificate is genuine."),
    "verifyRevoked": ("この証書は取り消されています。", "This certificate has been revoked."),
    "verifyInvalid": (
      "この番号と確認コードの証書は見つかりません。入力を確かめてください。",
      "No certificate matches this number and code. Check what you typed."
    ),
    "verifyProgramme": ("研修", "Training"),
    "verifyDates": ("研修日", "Date"),
    "verifyIssued": ("発行日", "Issued"),
    "verifyNeedsScript": (
      "確認には JavaScript が必要です。発行元にお問い合わせください。",
      "Verification needs JavaScript; otherwise ask the issuer."
    ),
    "checkIn": ("受付", "Check-in"),
    "checkInIntro": (
      "受付票の QR コードをスキャナーで読み取るか、QR コードの下に印字されたコードを入力して Enter を押してください。結果には受講者 ID が出ます（氏名は出ません）。名簿で本人を確かめてください。",
      "Scan the QR code on the participant's slip, or type the code printed under it, and press Enter. The result shows the roster id (never a name): check it against your list."
    ),
    "checkInSelfIntro": (
      "受付票のコードを読み込みました。「受付する」を押すと、今日の研修の出席として記録されます。",
      "The code of your slip has been read. Press “Check in” to be recorded as present for today's training."
    ),
    "checkInNoServer": (
      "このページで受付できるのは、kenshu serve --collect で配信しているときだけです。いまは受付のサーバーが応答しません（ファイルとして開いたか、サーバーが止まっています）。紙の受付名簿に記入してください。",
      "This page checks people in only when it is served by kenshu serve --collect. No check-in server answers now (the page was opened as a file, or the server is not running): use the paper reception sheet."
    ),
    "checkInCourse": ("研修・日程", "Training and day"),
    "checkInCourseAuto": ("今日の研修（自動）", "Today's training (automatic)"),
    "checkInCode": ("受付コード", "Check-in code"),
    "checkInCodeHint": (
      "スキャナーは QR コードのリンクをそのまま入力して構いません。大文字・小文字、ハイフン、空白は区別しません。",
      "A scanner may type the QR code's whole link. Case, hyphens and spaces do not matter."
    ),
    "checkInButton": ("受付する", "Check in"),
    "checkInRecent": ("直近の受付（このページを閉じると消えます）", "Recent check-ins (gone when this page is closed)"),
    "checkInRecentEmpty": ("まだありません。", "None yet."),
    "checkInRecorded": ("受付しました", "Checked in"),
    "checkInAlready": ("受付済みです（記録は変わりません）", "Already checked in (nothing changed)"),
    "checkInLate": ("遅刻：{time} 着", "late: arrived {time}"),
    "checkInSending": ("送信しています…", "Sending…"),
    "checkInEmpty": ("コードを入力するか、QR コードを読み取ってください。", "Type a code or scan a QR code."),
    "checkInUnreadable": (
      "コードとして読み取れません。もう一度読み取るか、印字されたコードを入力してください。",
      "This is not a code. Scan again or type the printed code."
    ),
    "checkInUnknownParticipant": (
      "このコードの受講者は、この研修の名簿にいません。コードと研修・日程を確かめてください。",
      "No trainee of this training's roster has this code. Check the code and the training."
    ),
    "checkInUnknownProgramme": (
      "どの研修の受付か決められません。「研修・日程」を選んでください。",
      "The server cannot tell which training this is for: choose one under “Training and day”."
    ),
    "checkInUnknownCourse": (
      "今日の日程が決められません。「研修・日程」で日程を選んでください。",
      "The server cannot tell today's course: choose it under “Training and day”."
    ),
    "checkInNotToday": (
      "この日程の受付は、開催日の {date} 当日にだけできます。",
      "Check-in for this course is open only on its day, {date}."
    ),
    "checkInUndated": (
      "この日程には開催日がないため、受付できません。",
      "This course has no date, so check-in is not open for it."
    ),
    "checkInUnwritable": (
      "記録できませんでした（何も記録されていません）。紙の受付名簿に到着時刻を書いて、あとで取り込んでください。",
      "Not recorded (nothing was written). Note the arrival time on the paper reception sheet and import it later."
    ),
    "checkInStorage": (
      "サーバーのデータベースが応答しません。少し待ってからもう一度読み取ってください。",
      "The server's database does not answer. Wait a moment and scan again."
    ),
    "checkInBusy": ("送信が多すぎます。少し待ってからもう一度。", "Too many requests: wait a moment and try again."),
    "checkInRefused": ("受付できませんでした（{code}）。", "Not checked in ({code})."),
    "checkInNeedsScript": (
      "受付には JavaScript が必要です。紙の受付名簿を使ってください。",
      "Check-in needs JavaScript: use the paper reception sheet."
    ),
    "checkInLink": (
      "当日の受付ページ（kenshu serve --collect で配信したときに使えます）",
      "The reception page for the day (works when served by kenshu serve --collect)"
    ),
    "surveyRequiredNote": ("「必須」と書かれた質問には回答が必要です。", "Questions marked “required” must be answered."),
    "surveyRequired": ("（必須）", "(required)"),
    "surveyBefore": ("研修前", "Before the training"),
    "surveyNow": ("現在", "Now"),
    "surveyOther": ("その他", "Other"),
    "surveyOtherText": ("その他の内容", "Other (please specify)"),
    "surveyMaxLength": ("%d 文字以内", "Up to %d characters"),
    "surveyParticipant": ("受講者ID（任意）", "Participant ID (optional)"),
    "surveyParticipantHint": (
      "事前・事後の回答を照合するために使います。配布された ID があれば入力してください。",
      "Used to pair answers before and after the training. Enter the ID you were given, if any."
    ),
    "surveyTestNote": ("このテストの正答はこのページには表示されません。", "The correct answers are not shown on this page."),
    "surveySubmit": ("回答を保存する", "Save my answers"),
    "surveyNeedsScript": (
      "回答の保存には JavaScript が必要です。JavaScript を使えない場合は、このページを印刷して紙で回答し、主催者に提出してください。",
      "Saving answers needs JavaScript. Without it, print this page, answer on paper and hand it to the organiser."
    ),
    "surveyErrorSummary": ("回答に %d 件の問題があります。", "There are %d problems with your answers."),
    "surveyErrorRequired": ("回答してください。", "Please answer this question."),
    "surveyErrorOtherText": ("「その他」の内容を入力してください。", "Please describe your “other” answer."),
    "surveyErrorNumber": ("数値で入力してください。", "Please enter a number."),
    "surveyErrorRange": ("%s の範囲で入力してください。", "Please enter a number in %s."),
    "surveyErrorLength": ("長すぎます。", "Too long."),
    "surveySaved": (
      "回答をこの端末に保存しました。下のボタンからファイルをダウンロードして主催者に提出してください。",
      "Your answers are saved on this device. Download the file below and send it to the organiser."
    ),
    "surveySent": ("回答を送信しました。ご協力ありがとうございました。", "Your answers were sent. Thank you."),
    "surveySendFailed": (
      "送信できませんでした。回答はこの端末に保存しました。下のボタンからファイルをダウンロードして主催者に提出してください。",
      "Sending failed. Your answers are saved on this device; download the file below and send it to the organiser."
    ),
    "surveySending": ("送信しています…", "Sending…"),
    "surveyQueued": (
      "送信待ち：サーバーに接続できないため、回答をこの端末に保存しました。接続が戻ると自動で送信します（このページや研修サイトの他のページを開いたときにも送信します）。送れないまま研修が終わるときだけ、下のファイルを主催者に渡してください。",
      "Waiting to send: the server cannot be reached, so your answers are kept on this device and will be sent automatically when the connection is back (also when you open this or any other page of the training site). Only if they are still not sent when the training ends, hand the file below to the organiser."
    ),
    "surveySentLater": (
      "送信済み：保存していた回答を送信しました。この端末には残っていません。",
      "Sent: your saved answers were sent. Nothing is left on this device."
    ),
    "surveyRejected": (
      "サーバーが回答を受け付けませんでした（%s）。下のファイルを主催者に渡すか、この端末から削除してください。",
      "The server refused the answers (%s). Hand the file below to the organiser, or delete it from this device."
    ),
    "surveyDiscard": ("この回答をこの端末から削除", "Delete these answers from this device"),
    "surveyCodeSummary": ("回答コードが配られた方", "If you were given an answer code"),
    "surveyCode": ("回答コード", "Answer code"),
    "surveyCodeHint": (
      "配布された用紙に印刷されたコードです（ハイフンや空白は入力しなくてもかまいません）。用紙の QR コードから開いた場合は入力済みです。回答コードがあれば受講者IDは入力しなくてもかまいません。",
      "The code printed on your slip (hyphens and spaces may be left out). Opened from the slip's QR code, it is already filled in. With a code, the participant ID may be left empty."
    ),
    "surveyAnonymous": (
      "このアンケートは匿名です。受講者IDは尋ねず、回答は日付だけを付けて保存します。回答コードは一度だけ使えることの確認に使い、どの回答に使われたかは記録しません。",
      "This survey is anonymous. It does not ask for your participant ID, and answers are stored with their date only. An answer code is checked so that it is used once; which answers it sent is not recorded."
    ),
    "surveyTokenRequired": (
      "このアンケートには回答コードが必要です。配布された用紙の回答コードを入力して、もう一度送信してください。",
      "This survey needs an answer code. Enter the answer code from your slip, and send again."
    ),
    "surveyTokenBad": (
      "回答コードが正しくないか、入力した受講者IDと合っていません。用紙の回答コードを確かめて（受講者IDは空欄でもかまいません）、もう一度送信してください。",
      "The answer code is wrong or does not belong to the participant ID entered. Check the code on your slip (the participant ID may be left empty) and send again."
    ),
    "surveyTokenUsed": (
      "この回答コードはすでに使われています（回答は受け付け済みです）。",
      "This answer code has already been used (the answers were already received)."
    ),
    "surveyDownloadCSV": ("回答を CSV でダウンロード", "Download answers (CSV)"),
    "surveyDownloadJSON": ("回答を JSON でダウンロード", "Download answers (JSON)"),
    "surveyClear": ("この端末に保存した回答を消去", "Delete the answers saved on this device"),
    "surveyCleared": ("この端末に保存した回答を消去しました。", "The answers saved on this device were deleted."),
    "openSurvey": ("アンケートに回答する", "Answer the survey"),
    "openModule": ("自己学習教材を開く", "Open the self-study module"),
    "timeNeeded": ("所要時間", "Time needed"),
    "lessons": ("レッスン", "Lessons"),
    "back": ("戻る", "Back"),
    "mode.onsite": ("会場", "Onsite"),
    "mode.online": ("オンライン", "Online"),
    "mode.hybrid": ("ハイブリッド", "Hybrid"),
    "mode.on-demand": ("オンデマンド", "On demand"),
    "generatedBy": ("Kenshu で作成", "Made with Kenshu"),
  ]
}
