import Documents
import Domain
import Fluent
import Vapor
import Views

/// iCal feeds of a group's, a teacher's and a student's lessons behind a secret URL: made by a user who may read that
/// timetable (a new one revokes their previous one), answering only while that user still may.
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("timetable", "feeds", use: index)
        routes.get("timetable", "feeds", "new", use: newForm)
        routes.post("timetable", "feeds", use: create)
        routes.post("timetable", "feeds", ":id", "revoke", use: revoke)
        routes.get("ical", ":file", use: feed)
    }

    /// The user's own feeds, each with a button that revokes it.
    func index(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let feeds = try await CalendarFeed.query(on: req.db).filter(\.$user.$id == user.userID).filter(
            \.$revokedAt == nil
        )
        .sort(\.$createdAt, .descending).all()
        var rows: [CalendarFeedsPage.Row] = []
        let zone = try await RegistrySupport.zone(req)
        for feed in feeds {
            let title =
                await CalendarFeed.Kind(rawValue: feed.kind).asyncFlatMap {
                    try? await TimetableSubject.load($0, feed.subjectID, on: req.db)
                }?.title ?? CalendarFeedsPage.unknownTitle
            rows.append(
                CalendarFeedsPage.Row(
                    title: title, createdAt: RuDate.formatDateTime(feed.createdAt, timeZone: zone),
                    revokeURL: SiteURL.timetable.path + "/feeds/\(try feed.requireID().uuidString.lowercased())/revoke")
            )
        }
        let card = CalendarFeedsPage(rows: rows, csrf: req.csrfToken).card
        return req.render(card.render(await req.pageContext(active: .timetable)))
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let feed = try await CalendarFeed.find(try req.idParameter(), on: req.db), feed.$user.id == user.userID
        else {
            throw AppError.notFound()
        }
        if feed.revokedAt == nil {
            feed.revokedAt = Date()
            try await req.application.writeTransaction { db in
                try await feed.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .tokenRevoke, entityType: "calendar_feed", entityID: feed.id,
                    title: TimetableWords.Audit.feedRevoked,
                    municipalityID: user.municipalityIDs.first, organizationID: nil)
            }
        }
        return req.redirect(
            to: SiteURL.timetable.path + "/feeds", flash: TimetableWords.Flash.feedRevoked)
    }

    func subject(_ req: Request) async throws -> TimetableSubject {
        guard let kind = req.query[String.self, at: "kind"].flatMap(CalendarFeed.Kind.init(rawValue:)),
            let id = req.query[String.self, at: "id"].flatMap(UUID.init(uuidString:))
        else { throw AppError.notFound() }
        let subject = try await TimetableSubject.load(kind, id, on: req.db)
        try req.authorize(.read, subject.resource)
        return subject
    }

    func newForm(req: Request) async throws -> Response {
        let loaded = try await subject(req)
        let form = CalendarFeedNewPage(
            subject: loaded.title,
            action: SiteURL.timetable.path
                + "/feeds?kind=\(loaded.kind.rawValue)&id=\(loaded.id.uuidString.lowercased())"
        ).form
        return req.render(form.render(await req.pageContext(active: .timetable)))
    }

    func create(req: Request) async throws -> Response {
        let loaded = try await subject(req)
        let user = try req.requireUser()
        let raw = Secrets.token()
        try await req.application.writeTransaction { db in
            try await CalendarFeed.query(on: db).filter(\.$user.$id == user.userID).filter(
                \.$kind == loaded.kind.rawValue
            )
            .filter(\.$subjectID == loaded.id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: Date()).update()
            let feed = CalendarFeed()
            feed.tokenHash = Secrets.sha256(raw)
            feed.$user.id = user.userID
            feed.kind = loaded.kind.rawValue
            feed.subjectID = loaded.id
            feed.createdAt = Date()
            try await feed.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .tokenCreate, entityType: "calendar_feed", entityID: feed.id,
                title: TimetableWords.Audit.feedCreated(loaded.title),
                municipalityID: loaded.municipalityID, organizationID: nil)
        }
        let page = CalendarFeedLinkPage(subject: loaded.title, link: req.absoluteURL("/ical/\(raw).ics")).notice
        return req.render(page.render(await req.pageContext(active: .timetable)))
    }

    func feed(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file"), file.hasSuffix(".ics") else { throw AppError.notFound() }
        let token = String(file.dropLast(4))
        guard let feed = try await CalendarFeed.query(on: req.db).filter(\.$tokenHash == Secrets.sha256(token)).first(),
            feed.revokedAt == nil,
            let kind = CalendarFeed.Kind(rawValue: feed.kind),
            let maker = try await AuthenticationMiddleware.load(
                userID: feed.$user.id, on: req.db, sessionID: nil, csrf: nil, viaToken: true)
        else { throw AppError.notFound(TimetableWords.Refusal.feedNotFound) }
        let subject = try await TimetableSubject.load(kind, feed.subjectID, on: req.db)
        guard req.policy.allows(maker.actor, .read, subject.resource) else {
            throw AppError.notFound(TimetableWords.Refusal.feedNotFound)
        }
        let zone = try await MunicipalClock.zone(subject.municipalityID, on: req.db)
        let today = CivilDay(Date(), timeZone: zone)
        let lessons = try await subject.lessons(from: today.adding(days: -60), to: today.adding(days: 400), on: req.db)
        let events = lessons.map { lesson -> ICalendar.Event in
            let midnight = lesson.span.day.date(timeZone: zone)
            return ICalendar.Event(
                uid: "\(lesson.id.uuidString.lowercased())@setka",
                start: midnight.addingTimeInterval(Double(lesson.span.start * 60)),
                end: midnight.addingTimeInterval(Double(lesson.span.end * 60)),
                summary: CalendarFeedWords.summary(course: lesson.program, group: lesson.group),
                location: lesson.centreName + (lesson.room.map { ", " + $0 } ?? ""),
                description: CalendarFeedWords.description(teacher: lesson.teacher, note: lesson.note),
                cancelled: lesson.cancelled, sequence: lesson.version)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(
            status: .ok, headers: headers,
            body: .init(
                string: ICalendar.render(name: subject.calendarName, events: events)))
    }
}
