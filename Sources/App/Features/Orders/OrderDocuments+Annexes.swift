import Documents
import Domain
import Fluent
import Vapor
import Views

/// The year's data each kind of order lists in its appendix, read as the plain lines of `OrderDocument`.
extension OrderDocuments {
    static func organization(_ input: Input, groups: [StudyGroup], on db: any Database) async throws
        -> OrderDocument.Annex
    {
        let centers = try await ResourceCenter.query(on: db).filter(try \.$academicYear.$id == input.year.requireID())
            .filter(\.$status == RecordStatus.active.rawValue)
            .with(\.$organization).with(\.$subjects).all().sorted {
                $0.organization.sortKey < $1.organization.sortKey
            }
        return .organization(
            centers: centers.map {
                OrderDocument.Center(name: $0.organization.fullName, subjects: $0.subjects.map(\.name).sorted())
            },
            groups: groups.map { group in
                OrderDocument.Group(
                    center: group.organization.shortName, program: group.program.title, name: group.name,
                    teacher: group.teacher?.fullName ?? "", capacity: group.capacity, hours: group.plannedHours)
            })
    }

    static func schedule(groups: [StudyGroup], on db: any Database) async throws -> OrderDocument.Annex {
        var patterns: [OrderDocument.Pattern] = []
        for group in groups {
            for pattern in try await LessonPattern.query(on: db).filter(try \.$group.$id == group.requireID()).with(
                \.$room
            ).all() {
                patterns.append(
                    OrderDocument.Pattern(
                        center: group.organization.shortName, group: group.name, program: group.program.title,
                        weekday: Weekday(rawValue: pattern.weekday)?.title ?? "",
                        times: LessonSpan(
                            day: CivilDay(number: pattern.firstDay), start: ClockTime(minutes: pattern.startMinute),
                            hours: pattern.hours
                        ).times,
                        room: pattern.room?.name ?? "", teacher: group.teacher?.fullName ?? "",
                        period: CivilDay(number: pattern.firstDay).formatted + " — "
                            + CivilDay(number: pattern.lastDay).formatted))
            }
        }
        // Lessons outside the weekly patterns and the changes to them: single lessons, moves, substitutions,
        // cancellations.
        var changes: [OrderDocument.Change] = []
        for group in groups {
            for lesson in try await Lesson.query(on: db).filter(try \.$group.$id == group.requireID()).with(\.$pattern)
                .with(
                    \.$room
                )
                .with(\.$teacher).sort(\.$day).all()
            {
                let kind: OrderDocument.ChangeKind
                if lesson.isCancelled {
                    kind = .cancelled(note: lesson.note)
                } else if lesson.$pattern.id == nil {
                    kind = .single
                } else if let pattern = lesson.pattern,
                    pattern.startMinute != lesson.startMinute || pattern.hours != lesson.hours
                        || CivilDay(number: lesson.day).weekday.rawValue != pattern.weekday
                {
                    kind = .moved
                } else if lesson.$substituteFor.id != nil {
                    kind = .substitute
                } else {
                    continue
                }
                changes.append(
                    OrderDocument.Change(
                        group: group.name, day: CivilDay(number: lesson.day).formatted, times: lesson.span.times,
                        room: lesson.room?.name ?? "", teacher: lesson.teacher?.fullName ?? "", kind: kind))
            }
        }
        return .schedule(patterns: patterns, changes: changes)
    }

    static func attestation(groups: [StudyGroup], on db: any Database) async throws -> OrderDocument.Annex {
        var rows: [OrderDocument.Result] = []
        for group in groups {
            let results = try await FinalResult.query(on: db).filter(try \.$group.$id == group.requireID()).with(
                \.$student
            ).all()
                .sorted { $0.student.sortKey < $1.student.sortKey }
            for result in results {
                rows.append(
                    OrderDocument.Result(
                        student: result.student.fullName, group: group.name, center: group.organization.shortName,
                        form: AttestationForm(rawValue: result.form)?.title ?? result.form, passed: result.passed,
                        grade: result.grade,
                        day: CivilDay(number: result.resultDay).formatted))
            }
        }
        return .attestation(rows)
    }

    static func certificates(groups: [StudyGroup], on db: any Database) async throws -> OrderDocument.Annex {
        let ids = groups.compactMap(\.id)
        let certs =
            ids.isEmpty
            ? []
            : try await Certificate.query(on: db).filter(\.$group.$id ~~ ids).filter(
                \.$status == Certificate.Status.valid.rawValue
            )
            .sort(\.$year).sort(\.$sequence).all()
        return .certificates(
            certs.map {
                OrderDocument.Certificate(
                    number: $0.number, student: $0.studentName, course: $0.programTitle, center: $0.centerName,
                    hours: $0.hours)
            })
    }

    static func interaction(_ input: Input, municipalityID: UUID, zone: TimeZone, on db: any Database) async throws
        -> OrderDocument.Annex
    {
        let agreements = try await NetworkAgreement.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue)
            .filter(\.$state == "signed").filter(\.$startsOn <= input.year.endsOn).filter(
                \.$endsOn >= input.year.startsOn
            )
            .with(\.$partyA).with(\.$partyB).all()
        return .interaction(
            agreements.map { agreement in
                OrderDocument.Agreement(
                    parties: agreement.partyA.shortName + " — " + agreement.partyB.shortName,
                    subject: agreement.subject,
                    number: agreement.number ?? "",
                    term: RuDate.format(agreement.startsOn, timeZone: zone) + " — "
                        + RuDate.format(agreement.endsOn, timeZone: zone))
            })
    }
}
