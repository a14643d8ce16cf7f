import Domain
import Foundation

/// The regional stage's results on its page: read by the school and the centre, entered by the stage's runners.
extension OlympiadRegionalPage {
    /// The regional results as a reader sees them.
    var resultsNode: Node {
        el("table", .cls("list")) {
            el("thead") {
                el("tr") { for column in ["Участник", "Школа", "Класс", "Региональный этап"] { el("th") { column } } }
            }
            el("tbody") {
                for row in regionalParticipants {
                    el("tr") {
                        el("td") { row.name }
                        el("td") { row.school }
                        el("td") { String(row.grade) }
                        el("td") { row.consented ? row.regionalResult ?? "—" : OlympiadWords.Regional.noConsentRow }
                    }
                }
            }
        }
    }

    /// The runners' form: each regional participant's result and score, written into their achievements.
    func resultsForm(_ ctx: PageContext) -> Node {
        let errors = failedForm == .results ? errors : FieldErrors()
        let choices = AchievementResult.allCases.reversed().map { ($0.rawValue, $0.title) }
        return el(
            "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", Self.results(stageID)),
            Attr("novalidate", "novalidate")
        ) {
            el("p", .cls("muted")) { OlympiadWords.Regional.resultsIntro }
            Layout.csrf(ctx)
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            FieldSpec("regionalOn", OlympiadWords.Regional.date, .date, hint: OlympiadWords.Regional.dateHint)
                .render(values: values, errors: errors)
            for row in regionalParticipants where !row.consented {
                el("fieldset", .cls("group")) {
                    el("legend") { "\(row.name), \(row.school), \(row.grade) класс" }
                    el("p", .cls("muted")) { OlympiadWords.Regional.noConsentRow }
                    if let error = errors[row.resultField] { el("p", .cls("error")) { error } }
                }
            }
            for row in regionalParticipants where row.consented {
                el("fieldset", .cls("group pair")) {
                    el("legend") { "\(row.name), \(row.school), \(row.grade) класс" }
                    UI.hidden(row.versionField, values[row.versionField] ?? "")
                    UI.selectField(
                        row.resultField, OlympiadWords.Regional.result, options: choices,
                        selected: values[row.resultField], errors: errors, includeEmpty: OlympiadWords.Regional.none)
                    UI.textField(
                        row.scoreField, OlympiadWords.Regional.score, value: values[row.scoreField], errors: errors)
                }
            }
            el("div", .cls("actions")) { UI.submit(OlympiadWords.Regional.save) }
        }
    }
}
