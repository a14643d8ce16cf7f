import Domain
import Fluent
import Foundation
import Vapor

/// Report campaigns' demo (issue 22, item 5): the quarterly report of the last quarter whose due day is well past —
/// МБОУ «Гимназия № 2» submitted on time, МБОУ «СОШ № 1» late, МБОУ «СОШ № 3» has a draft, МБОУ «Лицей № 5» nothing —
/// and this quarter's, open: none submitted yet, so the schools see it among their tasks. The administrator's own form
/// «Работа с родителями» (issue 22, item 5), with this quarter's campaign for the gymnasium and the third school.
extension DemoData {
    static func loadReports(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], zone: TimeZone
    ) async throws {
        let today = CivilDay(Date(), timeZone: zone)
        var (year, quarter) = (today.ymd.year, (today.ymd.month - 1) / 3 + 1)
        func previous() {
            (year, quarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1)
        }
        // The current quarter's campaign is open; the past one is the latest whose due day is at least 5 days gone.
        let current = (year: year, quarter: quarter)
        previous()
        while let period = ReportPeriod.quarter(quarter, of: year), period.due.adding(days: 5) > today { previous() }
        let past = (year: year, quarter: quarter)
        let names = ["МБОУ «Гимназия № 2»", "МБОУ «СОШ № 1»", "МБОУ «СОШ № 3»", "МБОУ «Лицей № 5»"]
        let organizations = try await Organization.query(on: db).filter(\.$id ~~ names.compactMap { orgIDs[$0] })
            .all().sorted { names.firstIndex(of: $0.shortName)! < names.firstIndex(of: $1.shortName)! }
        let own = try await parentsForm(on: db, municipalityID: municipalityID)
        guard let form = own.form else { throw Abort(.internalServerError, reason: "The demo's form does not read.") }
        _ = try await ReportCampaignsController.announce(
            form, text: own.body, year: current.year, quarter: current.quarter,
            period: ReportPeriod.quarter(current.quarter, of: current.year)!,
            organizations: organizations.filter { ["МБОУ «Гимназия № 2»", "МБОУ «СОШ № 3»"].contains($0.shortName) },
            municipalityID: municipalityID, username: "admin", req: nil, on: db)
        for (which, (year, quarter)) in [past, current].enumerated() {
            let period = ReportPeriod.quarter(quarter, of: year)!
            let campaign = try await ReportCampaignsController.announce(
                .quarterly, year: year, quarter: quarter, period: period, organizations: organizations,
                municipalityID: municipalityID, username: "admin", req: nil, on: db)
            guard which == 0 else { continue }
            let reports = try await Report.query(on: db).filter(\.$campaign.$id == campaign.requireID()).all()
            for report in reports {
                guard let position = organizations.firstIndex(where: { $0.id == report.$organization.id }),
                    position < 3
                else { continue }
                let computed = try await ReportSources.compute(
                    Set(ReportSource.allCases), organization: report.$organization.id, period: period, zone: zone,
                    on: db)
                var answers: [String: String] = [:]
                for indicator in ReportForm.quarterly.indicators {
                    if let source = indicator.source { answers[indicator.key] = String(computed[source] ?? 0) }
                }
                answers["events"] = String(3 + position * 2)
                answers["teachersTrained"] = String(2 + position)
                answers["equipmentLoad"] = ["72", "58.5", "40"][position]
                answers["measures"] =
                    "Мастер-класс «Робототехника для начинающих»; \(period.from.adding(days: 20).formatted); 24; проведён\n"
                    + "Муниципальный турнир по шахматам; \(period.from.adding(days: 45).formatted); 36; проведён"
                answers["problems"] =
                    "Не хватает часов педагогов дополнительного образования; решается совместительством."
                answers["reportDate"] = period.due.adding(days: position == 1 ? 3 : -2).formatted
                report.answers = Report.encode(answers)
                report.computed = Report.encode(
                    answers.filter { key, _ in ReportForm.quarterly.indicator(key)?.source != nil })
                report.updatedBy = position == 0 ? "centre1" : "school1"
                report.updatedAt = period.due.adding(days: -3).date(timeZone: zone)
                if position < 2 {
                    // The gymnasium on time, the first school three days late.
                    report.status = ReportStatus.submitted.rawValue
                    report.submittedAt = period.due.adding(days: position == 1 ? 3 : -2).date(timeZone: zone)
                        .addingTimeInterval(12 * 3600)
                    report.submittedBy = report.updatedBy
                    report.late = position == 1
                } else {
                    report.status = ReportStatus.draft.rawValue
                }
                report.version = 2
                try await report.save(on: db)
            }
        }
    }

    /// The administrator's own report form: work with parents in a quarter.
    static func parentsForm(on db: any Database, municipalityID: UUID) async throws -> CustomReportForm {
        let form = CustomReportForm()
        form.id = UUID()
        form.$municipality.id = municipalityID
        form.title = "Работа с родителями"
        form.body = ReportForm.text([
            ReportIndicator("p1", "Родителей на собраниях и консультациях", .number, unit: "чел.", required: true),
            ReportIndicator(
                "p2", "Доля родителей, довольных занятиями", .share, unit: "%",
                hint: "По анкете в конце квартала."),
            ReportIndicator(
                "p3", "Мероприятия для родителей", .table(["Мероприятие", "Дата", "Участников"]), required: true),
            ReportIndicator("p4", "Обучающихся в группах центра", .number, unit: "чел.", source: .studentsCovered),
            ReportIndicator("p5", "Предложения родителей", .text),
        ])
        form.status = RecordStatus.active.rawValue
        (form.createdBy, form.createdAt, form.updatedBy, form.updatedAt, form.version) =
            ("admin", Date(), "admin", Date(), 1)
        try await form.create(on: db)
        try await ReportFormsController.keepVersion(form, user: "admin", on: db)
        return form
    }
}
