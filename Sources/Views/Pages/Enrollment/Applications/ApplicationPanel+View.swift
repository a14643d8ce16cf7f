import Domain
import Foundation

extension ApplicationPanel {
    var url: String { "/applications/" + id.uuidString.lowercased() }

    /// The panel of the applications page (`linkTitle`: in a list, titled by the student and linking to the
    /// application).
    public func panel(linkTitle: Bool) -> ApplicationsPage.Panel {
        ApplicationsPage.Panel(
            title: linkTitle ? "ИУП: " + student + " — " + campaign : "Индивидуальный учебный план",
            url: linkTitle ? url : nil, facts: facts,
            choices: RegistryCard.Section(
                title: "Курсы по приоритету", columns: ["№", "Группа", "Результат"],
                rows: choices.enumerated().map { i, choice in
                    [
                        .text(String(i + 1)), .text(choice.group),
                        .text(
                            Self.choiceTitle(choice.status, sex: sex)
                                + (choice.position.map { ", место № \($0)" } ?? "")),
                    ]
                }, emptyText: "Курсы не выбраны."),
            actions: actions)
    }

    var facts: [(String, String)] {
        var facts: [(String, String)] = [
            ("Обучающийся", student + (school.map { ", \($0)" } ?? "") + ", \(grade) класс"),
            ("Кампания", campaign + " (" + mode.title + ")"), ("Подана", submitted + ", " + submittedBy),
            ("Состояние", state.title + (closedReason.map { ": \($0)" } ?? "")),
            (
                "Согласие родителя (законного представителя)",
                guardianAgreed.map { "дано \($0): \(guardianAgreedBy ?? "")" } ?? "ожидается"
            ),
            (
                "Подтверждение школы",
                schoolDecision == "confirmed"
                    ? "подтверждено" + (schoolDecided.map { " \($0)" } ?? "")
                    : schoolDecision == "refused" ? "отказано" + (schoolComment.map { ": \($0)" } ?? "") : "ожидается"
            ),
        ]
        if let consentWithdrawn {
            facts.append(
                (
                    "Согласие на обработку персональных данных",
                    consentWithdrawn + " — подтвердить заявку и записать обучающегося нельзя"
                ))
        }
        if let holdExpires, state == .submitted {
            facts.append(("Подтвердить до", holdExpires + " — иначе удержанные места освободятся"))
        }
        return facts
    }

    var actions: [RegistryCard.Action] {
        var actions: [RegistryCard.Action] = []
        let live = state == .submitted || state == .confirmed
        if live && guardianAgreed == nil && rights.agree {
            actions.append(.link("Дать согласие родителя", url + "#agree", primary: true))
        }
        if live && schoolDecision == "pending" && rights.decide {
            if consentWithdrawn == nil { actions.append(.post("Подтвердить заявку", url + "/confirm")) }
            actions.append(.link("Отказать…", url + "/refuse", primary: false))
        }
        actions.append(.link("ИУП для печати", url + "/iup", primary: false))
        actions.append(.link("Согласие родителя для печати", url + "/agreement", primary: false))
        if state.isLive && rights.cancel {
            actions.append(.link("Отозвать заявку…", url + "/cancel", primary: false))
        }
        return actions
    }
}
