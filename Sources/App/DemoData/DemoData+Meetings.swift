import Domain
import Fluent
import Foundation

/// The КМЦ's meetings in the demo (issue 22, item 6): one held in the middle of the last quarter — all members invited,
/// one absent, minutes, two decisions, one with a deadline that became an item of the plan of decisions — and one
/// planned three weeks ahead. The earlier quarters of the year have none, so their warning shows. The held one heard
/// МБОУ «Лицей № 5» and decided to widen its directions; the other centres are left for the coordinator to hear.
extension DemoData {
    static func loadMeetings(on db: any Database, municipalityID: UUID, zone: TimeZone) async throws {
        let today = CivilDay(Date(), timeZone: zone)
        let members = try await KmcMember.query(on: db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$sortKey).all()
        guard !members.isEmpty else { return }
        var (year, quarter) = (today.ymd.year, (today.ymd.month - 1) / 3 + 1)
        (year, quarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1)
        let last = ReportPeriod.quarter(quarter, of: year)!
        let held = last.from.adding(days: 45)
        let meetings: [(CivilDay, String, String, MeetingStatus, String?, [MeetingDecision])] = [
            (
                held, "Работа ресурсных центров в учебном году",
                "1. О выполнении дорожных карт центров «Точка роста».\n2. О квартальных отчётах центров.\n"
                    + "3. Разное.",
                .held,
                "Слушали: руководителей ресурсных центров о выполнении дорожных карт. Выступили: методист МКУ «ЦРО». "
                    + "Решили: принять информацию к сведению; усилить контроль сроков.",
                [
                    MeetingDecision(
                        text: "Подготовить методические рекомендации по сетевым программам",
                        responsible: "МКУ «ЦРО»", dueOn: held.adding(days: 60)),
                    MeetingDecision(
                        text: "Принять информацию руководителей центров к сведению", responsible: nil, dueOn: nil),
                ]
            ),
            (
                today.adding(days: 21), "Итоги полугодия и план работы на второе полугодие",
                "1. Итоги муниципального этапа олимпиады.\n2. План работы КМЦ на второе полугодие.", .planned, nil, []
            ),
        ]
        for (day, title, agenda, status, minutes, decisions) in meetings {
            let meeting = Meeting()
            meeting.id = UUID()
            meeting.$municipality.id = municipalityID
            meeting.heldOn = day.number
            meeting.title = title
            meeting.agenda = agenda
            meeting.status = status.rawValue
            meeting.minutes = minutes
            meeting.createdBy = "kmc"
            meeting.createdAt = Date()
            meeting.updatedBy = "kmc"
            meeting.updatedAt = Date()
            meeting.version = 1
            try await meeting.create(on: db)
            for (index, member) in members.enumerated() {
                let participant = MeetingParticipant()
                participant.$meeting.id = try meeting.requireID()
                participant.$member.id = try member.requireID()
                participant.present = status == .held && index != 1
                try await participant.create(on: db)
            }
            try await MeetingsController.writeDecisions(decisions, meeting: meeting, user: "kmc", on: db)
            if status == .held { try await loadHearing(at: meeting, on: db) }
        }
    }

    static func loadHearing(at meeting: Meeting, on db: any Database) async throws {
        let centers = try await ResourceCenter.query(on: db)
            .join(Organization.self, on: \ResourceCenter.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == meeting.$municipality.id)
            .filter(Organization.self, \.$shortName == "МБОУ «Лицей № 5»").with(\.$academicYear).all()
        guard let center = centers.first(where: { $0.academicYear.isCurrent }) else { return }
        let hearing = DesignationHearing()
        hearing.$municipality.id = meeting.$municipality.id
        hearing.$center.id = try center.requireID()
        hearing.$meeting.id = try meeting.requireID()
        hearing.decision = DesignationDecision.change.rawValue
        hearing.reasoning =
            "Центр выполняет программу; расширить направления деятельности — добавить работу с одарёнными детьми по "
            + "химии и биологии для учащихся сельских школ."
        hearing.createdBy = "kmc"
        hearing.createdAt = Date()
        try await hearing.create(on: db)
    }
}
