import Domain
import Foundation
import Views

/// The talent registry of a municipality (issue 21): the olympiad's built-in subjects (a generated municipality is
/// written as rows, so `OlympiadSubjectsSeed` does not see it), the All-Russian olympiad with this year's school and
/// municipal stages, a municipal contest, and results of about one pupil in eight at the school stage (with a score), a
/// third of them also at the municipal stage — which has a stage per subject (`olympiadStages`) with their results.
extension NetworkBuild {
    func talent(_ town: inout GeneratedTown) async throws {
        var rng = random(town.index, 6)
        var subjects: [UUID] = []
        for subject in OlympiadSubjects.builtIn {
            let id = rng.uuid()
            subjects.append(id)
            try await rows.add(
                "olympiad_subjects",
                [
                    .uuid(id), .uuid(town.id), .text(subject.name), .text(subject.profiles),
                    .text(TextKey.search(subject.name)), .text(TextKey.sort(subject.name)),
                    .text(RecordStatus.active.rawValue), .int(1),
                ])
        }
        func contest(_ title: String, _ kind: ContestKind, _ level: ContestLevel, _ direction: ContestDirection)
            async throws -> UUID
        {
            let id = rng.uuid()
            try await rows.add(
                "contests",
                [
                    .uuid(id), .uuid(town.id), .text(title), .text(kind.rawValue), .text(level.rawValue),
                    .text(direction.rawValue), .text("Комитет образования"), .text(nil), .text(TextKey.search(title)),
                    .text(TextKey.sort(title)), .text(RecordStatus.active.rawValue), .int(1),
                ])
            return id
        }
        let olympiadTitle = "Всероссийская олимпиада школьников"
        let olympiad = try await contest(olympiadTitle, .allRussianOlympiad, .school, .intellectual)
        let researchTitle = "Конкурс исследовательских работ «Шаг в науку»"
        let research = try await contest(researchTitle, .contest, .municipal, .intellectual)
        let year = "\(yearStart.ymd.year)/\(yearStart.ymd.year + 1)"
        func edition(_ contest: UUID, _ title: String, _ level: ContestLevel, days: ClosedRange<Int>) async throws
            -> (id: UUID, title: String, day: Date)
        {
            let id = rng.uuid()
            let stage = TalentWords.stage(kind: title == olympiadTitle ? .allRussianOlympiad : .contest, level: level)
            let end = moment(yearStart.adding(days: days.upperBound))
            try await rows.add(
                "contest_editions",
                [
                    .uuid(id), .uuid(town.id), .uuid(contest), .uuid(town.yearID), .text(level.rawValue),
                    .date(moment(yearStart.adding(days: days.lowerBound))), .date(end), .text(nil),
                    .text(TextKey.search(title, year, stage)), .text(TextKey.sort("\(title) \(year) \(level.rank)")),
                    .text(RecordStatus.active.rawValue), .int(1),
                ])
            return (id, title, end)
        }
        let schoolStage = try await edition(olympiad, olympiadTitle, .school, days: 20...50)
        let municipalStage = try await edition(olympiad, olympiadTitle, .municipal, days: 70...90)
        let researchNow = try await edition(research, researchTitle, .municipal, days: 80...80)
        var municipal: [Int: [(pupil: GeneratedPupil, score: Double)]] = [:]
        var prizeWinners: [GeneratedPupil] = []
        for pupil in town.pupils where rng.chance(12) {
            let person = pupil.person
            let subject = rng.below(subjects.count)
            var entries = [(schoolStage, subject, rng.chance(30) ? AchievementResult.winner : .participant)]
            let schoolScore = Double(10 + rng.below(41))
            if rng.chance(33) {
                let result: AchievementResult = rng.chance(25) ? .prizeWinner : .participant
                entries.append((municipalStage, subject, result))
                if result == .prizeWinner { prizeWinners.append(pupil) }
                if (7...11).contains(pupil.grade) { municipal[subject, default: []].append((pupil, schoolScore)) }
            }
            if rng.chance(10) { entries.append((researchNow, -1, .winner)) }
            for (edition, subject, result) in entries {
                let subjectID = subject < 0 ? nil : subjects[subject]
                let nomination = subject < 0 ? "секция «Естественные науки»" : nil
                try await rows.add(
                    "achievements",
                    [
                        .uuid(rng.uuid()), .uuid(town.id), .uuid(town.schools[pupil.school].id), .uuid(pupil.id),
                        .uuid(edition.id), subjectID.map { .uuid($0) } ?? .text(nil), .text(nomination),
                        .text(AchievementRules.subjectKey(subjectID: subjectID, nomination: nomination)),
                        .text(result.rawValue), .double(edition.id == schoolStage.id ? schoolScore : nil),
                        .text(nil), .int(pupil.grade),
                        .int(pupil.grade), .date(edition.day), .text(nil), .text(nil),
                        .text(TextKey.search(person.surname, person.given, person.patronymic, edition.title)),
                        .text(
                            TextKey.sort(
                                [person.surname, person.given, person.patronymic ?? ""].joined(separator: " "))),
                        .text(RecordStatus.active.rawValue), .int(1),
                    ])
                summary.achievements += 1
            }
        }
        try await olympiadStages(
            town, subjects: subjects, municipal: municipal, edition: municipalStage.id, rng: &rng)
        try await supportMeasures(town, prizeWinners: prizeWinners, rng: &rng)
    }

