import Domain
import Fluent
import Vapor
import Views

/// The start page of those who run the network: the authority and the КМЦ, and the methodologist.
extension StartController {
    static func network(_ scope: Scope, title: String) async throws -> StartPage.Section {
        let municipality = scope.municipalityID
        var tasks: [StartPage.Task] = []
        tasks.append(
            try await task(
                .programsToReview,
                NetworkProgram.query(on: scope.db).join(
                    Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
                )
                .filter(Organization.self, \.$municipality.$id == municipality)
                .filter(\.$approval == ProgramApproval.submitted.rawValue)
                .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).with(\.$organization),
                more: SiteURL.list(.programs).path
            ) { program in
                StartPage.Link(
                    title: program.title, detail: program.organization.shortName,
                    url: SiteURL.record(.programs, try program.requireID()).path)
            })
        tasks.append(
            try await task(
                .listsReturned,
                EnrollmentList.query(on: scope.db).filter(\.$municipality.$id == municipality)
                    .filter(\.$state == EnrollmentList.State.returned.rawValue).sort(\.$createdAt).with(\.$group),
                more: SiteURL.lists.path
            ) { list in
                StartPage.Link(
                    title: list.group.name, detail: StartWords.returnedComment(list.comment),
                    url: SiteURL.enrollmentList(try list.requireID()).path)
            })
        tasks.append(
            try await task(
                .campaignsToDistribute,
                EnrollmentCampaign.query(on: scope.db).filter(\.$municipality.$id == municipality)
                    .filter(\.$mode == CampaignMode.ranked.rawValue).filter(\.$closesAt < scope.now)
                    .filter(\.$distributedAt == nil).filter(\.$status == RecordStatus.active.rawValue)
                    .sort(\.$closesAt),
                more: SiteURL.list(.campaigns).path
            ) { campaign in
                StartPage.Link(
                    title: campaign.title, detail: StartWords.closedOn(scope.date(campaign.closesAt)),
                    url: SiteURL.record(.campaigns, try campaign.requireID()).path)
            })
        tasks.append(
            try await task(
                .applicationsWaiting,
                CourseApplication.query(on: scope.db).filter(\.$municipality.$id == municipality)
                    .filter(\.$state == ApplicationState.submitted.rawValue).sort(\.$submittedAt).with(\.$student).with(
                        \.$school),
                more: SiteURL.applications.path
            ) { application in
                StartPage.Link(
                    title: application.student.fullName, detail: application.school.shortName,
                    url: SiteURL.applications.path + "/" + (try application.requireID()).uuidString.lowercased())
            })
        tasks += try await groupTasks(scope, centre: nil)
        tasks.append(
            try await task(
                .ordersToSign,
                Order.query(on: scope.db).filter(\.$municipality.$id == municipality)
                    .filter(\.$status == OrderStatus.draft.rawValue).sort(\.$createdAt),
                more: SiteURL.orders.path
            ) { order in
                StartPage.Link(title: order.title, url: SiteURL.order(try order.requireID()).path)
            })
        tasks.append(try await deadlines(scope, .authority))
        tasks.append(try await quartersWithoutMeeting(scope))
        tasks.append(try await programsToAgree(scope))
        return StartPage.Section(title: title, tasks: tasks, figures: try await figures(scope))
    }

    /// The network this year: the seniors' coverage against its target, groups and students in them.
    static func figures(_ scope: Scope) async throws -> [StartPage.Figure] {
        guard let yearID = scope.yearID, let year = try await AcademicYear.find(yearID, on: scope.db) else {
            return []
        }
        let groups = try await currentGroups(scope, centre: nil).count()
        let students = try await EnrolledStudentsSQL.count(
            municipalityID: scope.municipalityID, yearID: yearID, on: scope.db)
        let rows = try await CoverageController.compute(
            scope.req, schools: try await CoverageController.schools(scope.req, scope.municipalityID), year: year)
        let seniors = Coverage.total(rows.map(\.result.seniors))
        return [
            StartPage.Figure(
                kind: .seniorsCoverage, value: Coverage.format(seniors),
                detail: StartWords.share(seniors.numerator, of: seniors.denominator), url: SiteURL.coverage.path),
            StartPage.Figure(kind: .groups, value: String(groups), url: SiteURL.list(.groups).path),
            StartPage.Figure(kind: .students, value: String(students), url: SiteURL.enrollments.path),
        ]
    }

    /// The year's active groups of the municipality, or of one centre.
    static func currentGroups(_ scope: Scope, centre: UUID?) -> QueryBuilder<StudyGroup> {
        var query = StudyGroup.query(on: scope.db).filter(\.$status == RecordStatus.active.rawValue)
        if let centre {
            query = query.filter(\.$organization.$id == centre)
        } else {
            query = query.join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$municipality.$id == scope.municipalityID)
        }
        if let yearID = scope.yearID { query = query.filter(\.$academicYear.$id == yearID) }
        return query
    }

    /// Groups that are not ready (no teacher, no room, no lessons) and finished ones waiting for certificates.
    static func groupTasks(_ scope: Scope, centre: UUID?) async throws -> [StartPage.Task] {
        func line(_ group: StudyGroup, _ url: SiteURL) throws -> StartPage.Link {
            StartPage.Link(title: group.name, detail: group.organization.shortName, url: url.path)
        }
        let more = SiteURL.list(.groups).path
        var tasks: [StartPage.Task] = []
        tasks.append(
            try await task(
                .groupsWithoutTeacher,
                currentGroups(scope, centre: centre).filter(\.$teacher.$id == nil)
                    .sort(\.$name).with(\.$organization), more: more
            ) { try line($0, .edit(.groups, try $0.requireID())) })
        // A room is a lesson's: a group lacks one while a coming lesson has none.
        let lessons = try await currentGroups(scope, centre: centre)
            .join(Lesson.self, on: \StudyGroup.$id == \Lesson.$group.$id)
            .filter(Lesson.self, \.$day >= scope.today.number)
            .filter(Lesson.self, \.$status != LessonStatus.cancelled.rawValue)
            .filter(Lesson.self, \.$room.$id == nil).all(\.$id)
        var seen = Set<UUID>()
        let roomless = lessons.filter { seen.insert($0).inserted }
        let shownRoomless =
            roomless.isEmpty
            ? []
            : try await StudyGroup.query(on: scope.db).filter(\.$id ~~ Array(roomless.prefix(shown)))
                .sort(\.$name).with(\.$organization).all()
        tasks.append(
            StartPage.Task(
                kind: .groupsWithoutRoom, total: roomless.count,
                items: try shownRoomless.map { try line($0, .groupTimetable(try $0.requireID())) }, moreURL: more))
        tasks.append(
            try await task(
                .groupsWithoutTimetable,
                currentGroups(scope, centre: centre)
                    .without(Lesson.self, on: \StudyGroup.$id == \Lesson.$group.$id).sort(\.$name).with(
                        \.$organization), more: more
            ) { try line($0, .groupTimetable(try $0.requireID())) })
        // The groups `/groups` marks as waiting for certificates: one rule for both.
        let awaiting = try await CertificateService.groupsAwaitingCertificates(
            municipalityID: scope.municipalityID, centre: centre, req: scope.req)
        tasks.append(
            StartPage.Task(
                kind: .certificatesDue, total: awaiting.count,
                items: try awaiting.prefix(shown).map { group in
                    var link = try line(group, .record(.groups, try group.requireID()))
                    link.url += "/certificates"
                    link.detail = StartWords.endedOn(scope.date(group.endsOn))
                    return link
                }, moreURL: SiteURL.certificates.path))
        return tasks
    }

    /// Groups of any year whose last day has passed and that had students.
    static func finishedGroups(_ scope: Scope, centre: UUID?) -> QueryBuilder<StudyGroup> {
        var query = StudyGroup.query(on: scope.db).filter(\.$status == RecordStatus.active.rawValue)
            .filter(\.$endsOn < scope.now).filter(\.$enrolledCount > 0)
        if let centre {
            query = query.filter(\.$organization.$id == centre)
        } else {
            query = query.join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$municipality.$id == scope.municipalityID)
        }
        return query
    }

    /// The methodologist: journals behind, diagnostic works without scores, finished groups without results.
    static func methodologist(_ scope: Scope) async throws -> StartPage.Section {
        var tasks = [try await unmarkedLessons(scope, centre: nil, teachers: nil)]
        tasks.append(
            try await task(
                .diagnosticsDue,
                DiagnosticWork.query(on: scope.db).join(
                    StudyGroup.self, on: \DiagnosticWork.$group.$id == \StudyGroup.$id
                )
                .join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$municipality.$id == scope.municipalityID)
                .filter(\.$workDay < scope.today.number)
                .without(DiagnosticScore.self, on: \DiagnosticWork.$id == \DiagnosticScore.$work.$id).sort(\.$workDay)
                .with(\.$group),
                more: nil
            ) { work in
                StartPage.Link(
                    title: work.title,
                    detail: work.group.name + ", " + StartWords.dueOn(CivilDay(number: work.workDay).formatted),
                    url: "/diagnostics/" + (try work.requireID()).uuidString.lowercased())
            })
        tasks.append(
            try await task(
                .resultsDue,
                finishedGroups(scope, centre: nil)
                    .without(FinalResult.self, on: \StudyGroup.$id == \FinalResult.$group.$id).sort(\.$endsOn).with(
                        \.$organization),
                more: nil
            ) { group in
                StartPage.Link(
                    title: group.name, detail: group.organization.shortName,
                    url: SiteURL.record(.groups, try group.requireID()).path + "/results")
            })
        tasks.append(try await deadlines(scope, .responsible))
        return StartPage.Section(title: Role.methodologist.title, tasks: tasks)
    }

    /// Past lessons, not cancelled, with no journal record: of the municipality, a centre, or some teachers.
    static func unmarkedLessons(_ scope: Scope, centre: UUID?, teachers: [UUID]?) async throws -> StartPage.Task {
        var query = Lesson.query(on: scope.db).join(StudyGroup.self, on: \Lesson.$group.$id == \StudyGroup.$id)
            .filter(\.$day < scope.today.number).filter(\.$status != LessonStatus.cancelled.rawValue)
            .without(LessonRecord.self, on: \Lesson.$id == \LessonRecord.$lesson.$id)
        if let teachers {
            query = query.filter(\.$teacher.$id ~~ teachers)
        } else if let centre {
            query = query.filter(StudyGroup.self, \.$organization.$id == centre)
        } else {
            query = query.join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$municipality.$id == scope.municipalityID)
        }
        return try await task(
            .lessonsUnmarked, query.sort(\.$day).sort(\.$startMinute).with(\.$group).with(\.$teacher),
            more: teachers == nil ? SiteURL.journal.path : nil
        ) { lesson in
            StartPage.Link(
                title: lesson.group.name + ", " + CivilDay(number: lesson.day).formatted,
                detail: [lesson.span.times, teachers == nil ? lesson.teacher?.fullName : nil].compactMap { $0 }
                    .joined(separator: ", "),
                url: SiteURL.lesson(try lesson.requireID()).path)
        }
    }
}
