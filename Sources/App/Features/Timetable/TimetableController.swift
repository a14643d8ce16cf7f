import Domain
import Fluent
import Vapor
import Views

/// A group's timetable: its lessons, a weekly pattern between two dates (skipping the academic-year calendar's
/// holidays), single lessons, moves, substitutions and cancellations. The centre's head (and the КМЦ) schedule;
/// whoever may read the group reads its timetable.
struct TimetableController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("groups", ":id", "timetable")
        group.get(use: show)
        group.get("weekly", use: weeklyForm)
        group.post("weekly", use: weekly)
        group.get("lesson", use: lessonForm)
        group.post("lesson", use: addLesson)
        let lesson = routes.grouped("lessons", ":id")
        lesson.get("edit", use: editForm)
        lesson.post("edit", use: edit)
        lesson.get("cancel", use: cancelForm)
        lesson.post("cancel", use: cancel)
    }

    var active: MenuArea { .registry(.groups) }

    func show(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .read)
        let group = scheduledGroup.group
        let lessons = try await Lesson.query(on: req.db).filter(try \.$group.$id == group.requireID()).sort(\.$day)
            .sort(
                \.$startMinute
            )
            .with(\.$room).with(\.$teacher).all()
        let mayEdit = req.can(.update, .group(scheduledGroup.center.ref))
        let journalResource = Resource.journal(
            center: scheduledGroup.center.ref, teacherUserID: group.teacher?.$user.id)
        let marked = Set(
            try await LessonRecord.query(on: req.db).filter(\.$lesson.$id ~~ lessons.compactMap(\.id)).all().map {
                $0.$lesson.id
            })
        func mayOpen(_ lesson: Lesson) -> Bool {
            req.can(.read, .journal(center: scheduledGroup.center.ref, teacherUserID: lesson.teacher?.$user.id))
        }
        let scheduled = lessons.filter { !$0.isCancelled }
        let groupID = try group.requireID()
        let rows = try lessons.map { lesson in
            let id = try lesson.requireID()
            let day = CivilDay(number: lesson.day)
            // A lesson marked in the journal is history: it is corrected through the journal, not moved or cancelled.
            let changeable = mayEdit && !lesson.isCancelled && !marked.contains(id)
            return GroupTimetablePage.Row(
                date: day.weekday.short + ", " + day.formatted, url: mayOpen(lesson) ? SiteURL.lesson(id).path : nil,
                marked: marked.contains(id), times: lesson.span.times, hours: lesson.hours,
                room: lesson.room?.name ?? "", teacher: lesson.teacher?.fullName ?? "",
                substitute: lesson.$substituteFor.id != nil, cancelled: lesson.isCancelled, note: lesson.note,
                editURL: changeable ? SiteURL.lesson(id).path + "/edit" : nil,
                cancelURL: changeable ? SiteURL.lesson(id).path + "/cancel" : nil)
        }
        let card = GroupTimetablePage(
            groupName: group.name, program: group.program.title, center: scheduledGroup.center.shortName,
            teacher: group.teacher?.fullName ?? "", room: group.room?.name ?? "",
            window: scheduledGroup.window.lowerBound.formatted + " — " + scheduledGroup.window.upperBound.formatted,
            plannedHours: group.plannedHours, hours: scheduled.reduce(0) { $0 + $1.hours }, scheduled: scheduled.count,
            cancelled: lessons.count - scheduled.count, baseURL: SiteURL.groupTimetable(groupID).path,
            groupURL: SiteURL.record(.groups, groupID).path,
            journalURL: req.can(.read, journalResource) ? SiteURL.groupJournal(groupID).path : nil,
            feedURL: SiteURL.timetable.path + "/feeds/new?kind=group&id=\(groupID.uuidString.lowercased())",
            mayEdit: mayEdit, rows: rows
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    // MARK: weekly pattern

    static func roomOptions(_ scheduledGroup: ScheduledGroup, on db: any Database) async throws -> [(
        value: String, title: String
    )] {
        try await Room.query(on: db).filter(try \.$organization.$id == scheduledGroup.center.requireID()).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$sortKey).all().map {
            (try $0.requireID().uuidString.lowercased(), TimetableWords.roomOption($0.name, capacity: $0.capacity))
        }
    }

}
