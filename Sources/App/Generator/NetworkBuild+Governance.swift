import Domain
import Foundation
import Views

/// The governing of a municipality (issue 22): each centre's school has this calendar year's first-year «Точка роста»
/// roadmap — of the items due before today, two in three done (on the day or a few days before), the rest overdue —
/// and the last quarter whose due day has passed has its report campaign, every centre reporting: most submitted (a
/// tenth of them late), some drafts, some not begun. Each centre has its activity programme for the academic year:
/// most agreed, their work plans the centres' plans; some awaiting the КМЦ; some drafts.
extension NetworkBuild {
    func governance(_ town: inout GeneratedTown) async throws {
        var rng = random(town.index, 7)
        try await activityPrograms(town, rng: &rng)
        try await assignments(town, rng: &rng)
        try await meetings(town, rng: &rng)
        try await events(town, rng: &rng)
        try await development(town, rng: &rng)
        try await budget(town, rng: &rng)
        let today = plan.today
        let year = today.ymd.year
        let template = RoadmapTemplate.firstYear
        let drafts = template.planItems(year: year)
        let now = moment(today)
        for centre in town.centres {
            let owner = town.schools[centre.school].id
            let planID = rng.uuid()
            try await rows.add(
                "plans",
                [
                    .uuid(planID), .uuid(town.id), .uuid(owner), .text(App.Plan.ownerKey(owner)), .text(template.id),
                    .text(template.title), .int(year), .text("admin"), .date(now), .text("admin"), .date(now), .int(1),
                ])
            for draft in drafts {
                var status = PlanItemStatus.notStarted
                var doneOn: Int?
                var note: String?
                if let due = draft.dueOn, due < today, !rng.chance(33) {
                    status = .done
                    doneOn = due.adding(days: -rng.below(5)).number
                    if draft.evidenceRequired {
                        note = "Приказ № \(10 + draft.position) от \(CivilDay(number: doneOn!).formatted)"
                    }
                }
                try await rows.add(
                    "plan_items",
                    [
                        .uuid(rng.uuid()), .uuid(planID), .uuid(town.id), .uuid(owner), .text(draft.side.rawValue),
                        .text(draft.section), .text(draft.number), .int(draft.position), .text(draft.measure),
                        .text(draft.deadline), draft.dueOn.map { .int($0.number) } ?? .text(nil),
                        draft.startsOn.map { .int($0.number) } ?? .text(nil),
                        draft.quarter.map { .int($0) } ?? .text(nil),
                        .bool(draft.evidenceRequired), .text(status.rawValue), doneOn.map { .int($0) } ?? .text(nil),
                        .text(draft.side == .center ? "руководитель центра" : nil), .text(nil), .text(note), .text(nil),
                        .text(nil), .text("admin"), .date(now), .int(status == .done ? 2 : 1),
                    ])
                summary.planItems += 1
            }
        }
        // The last quarter whose due day is a week gone.
        var (campaignYear, quarter) = (year, (today.ymd.month - 1) / 3 + 1)
        repeat {
            (campaignYear, quarter) = quarter == 1 ? (campaignYear - 1, 4) : (campaignYear, quarter - 1)
        } while ReportPeriod.quarter(quarter, of: campaignYear)!.due.adding(days: 7) > today
        let period = ReportPeriod.quarter(quarter, of: campaignYear)!
        let form = ReportForm.quarterly
        let campaignID = rng.uuid()
        try await rows.add(
            "report_campaigns",
            [
                .uuid(campaignID), .uuid(town.id), .text(form.id),
                .text(form.title + " — " + ReportPeriod.quarterTitle(quarter, of: campaignYear)), .int(campaignYear),
                .int(quarter), .int(period.from.number), .int(period.to.number), .int(period.due.number),
                .text("admin"), .date(moment(period.to)), .int(1),
            ])
        for centre in town.centres {
            let roll = rng.below(100)
            let status: ReportStatus = roll < 60 ? .submitted : roll < 80 ? .draft : .pending
            let late = status == .submitted && rng.chance(10)
            var answers: [String: String] = [:]
            if status != .pending {
                answers = [
                    "students": String(40 + rng.below(200)), "groups": String(2 + rng.below(8)),
                    "hours": String(100 + rng.below(400)), "planDone": String(rng.below(12)),
                    "planOverdue": String(rng.below(4)), "events": String(1 + rng.below(9)),
                    "equipmentLoad": String(30 + rng.below(70)), "problems": "Нет",
                    "reportDate": period.due.adding(days: late ? 3 : -2).formatted,
                ]
            }
            let submitted = status == .submitted ? moment(period.due.adding(days: late ? 3 : -2)) : nil
            try await rows.add(
                "reports",
                [
                    .uuid(rng.uuid()), .uuid(campaignID), .uuid(town.id), .uuid(town.schools[centre.school].id),
                    .text(status.rawValue), .text(Report.encode(answers)), .text("{}"), .date(submitted),
                    .text(submitted == nil ? nil : "admin"), .bool(late), .text(nil), .date(nil), .text(nil),
                    .text(status == .pending ? nil : "admin"), .date(status == .pending ? nil : now),
                    .int(status == .pending ? 1 : 2),
                ])
        }
    }

