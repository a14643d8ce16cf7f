import Domain
import Foundation

extension GroupCardPage {
    /// The registry card the controller renders.
    public var card: RegistryCard {
        let base = SiteURL.record(.groups, id).path
        let visible = seated.count + waiting.count
        var card = RegistryCard(
            title: name, area: .groups, status: nil,
            facts: [
                ("Программа", program + (programAgreed ? " (согласована КМЦ)" : " (не согласована)")),
                ("Ресурсный центр", center), ("Учебный год", year), ("Педагог", teacher), ("Кабинет", room),
                ("Часов по плану", String(plannedHours)), ("Сроки", startsOn + " — " + endsOn),
                ("Места", "занято \(enrolled) из \(capacity), свободно \(max(0, capacity - enrolled))"),
                ("Лист ожидания", RussianPlural.count(waitingCount, "человек", "человека", "человек")),
                ("Запись", isOpen ? "открыта" : "закрыта"),
            ],
            actions: actions(base),
            warnings: hidden > 0 && visible > 0
                ? ["Показаны только учащиеся, чьи данные вам доступны (ещё \(hidden) — из других школ)."] : [],
            sections: [
                RegistryCard.Section(
                    title: "Зачислены", columns: ["Обучающийся", "Школа", "Класс", ""],
                    rows: seated.map { row($0, base) },
                    emptyText: visible == 0 && hidden > 0
                        ? "Списки группы видят координатор, центр и школы своих учащихся." : "В группе пока никого нет."
                ),
                RegistryCard.Section(
                    title: "Лист ожидания", columns: ["№", "Обучающийся", "Школа", "Класс", ""],
                    rows: waiting.map { row($0, base) }, emptyText: "Никто не ждёт места."),
            ],
            history: nil)
        if rights.readLists {
            card.sections.append(
                RegistryCard.Section(
                    title: "Списки КМЦ", columns: ["Список", "Обучающихся", "Состояние"],
                    rows: lists.map { list in
                        [.link("Список от " + list.created, list.url), .text(String(list.items)), .text(list.state)]
                    }, emptyText: "Списков для этой группы нет."))
        }
        return card
    }

    func actions(_ base: String) -> [RegistryCard.Action] {
        var actions: [RegistryCard.Action] = []
        if rights.edit { actions.append(.link("Изменить", SiteURL.edit(.groups, id).path, primary: false)) }
        actions.append(.link("Расписание", SiteURL.groupTimetable(id).path, primary: false))
        if rights.journal {
            actions.append(.link("Журнал", SiteURL.groupJournal(id).path, primary: false))
            actions.append(.link("Диагностика", base + "/diagnostics", primary: false))
            actions.append(.link("Итоговая аттестация", base + "/results", primary: false))
        }
        if rights.certificates { actions.append(.link("Сертификаты", base + "/certificates", primary: false)) }
        if rights.enroll && isOpen { actions.append(.link("Записать обучающегося", base + "/enroll", primary: true)) }
        if isOpen && rights.composeList { actions.append(.post("Составить список КМЦ", base + "/lists")) }
        return actions
    }

    func row(_ student: Student, _ base: String) -> [Cell] {
        var cells: [Cell] = [.text(student.name), .text(student.school), .text(student.grade)]
        if let position = student.position { cells.insert(.text(String(position)), at: 0) }
        cells.append(
            rights.enroll
                ? .link("Отчислить", base + "/withdraw/\(student.enrollmentID.uuidString.lowercased())") : .text(""))
        return cells
    }
}