    /// Support of a third of the municipal prize-winners: premiums and stipends, half of them awarded by a decree; each
    /// of them with an individual route of three steps (a network course, olympiad preparation, a summer school).
    func supportMeasures(_ town: GeneratedTown, prizeWinners: [GeneratedPupil], rng: inout SplitMix64) async throws {
        let created = moment(yearStart.adding(days: 95))
        for (index, pupil) in prizeWinners.enumerated() where index % 3 == 0 {
            let stipend = rng.chance(50)
            let input = SupportInput(
                kind: stipend ? .stipend : .premium, amount: stipend ? 2_000 : 5_000,
                startsOn: stipend ? yearStart.adding(days: 121) : nil,
                endsOn: stipend ? yearStart.adding(days: 272) : nil,
                basis: "Призёр муниципального этапа всероссийской олимпиады школьников",
                decreeNumber: rng.chance(50) ? "\(100 + index / 3)" : nil,
                decreeDay: yearStart.adding(days: 100))
            let awarded = input.decreeNumber != nil
            try await rows.add(
                "support_measures",
                [
                    .uuid(rng.uuid()), .uuid(town.id), .uuid(town.yearID), .uuid(town.schools[pupil.school].id),
                    .uuid(pupil.id), .text(input.kind.rawValue), .int(input.amount), .int(input.total),
                    input.startsOn.map { .int($0.number) } ?? .text(nil),
                    input.endsOn.map { .int($0.number) } ?? .text(nil),
                    .text(nil), .text(nil), .text(nil), .text(input.basis), .int(3), .text(input.decreeNumber),
                    awarded ? .int(yearStart.adding(days: 100).number) : .text(nil), .text(nil),
                    .text(awarded ? SupportStatus.awarded.rawValue : SupportStatus.proposed.rawValue), .text("kmc"),
                    .date(created), .text("kmc"), .date(created), .int(1),
                ])
            summary.supportMeasures += 1
            let routeID = rng.uuid()
            try await rows.add(
                "individual_routes",
                [
                    .uuid(routeID), .uuid(town.id), .uuid(town.yearID), .uuid(town.schools[pupil.school].id),
                    .uuid(pupil.id), .text("Подготовка к региональному этапу олимпиады"), .text(nil),
                    .text("Заместитель директора"), .text(RouteStatus.active.rawValue), .text("kmc"), .date(created),
                    .text("kmc"), .date(created), .int(1),
                ])
            let steps: [(RouteStepKind, String, Int, RouteStepStatus)] = [
                (.course, "Сетевой курс", 120, .inProgress),
                (.olympiadPreparation, "Подготовка к олимпиаде", 140, .planned),
                (.summerSchool, "Летняя школа", 300, .planned),
            ]
            for (kind, title, due, status) in steps {
                try await rows.add(
                    "individual_route_steps",
                    [
                        .uuid(rng.uuid()), .uuid(routeID), .text(kind.rawValue), .text(title),
                        .int(yearStart.adding(days: due - 30).number), .int(yearStart.adding(days: due).number),
                        .text(status.rawValue), .text(nil), .int(1),
                    ])
            }
            summary.routes += 1
        }
    }

    /// A municipal stage per subject with municipal results: five tasks of 10 points a grade, passing score 25, and
    /// each of those pupils a participant with scores per task.
    func olympiadStages(
        _ town: GeneratedTown, subjects: [UUID], municipal: [Int: [(pupil: GeneratedPupil, score: Double)]],
        edition: UUID, rng: inout SplitMix64
    ) async throws {
        let year = "\(yearStart.ymd.year)/\(yearStart.ymd.year + 1)"
        let rules = OlympiadRules.standard
        for (subject, pupils) in municipal.sorted(by: { $0.key < $1.key }) {
            let stageID = rng.uuid()
            let name = OlympiadSubjects.builtIn[subject].name
            try await rows.add(
                "olympiad_stages",
                [
                    .uuid(stageID), .uuid(town.id), .uuid(town.yearID), .uuid(subjects[subject]), .uuid(edition),
                    .int(rules.quotaPercent), .int(rules.winnerMinPercent), .int(rules.prizeMinPercent), .date(nil),
                    .text(nil), .text(TextKey.search(name, year)), .text(TextKey.sort("\(year) \(name)")),
                    .text(RecordStatus.active.rawValue), .int(1),
                ])
            for grade in 7...11 {
                try await rows.add(
                    "olympiad_stage_grades",
                    [.uuid(rng.uuid()), .uuid(stageID), .int(grade), .double(25), .text("10;10;10;10;10")])
            }
            for (index, entry) in pupils.enumerated() {
                let scores = (0..<5).map { _ in Double(rng.below(11)) }
                let person = entry.pupil.person
                try await rows.add(
                    "olympiad_participants",
                    [
                        .uuid(rng.uuid()), .uuid(stageID), .uuid(town.id), .uuid(town.schools[entry.pupil.school].id),
                        .uuid(entry.pupil.id), .text(String(format: "М-%04d", index + 1)), .int(entry.pupil.grade),
                        .int(entry.pupil.grade), .text(OlympiadScores.stored(scores)),
                        .double(OlympiadScores.total(scores)), .text(OlympiadInvitation.Reason.schoolStage.rawValue),
                        .text(
                            TextKey.sort(
                                [person.surname, person.given, person.patronymic ?? ""].joined(separator: " "))),
                        .int(1),
                    ])
                summary.olympiadParticipants += 1
            }
        }
    }
}