    /// Each centre's activity programme (issue 22, item 3): seven in ten agreed a week into the year — the work plan a
    /// plan whose passed days are done —, two submitted, one a draft.
    func activityPrograms(_ town: GeneratedTown, rng: inout SplitMix64) async throws {
        let startYear = yearStart.ymd.year
        let submitted = moment(yearStart.adding(days: 3))
        let decided = moment(yearStart.adding(days: 8))
        for centre in town.centres {
            let school = town.schools[centre.school]
            let roll = rng.below(10)
            let status: ActivityProgramStatus = roll < 7 ? .agreed : roll < 9 ? .submitted : .draft
            let content = DemoData.programContent(
                subjects: centre.subjects.map { town.subjects[$0].name }.joined(separator: ", "),
                lead: centre.head.name, second: nil,
                group: [WorkingGroupMember(name: centre.head.name, position: "руководитель РЦ, " + school.shortName)],
                startYear: startYear)
            let json = ActivityProgram.encode(content)
            let programID = rng.uuid()
            var planID: UUID?
            if status == .agreed {
                planID = rng.uuid()
                try await activityPlan(planID!, town: town, owner: school.id, content: content, rng: &rng)
            }
            try await rows.add(
                "activity_programs",
                [
                    .uuid(programID), .uuid(town.id), .uuid(school.id), .uuid(centre.designation), .int(startYear),
                    .text(status.rawValue), .text(json), .text(nil), .date(status == .draft ? nil : submitted),
                    .date(status == .agreed ? decided : nil), .text(status == .agreed ? "admin" : nil),
                    planID.map { .uuid($0) } ?? .text(nil), .text("admin"), .date(moment(yearStart)), .text("admin"),
                    .date(submitted), .int(status == .draft ? 1 : status == .submitted ? 2 : 3),
                ])
            if status != .draft {
                try await rows.add(
                    "activity_program_versions",
                    [
                        .uuid(rng.uuid()), .uuid(programID), .int(1), .text(json), .text("admin"), .date(submitted),
                        .text(status.rawValue), .text(nil), .text(status == .agreed ? "admin" : nil),
                        .date(status == .agreed ? decided : nil),
                    ])
            }
        }
    }

