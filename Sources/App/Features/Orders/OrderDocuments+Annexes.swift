import Documents
import Domain
import Fluent
import Vapor
import Views

/// The year's data each kind of order lists in its appendix, read as the plain lines of `OrderDocument`.
extension OrderDocuments {
    static func organization(_ i: Input, groups: [StudyGroup], on db: any Database) async throws
        -> OrderDocument.Annex
    {
        let centers = try await ResourceCenter.query(on: db).filter(try \.$academicYear.$id == i.year.requireID())
            .filter(\.$status == RecordStatus.active.rawValue)
            .with(\.$organization).with(\.$subjects).all().sorted {
                $0.organization.sortKey < $1.organization.sortKey
            }
        return .organization(
            centers: centers.map {
                OrderDocument.Center(name: $0.organization.fullName, subjects: $0.subjects.map(\.name).sorted())
            },
            groups: groups.map { g in
                OrderDocument.Group(
                    center: g.organization.shortName, program: g.program.title, name: g.name,
                    teacher: g.teacher?.fullName ?? "", capacity: g.capacity, hours: g.plannedHours)
            })
    }

    static func schedule(groups: [StudyGroup], on db: any Database) async throws -> OrderDocument.Annex {
        var patterns: [OrderDocument.Pattern] = []
        for g in groups {
            for p in try await LessonPattern.query(on: db).filter(try \.$group.$id == g.requireID()).with(\.$room).all()
            {
                patterns.append(
                    OrderDocument.Pattern(
                        center: g.organization.shortName, group: g.name, program: g.program.title,
                        weekday: Weekday(rawValue: p.weekday)?.title ?? "",
                        times: LessonSpan(
                            day: CivilDay(number: p.firstDay), start: ClockTime(minutes: p.startMinute), hours: p.hours
                        ).times,
                        room: p.room?.name ?? "", teacher: g.teacher?.fullName ?? "",
                        period: CivilDay(number: p.firstDay).formatted + " — " + CivilDay(number: p.lastDay).formatted))
            }
        }
        // Lessons outside the weekly patterns and the changes to them: single lessons, moves, substitutions,
        // cancellations.
        var changes: [OrderDocument.Change] = []
        for g in groups {
            for l in try await Lesson.query(on: db).filter(try \.$group.$id == g.requireID()).with(\.$pattern).with(
                \.$room
            )
            .with(\.$teacher).sort(\.$day).all() {
                let kind: OrderDocument.ChangeKind
                if l.isCancelled {
                    kind = .cancelled(note: l.note)
                } else if l.$pattern.id == nil {
                    kind = .single
                } else if let p = l.pattern,
                    p.startMinute != l.startMinute || p.hours != l.hours
                        || CivilDay(number: l.day).weekday.rawValue != p.weekday
                {
                    kind = .moved
                } else if l.$substituteFor.id != nil {
                    kind = .substitute
                } else {
                    continue
                }
                changes.append(
                    OrderDocument.Change(
                        group: g.name, day: CivilDay(number: l.day).formatted, times: l.span.times,
                        room: l.room?.name ?? "", teacher: l.teacher?.fullName ?? "", kind: kind))
            }
        }
        return .schedule(patterns: patterns, changes: changes)
    }

    static func attestation(groups: [StudyGroup], on db: any Database) async throws -> OrderDocument.Annex {
        var rows: [OrderDocument.Result] = []
        for g in groups {
            let results = try await FinalResult.query(on: db).filter(try \.$group.$id == g.requireID()).with(
                \.$student
            ).all()
                .sorted { $0.student.sortKey < $1.student.sortKey }
            for r in results {
                rows.append(
                    OrderDocument.Result(
                        student: r.student.fullName, group: g.name, center: g.organization.shortName,
                        form: AttestationForm(rawValue: r.form)?.title ?? r.form, passed: r.passed, grade: r.grade,
                        day: CivilDay(number: r.resultDay).formatted))
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

    static func interaction(_ i: Input, municipalityID: UUID, zone: TimeZone, on db: any Database) async throws
        -> OrderDocument.Annex
    {
        let agreements = try await NetworkAgreement.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue)
            .filter(\.$state == "signed").filter(\.$startsOn <= i.year.endsOn).filter(\.$endsOn >= i.year.startsOn)
            .with(\.$partyA).with(\.$partyB).all()
        return .interaction(
            agreements.map { a in
                OrderDocument.Agreement(
                    parties: a.partyA.shortName + " — " + a.partyB.shortName, subject: a.subject,
                    number: a.number ?? "",
                    term: RuDate.format(a.startsOn, timeZone: zone) + " — " + RuDate.format(a.endsOn, timeZone: zone))
            })
    }
}
