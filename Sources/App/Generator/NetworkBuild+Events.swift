import Domain
import Foundation
import Views

/// The events of a generated municipality (issue 23, item 1): each centre holds eight over the academic year — seminars
/// and webinars for teachers, master classes, contests and conferences for students, a round table for parents, a
/// profile shift — most on the public calendar; those for students and teachers have registrations (pupils of the
/// municipality, the centre's teachers by name), the held ones with attendance; one in twenty-five is cancelled.
extension NetworkBuild {
    static let eventPlan: [(EventKind, EventAudience, String)] = [
        (.seminar, .teachers, "Семинар «Сетевые программы: обмен опытом»"),
        (.masterClass, .students, "Мастер-класс «Исследование в лаборатории центра»"),
        (.contest, .students, "Конкурс проектов «Шаг в науку»"),
        (.webinar, .teachers, "Вебинар «Подготовка к олимпиадам»"),
        (.roundTable, .parents, "Круглый стол «Профиль обучения: как выбрать»"),
        (.conference, .students, "Конференция школьников «Первые открытия»"),
        (.masterClass, .students, "Мастер-класс «Цифровая лаборатория»"),
        (.profileShift, .students, "Профильная смена «Юные исследователи»"),
    ]

    func events(_ town: GeneratedTown, rng: inout SplitMix64) async throws {
        let today = plan.today
        let span = yearEnd.number - yearStart.number
        for (c, centre) in town.centres.enumerated() {
            let org = town.schools[centre.school].id
            for k in 0..<8 {
                let (kind, audience, title) = Self.eventPlan[(c + k) % Self.eventPlan.count]
                let first = yearStart.adding(days: span * k / 8 + rng.below(20))
                let length = kind == .profileShift ? 5 : 1
                let last = first.adding(days: length - 1)
                let capacity: Int? = [nil, 20, 30, 40, 60][rng.below(5)]
                let cancelled = rng.chance(4)
                let id = rng.uuid()
                var registrations: [[DBValue]] = []
                let wanted = audience == .parents ? 0 : min(capacity ?? 25, 3 + rng.below(15))
                var taken = Set<Int>()
                for _ in 0..<wanted {
                    var attended: Bool? = nil
                    if last < today && !cancelled { attended = rng.chance(85) }
                    let registered = moment(first.adding(days: -1 - rng.below(20)))
                    if audience == .students, !town.pupils.isEmpty {
                        let index = rng.below(town.pupils.count)
                        guard taken.insert(index).inserted else { continue }
                        let pupil = town.pupils[index]
                        registrations.append([
                            .uuid(rng.uuid()), .uuid(id), .uuid(pupil.id), .text(nil), .text(pupil.fullName),
                            .uuid(town.schools[pupil.school].id), attended.map { .bool($0) } ?? .text(nil),
                            .text("parent"), .date(registered),
                        ])
                    } else if audience == .teachers, !centre.teachers.isEmpty {
                        let index = rng.below(centre.teachers.count)
                        guard taken.insert(index).inserted else { continue }
                        registrations.append([
                            .uuid(rng.uuid()), .uuid(id), .text(nil), .text(nil), .text(centre.teachers[index].name),
                            .uuid(org), attended.map { .bool($0) } ?? .text(nil), .text("centre"), .date(registered),
                        ])
                    }
                }
                let held = last < today && !cancelled
                try await rows.add(
                    "events",
                    [
                        .uuid(id), .uuid(town.id), .uuid(org), .text(kind.rawValue), .text(audience.rawValue),
                        .text(title), .text(nil), .int(first.number), .int(last.number),
                        length == 1 ? .int(15 * 60) : .text(nil), length == 1 ? .int(17 * 60) : .text(nil),
                        .text(kind == .webinar ? nil : "\(town.schools[centre.school].shortName), актовый зал"),
                        .text(kind == .webinar ? "https://video.example/webinar-\(c)-\(k)" : nil),
                        capacity.map { .int($0) } ?? .text(nil), .int(registrations.count), .text(nil),
                        .bool(audience != .teachers), .text(held ? "Мероприятие проведено по плану." : nil),
                        .text(nil), .text(TextKey.search(title)),
                        .text((cancelled ? RecordStatus.archived : .active).rawValue), .int(1),
                    ])
                for row in registrations { try await rows.add("event_registrations", row) }
            }
        }
    }
}