    /// The centre's plan from its agreed work plan, as `ActivityProgramWrites.makePlan` makes it; the items whose day
    /// has passed done.
    func activityPlan(
        _ planID: UUID, town: GeneratedTown, owner: UUID, content: ActivityProgramContent, rng: inout SplitMix64
    ) async throws {
        let startYear = yearStart.ymd.year
        let now = moment(yearStart.adding(days: 8))
        try await rows.add(
            "plans",
            [
                .uuid(planID), .uuid(town.id), .uuid(owner), .text(App.Plan.ownerKey(owner)),
                .text(ActivityProgramWrites.planTemplateKey), .text(ActivityProgramWords.plan(startYear)),
                .int(startYear), .text("admin"), .date(now), .text("admin"), .date(now), .int(1),
            ])
        for (position, row) in content.rows.enumerated() {
            let done = row.dueOn.map { $0 < plan.today } ?? false
            try await rows.add(
                "plan_items",
                [
                    .uuid(rng.uuid()), .uuid(planID), .uuid(town.id), .uuid(owner),
                    .text(PlanItemDraft.Side.center.rawValue), .text(ActivityProgramSection.workPlan.title),
                    .text(String(position + 1)), .int(position),
                    .text(row.partners.map { ActivityProgramWords.withPartners(row.activity, $0) } ?? row.activity),
                    .text(row.dates), row.dueOn.map { .int($0.number) } ?? .text(nil),
                    row.startsOn.map { .int($0.number) } ?? .text(nil), .text(nil), .bool(false),
                    .text((done ? PlanItemStatus.done : .notStarted).rawValue),
                    done ? .int(row.dueOn!.number - 1) : .text(nil), .text(row.responsible), .text(nil), .text(nil),
                    .text(nil), .text(nil), .text("admin"), .date(now), .int(done ? 2 : 1),
                ])
            summary.planItems += 1
        }
    }

    /// Every other centre has the КМЦ's technical assignment for the year (issue 22, item 4), issued on its first day:
    /// the four results of the model assignment, those whose day has passed presented with evidence.
    func assignments(_ town: GeneratedTown, rng: inout SplitMix64) async throws {
        let startYear = yearStart.ymd.year
        let issued = moment(yearStart)
        for (number, centre) in town.centres.enumerated() where number % 2 == 0 {
            let school = town.schools[centre.school]
            let input = AssignmentInput(
                title: "Модель ресурсного центра: "
                    + centre.subjects.map { town.subjects[$0].name }
                    .joined(separator: ", "),
                basis: "Муниципальная программа развития образования.", goals: "Условия для развития одарённости.",
                content: "Разработка и описание модели ресурсного центра.", results: "Модель, опыт, публикации.",
                financing: nil, startsOn: yearStart, endsOn: CivilDay(year: startYear + 1, month: 6, day: 30)!,
                deliverables: AssignmentDeliverable.standard(startYear: startYear))
            let record = TechnicalAssignment()
            record.apply(input)
            let (assignmentID, planID) = (rng.uuid(), rng.uuid())
            try await rows.add(
                "plans",
                [
                    .uuid(planID), .uuid(town.id), .uuid(school.id), .text(App.Plan.ownerKey(school.id)),
                    .text(AssignmentWrites.planKey(assignmentID)), .text(AssignmentWords.plan(input.title)),
                    .int(startYear),
                    .text("admin"), .date(issued), .text("admin"), .date(issued), .int(1),
                ])
            for (position, planned) in input.deliverables.enumerated() {
                let done = planned.dueOn < plan.today
                try await rows.add(
                    "plan_items",
                    [
                        .uuid(rng.uuid()), .uuid(planID), .uuid(town.id), .uuid(school.id),
                        .text(PlanItemDraft.Side.center.rawValue), .text(AssignmentWords.resultsSection),
                        .text(String(position + 1)), .int(position), .text(planned.kind.title + ": " + planned.title),
                        .text(MeetingWords.until(planned.dueOn.formatted)), .int(planned.dueOn.number), .text(nil),
                        .text(nil), .bool(true), .text((done ? PlanItemStatus.done : .notStarted).rawValue),
                        done ? .int(planned.dueOn.number - 2) : .text(nil), .text(centre.head.name), .text(nil),
                        .text(done ? "Приказ об утверждении" : nil), .text(nil), .text(nil), .text("admin"),
                        .date(issued), .int(done ? 2 : 1),
                    ])
                summary.planItems += 1
            }
            try await rows.add(
                "technical_assignments",
                [
                    .uuid(assignmentID), .uuid(town.id), .uuid(school.id), .text(input.title), .text(input.basis),
                    .text(input.goals), .text(input.content), .text(input.results), .text(nil),
                    .int(input.startsOn.number), .int(input.endsOn.number), .text(record.deliverables),
                    .text(AssignmentStatus.issued.rawValue), .uuid(planID), .date(issued), .text("admin"),
                    .text("admin"), .date(issued), .text("admin"), .date(issued), .int(1),
                ])
        }
    }
}
