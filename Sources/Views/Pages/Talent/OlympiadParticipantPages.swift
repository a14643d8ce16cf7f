import Domain
import Foundation

/// Who is invited to a stage (issue 21, item 3): the school sees its own students, those who run the stage everyone.
public struct OlympiadInvitedPage: Sendable {
    /// One invited student.
    public struct Row: Sendable {
        public var studentID: UUID
        public var name: String
        public var school: String
        public var grade: Int
        public var schoolScore: Double?
        public var reasons: [OlympiadInvitation.Reason]
        /// The municipal stage's total, once entered.
        public var total: Double?
        public var participantID: UUID?
        /// An invited row.
        public init(
            studentID: UUID, name: String, school: String, grade: Int, schoolScore: Double?,
            reasons: [OlympiadInvitation.Reason], total: Double?, participantID: UUID?
        ) {
            self.studentID = studentID
            self.name = name
            self.school = school
            self.grade = grade
            self.schoolScore = schoolScore
            self.reasons = reasons
            self.total = total
            self.participantID = participantID
        }
    }

    public var stageID: UUID
    public var stageTitle: String
    public var rows: [Row]
    /// Students who passed but whose consent to processing is not in force (names the reader may see).
    public var withoutConsent: [String]
    public var canEnter: Bool

    /// The page's data.
    public init(stageID: UUID, stageTitle: String, rows: [Row], withoutConsent: [String], canEnter: Bool) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.rows = rows
        self.withoutConsent = withoutConsent
        self.canEnter = canEnter
    }

    /// A made-up page.
    public static let mock = OlympiadInvitedPage(
        stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026",
        rows: [
            Row(
                studentID: MockID.of(0x2161), name: "Лебедева Ольга Ивановна", school: "Школа № 1", grade: 8,
                schoolScore: 31.5, reasons: [.schoolStage], total: 27, participantID: MockID.of(0x2171)),
            Row(
                studentID: MockID.of(0x2162), name: "Комаров Илья Петрович", school: "Школа № 2", grade: 9,
                schoolScore: nil, reasons: [.lastYear], total: nil, participantID: nil),
        ], withoutConsent: ["Соколов Антон Юрьевич (Школа № 2)"], canEnter: true)

    public func render(_ ctx: PageContext) -> String {
        let title = "Приглашённые"
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Участники школьного этапа с баллом не ниже проходного своего класса и победители и призёры "
                    + "муниципального этапа прошлого года, которые ещё учатся. Приглашение видит школа участника."
            }
            if !withoutConsent.isEmpty {
                el("div", .cls("warning"), Attr("role", "status")) {
                    "Прошли по баллу, но не приглашены — нет согласия родителей на обработку персональных данных: "
                        + withoutConsent.joined(separator: ", ") + "."
                }
            }
            el("p") { RussianPlural.count(rows.count, "приглашённый", "приглашённых", "приглашённых") }
            if rows.isEmpty {
                UI.empty(
                    "Приглашённых пока нет: задайте проходные баллы, и дождитесь результатов школьного этапа от школ.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in ["№", "Участник", "Школа", "Класс", "Школьный этап", "Основание", "Итого"] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for (index, row) in rows.enumerated() {
                            el("tr") {
                                el("td") { String(index + 1) }
                                el("td") { row.name }
                                el("td") { row.school }
                                el("td") { String(row.grade) }
                                el("td") { row.schoolScore.map(TalentWords.scoreText) ?? "—" }
                                el("td") { OlympiadWords.reasons(row.reasons) }
                                el("td") {
                                    if let total = row.total {
                                        TalentWords.scoreText(total)
                                    } else if canEnter {
                                        el(
                                            "a",
                                            .href(
                                                OlympiadPaths.newParticipant(stageID) + "?student="
                                                    + row.studentID.uuidString.lowercased())
                                        ) { "Внести результат" }
                                    } else {
                                        "—"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A participant's result: a new one for an invited student, or a correction before the protocol is signed.
public struct OlympiadParticipantFormPage: Sendable {
    public var stageID: UUID
    public var stageTitle: String
    /// nil: a new result.
    public var participantID: UUID?
    /// The invited students without a result (a new result), or the participant's name.
    public var students: [(value: String, title: String)]
    public var participantName: String?
    /// «7 класс: 7; 7; 7; 7; 7 (максимум 35)» for every grade with tasks.
    public var papers: [String]
    public var values: FormValues
    public var errors: FieldErrors

    /// The page's data.
    public init(
        stageID: UUID, stageTitle: String, participantID: UUID?, students: [(value: String, title: String)],
        participantName: String?, papers: [String], values: FormValues, errors: FieldErrors = FieldErrors()
    ) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.participantID = participantID
        self.students = students
        self.participantName = participantName
        self.papers = papers
        self.values = values
        self.errors = errors
    }

    /// A made-up form with an error.
    public static let mock: OlympiadParticipantFormPage = {
        var errors = FieldErrors()
        errors.add("scores", OlympiadWords.Check.scores(.aboveMaximum(task: 2, maximum: 7)))
        return OlympiadParticipantFormPage(
            stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026", participantID: nil,
            students: [("s1", "Лебедева Ольга Ивановна, 8 класс, Школа № 1")], participantName: nil,
            papers: ["7 класс: 7; 7; 7; 7; 7 (максимум 35)"],
            values: FormValues(single: ["student": "s1", "code": "М-07-12", "gradeCompeted": "8", "scores": "5; 8; 7"]),
            errors: errors)
    }()

    /// «7 класс: 7; 7; 7; 7; 7 (максимум 35)».
    public static func paper(grade: Int, maxima: [Double]) -> String {
        "\(OlympiadWords.grade(grade)): \(OlympiadWords.numbers(maxima)) (максимум "
            + "\(TalentWords.scoreText(OlympiadScores.total(maxima))))"
    }

    public func render(_ ctx: PageContext) -> String {
        let title = participantID == nil ? "Результат участника" : "Изменить результат"
        let action =
            participantID.map { OlympiadPaths.participant(stageID, $0) } ?? OlympiadPaths.newParticipant(stageID)
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if let participantName {
                    el("p") { el("strong") { participantName } }
                } else {
                    UI.selectField(
                        "student", OlympiadWords.Field.student, options: students, selected: values["student"],
                        errors: errors, required: true, includeEmpty: "— выберите приглашённого —")
                }
                UI.textField("code", OlympiadWords.Field.code, value: values["code"], errors: errors, required: true)
                UI.selectField(
                    "gradeCompeted", OlympiadWords.Field.gradeCompeted,
                    options: OlympiadWords.grades.map { (String($0), OlympiadWords.grade($0)) },
                    selected: values["gradeCompeted"], errors: errors, required: true, includeEmpty: "— класс —")
                UI.textField(
                    "scores", OlympiadWords.Field.scores, value: values["scores"], errors: errors, required: true,
                    hint: "Через «;», в порядке заданий. " + papers.joined(separator: " · "), placeholder: "5; 7,5; 10")
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(OlympiadPaths.rating(stageID))) { "Отмена" }
                }
            }
        }
    }
}
