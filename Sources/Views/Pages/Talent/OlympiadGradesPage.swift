import Domain
import Foundation

/// Where a stage's pages live and the trail to them.
public enum OlympiadPaths {
    public static func stage(_ id: UUID) -> String { SiteURL.record(.olympiadStages, id).path }
    public static func grades(_ id: UUID) -> String { stage(id) + "/grades" }
    public static func invited(_ id: UUID) -> String { stage(id) + "/invited" }
    public static func rating(_ id: UUID) -> String { stage(id) + "/rating" }
    public static func protocolXLSX(_ id: UUID) -> String { stage(id) + "/protocol.xlsx" }
    public static func newParticipant(_ id: UUID) -> String { stage(id) + "/participants/new" }
    public static func participant(_ id: UUID, _ participantID: UUID) -> String {
        stage(id) + "/participants/\(participantID.uuidString.lowercased())"
    }
    public static func appeal(_ id: UUID, _ participantID: UUID) -> String {
        participant(id, participantID) + "/appeal"
    }
    public static func tie(_ id: UUID) -> String { stage(id) + "/tie" }
    public static func publish(_ id: UUID) -> String { stage(id) + "/publish" }
    public static func publicProtocol(_ id: UUID) -> String { stage(id) + "/public" }

    static func crumbs(_ id: UUID, stage title: String, page: String) -> [Crumb] {
        [
            Crumb(MenuArea.registry(.olympiadStages).title, SiteURL.list(.olympiadStages).path),
            Crumb(title, stage(id)), Crumb(page),
        ]
    }
}

/// The passing scores of the school stage and the municipal paper's tasks, grade by grade, in one form.
public struct OlympiadGradesPage: Sendable {
    public var stageID: UUID
    public var stageTitle: String
    /// `passing<grade>` and `tasks<grade>` for every grade.
    public var values: FormValues
    public var errors: FieldErrors

    /// The page's data.
    public init(stageID: UUID, stageTitle: String, values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.values = values
        self.errors = errors
    }

    /// A made-up page with one error.
    public static let mock: OlympiadGradesPage = {
        var errors = FieldErrors()
        errors.add("passing8", OlympiadWords.Check.passing(maximum: 40))
        return OlympiadGradesPage(
            stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026",
            values: FormValues(single: [
                "passing7": "25", "tasks7": "7; 7; 7; 7; 7", "passing8": "45", "tasks8": "10; 10; 20",
            ]),
            errors: errors)
    }()

    public func render(_ ctx: PageContext) -> String {
        let title = "Проходные баллы и задания"
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Проходной балл — по результатам школьного этапа: приглашаются набравшие его и больше. Задания — "
                    + "максимальные баллы заданий муниципального этапа через «;»; их сумма — максимальный балл класса. "
                    + "Класс без заданий и проходного балла на этап не приглашается."
            }
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", OlympiadPaths.grades(stageID)),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                for grade in OlympiadWords.grades {
                    el("fieldset", .cls("group")) {
                        el("legend") { OlympiadWords.grade(grade) }
                        UI.textField(
                            "tasks\(grade)", OlympiadWords.Field.tasks, value: values["tasks\(grade)"], errors: errors,
                            placeholder: "10; 10; 20")
                        UI.textField(
                            "passing\(grade)", OlympiadWords.Field.passing, value: values["passing\(grade)"],
                            errors: errors)
                    }
                }
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(OlympiadPaths.stage(stageID))) { "Отмена" }
                }
            }
        }
    }
}
