import Domain
import Foundation

/// The preparation sessions on the regional stage's page: the list with the hours per trainer, and the form.
extension OlympiadRegionalPage {
    func sessionsNode(_ ctx: PageContext) -> Node {
        fragment {
            el("table", .cls("list")) {
                el("thead") {
                    el("tr") {
                        for column in ["Дата", "Часов", "Тренер", "Ресурсный центр", "Тема", ""] { el("th") { column } }
                    }
                }
                el("tbody") {
                    for session in sessions {
                        el("tr") {
                            el("td") { session.date }
                            el("td") { TalentWords.scoreText(session.hours) }
                            el("td") { session.trainer + (session.outside ? " (привлечённый)" : "") }
                            el("td") { session.center }
                            el("td") { session.topic }
                            el("td") {
                                if session.canDelete {
                                    el(
                                        "a",
                                        .href(Self.sessions(stageID) + "/\(session.id.uuidString.lowercased())/delete")
                                    ) {
                                        "Удалить"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h3") { "Часы по тренерам" }
            el("ul") {
                for item in hoursByTrainer {
                    el("li") {
                        "\(item.trainer)\(item.outside ? " (привлечённый)" : ""): "
                            + RussianPlural.count(Int(item.hours.rounded()), "час", "часа", "часов")
                    }
                }
            }
        }
    }

    func sessionForm(_ ctx: PageContext) -> Node {
        el(
            "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", Self.sessions(stageID)),
            Attr("novalidate", "novalidate")
        ) {
            el("h3") { "Добавить занятие" }
            Layout.csrf(ctx)
            let errors = failedForm == .session ? errors : FieldErrors()
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            FieldSpec("center", "Ресурсный центр", .select(centers, empty: "— выберите —"), required: true).render(
                values: values, errors: errors)
            FieldSpec("heldOn", "Дата", .date, required: true).render(values: values, errors: errors)
            FieldSpec("hours", "Часов", required: true, hint: "От 0,5 до 12, например 1,5.").render(
                values: values, errors: errors)
            FieldSpec(
                "trainerId", "Тренер из реестра", .select(trainers, empty: "— нет в реестре —"),
                hint: "Педагоги центров и сети, привлечённые тренеры из реестра кадров."
            ).render(values: values, errors: errors)
            FieldSpec("trainer", "Тренер (нет в реестре)", hint: "Фамилия и инициалы.").render(
                values: values, errors: errors)
            FieldSpec(
                "trainerOutside", "Тренер не из реестра", .checkboxes([("yes", "не сотрудник центра (привлечённый)")])
            ).render(values: values, errors: errors)
            FieldSpec("topic", "Тема", required: true).render(values: values, errors: errors)
            el("div", .cls("actions")) { UI.submit("Добавить занятие") }
        }
    }
}
