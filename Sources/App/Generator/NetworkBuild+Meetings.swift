import Domain
import Foundation
import Views

/// The КМЦ of a generated municipality (issue 22, item 6): five members; a meeting held in each of the last four ended
/// quarters (those the «quarter without a meeting» warning looks at, `001_4390f67d15d9225c.txt` §5.6) with its minutes,
/// attendance and two decisions; one planned a fortnight ahead; the last held one heard every third centre's year — two
/// in three kept their status (no next year in the registry yet, so nothing carried), one in three to change its
/// directions.
extension NetworkBuild {
    func meetings(_ town: GeneratedTown, rng: inout SplitMix64) async throws {
        let today = plan.today
        let quarters = MeetingCalendar.lastEnded(today: today)
        // Each on the Thursday of its quarter's last fortnight.
        let days = quarters.map { $0.period.to.adding(days: -10).startOfWeek.adding(days: 3) }
        let termFrom = min(quarters.first?.period.from ?? yearStart, yearStart)
        var members: [UUID] = []
        for index in 0..<5 {
            let person = GeneratedPerson.make(&rng, adult: true)
            let id = rng.uuid()
            let role: KmcRole = index == 0 ? .head : index == 1 ? .secretary : .member
            let position = index == 0 ? "начальник отдела общего образования" : "методист"
            try await rows.add(
                "kmc_members",
                [
                    .uuid(id), .uuid(town.id), .text(person.fullName), .text(nil), .text(position),
                    .text(role.rawValue), .date(moment(termFrom)), .date(moment(yearEnd)),
                    .text("\(17 + town.index)-к"), .date(moment(termFrom.adding(days: -10))),
                    .text(TextKey.search(person.fullName, position)),
                    .text(TextKey.sort(person.fullName)), .text(RecordStatus.active.rawValue), .int(1),
                ])
            members.append(id)
        }
        var lastHeld: UUID?
        for (quarter, day) in zip(quarters, days) {
            let id = rng.uuid()
            try await meeting(
                id, town: town, day: day,
                title: "Итоги \(["I", "II", "III", "IV"][quarter.quarter - 1]) квартала \(quarter.year) года: работа "
                    + "ресурсных центров",
                held: true, members: members, rng: &rng)
            lastHeld = id
        }
        try await meeting(
            rng.uuid(), town: town, day: today.adding(days: 14), title: "Планирование сетевых мероприятий",
            held: false, members: members, rng: &rng)
        guard let lastHeld else { return }
        for (index, centre) in town.centres.enumerated() where index % 3 == 0 {
            let keep = index % 9 != 0
            try await rows.add(
                "designation_hearings",
                [
                    .uuid(rng.uuid()), .uuid(town.id), .uuid(centre.designation), .uuid(lastHeld),
                    .text((keep ? DesignationDecision.keep : .change).rawValue),
                    .text(keep ? nil : "Добавить направление «Инженерное образование»."), .text(nil),
                    .text("kmc"), .date(moment(days.last!)),
                ])
        }
    }

    private func meeting(
        _ id: UUID, town: GeneratedTown, day: CivilDay, title: String, held: Bool, members: [UUID],
        rng: inout SplitMix64
    ) async throws {
        let at = moment(held ? day : day.adding(days: -20))
        try await rows.add(
            "meetings",
            [
                .uuid(id), .uuid(town.id), .int(day.number), .text(title),
                .text("1. Отчёты руководителей ресурсных центров.\n2. Разное."),
                .text((held ? MeetingStatus.held : .planned).rawValue),
                .text(held ? "Заслушали отчёты руководителей центров. Решили: принять к сведению." : nil),
                .text("kmc"), .date(at), .text("kmc"), .date(at), .int(held ? 2 : 1),
            ])
        let absent = rng.below(members.count)
        for (index, member) in members.enumerated() {
            try await rows.add(
                "meeting_participants", [.uuid(rng.uuid()), .uuid(id), .uuid(member), .bool(held && index != absent)])
        }
        guard held else { return }
        for (position, text) in [
            "Принять к сведению отчёты руководителей центров", "Обобщить опыт центров на августовском совещании",
        ].enumerated() {
            try await rows.add(
                "meeting_decisions",
                [.uuid(rng.uuid()), .uuid(id), .int(position), .text(text), .text("КМЦ"), .text(nil), .text(nil)])
        }
    }
}
