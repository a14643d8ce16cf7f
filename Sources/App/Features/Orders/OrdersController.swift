import Documents
import Domain
import Fluent
import Vapor
import Views

/// The registry of the authority's orders (issue 4, item 6): drafted from a year's data, edited (number, date, the
/// teachers named) and refreshed while a draft, signed once — after that neither the record nor its document changes.
struct OrdersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let o = routes.grouped("orders")
        o.get(use: index)
        o.get("new", use: newForm)
        o.post("new", use: create)
        o.get(":id", use: show)
        o.get(":id", "document", use: document)
        o.get(":id", "docx", use: docx)
        o.get(":id", "edit", use: editForm)
        o.post(":id", "edit", use: update)
        o.post(":id", "refresh", use: refresh)
        o.get(":id", "sign", use: signForm)
        o.post(":id", "sign", use: sign)
        o.get(":id", "delete", use: deleteForm)
        o.post(":id", "delete", use: delete)
    }

    var active: MenuArea { .orders }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .order(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(
            req, filters: ["year", "kind", "status"], sorts: ["date", "title"], defaultSort: "date")
        var b = Order.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let y = query.filters["year"].flatMap(UUID.init(uuidString:)) { b = b.filter(\.$academicYear.$id == y) }
        if let k = query.filters["kind"].flatMap(OrderKind.init(rawValue:)) { b = b.filter(\.$kind == k.rawValue) }
        if let s = query.filters["status"].flatMap(OrderStatus.init(rawValue:)) {
            b = b.filter(\.$status == s.rawValue)
        }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .ascending : .descending
        b = query.sort == "title" ? b.sort(\.$title, dir) : b.sort(\.$createdAt, dir)
        let (rows, total) = try await b.with(\.$academicYear).paged(query)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        let page = OrderListPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: try rows.map { o in
                OrderListPage.Row(
                    number: o.number ?? "", date: o.orderDay.map { CivilDay(number: $0).formatted } ?? "",
                    title: o.title,
                    url: SiteURL.order(try o.requireID()).path, year: o.academicYear.title, signed: o.isSigned)
            },
            total: total, canCreate: req.can(.create, .order(municipalityID: municipalityID))
        ).list
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func newPage(_ req: Request, values: FormValues, errors: FieldErrors = FieldErrors()) async throws -> RegistryForm {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        return OrderNewPage(
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) }, values: values,
            errors: errors
        ).form
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.create, .order(municipalityID: try RegistrySupport.municipality(req)))
        let current = try await AcademicYear.query(on: req.db).filter(
            \.$municipality.$id == RegistrySupport.municipality(req)
        ).filter(\.$isCurrent == true).first()
        return req.render(
            try await newPage(req, values: FormValues(single: ["year": current?.id?.uuidString.lowercased() ?? ""]))
                .render(await req.pageContext(active: active)))
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .order(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let kind = errors.choice("kind", form["kind"], as: OrderKind.self)
        let year = try await form["year"].flatMap(UUID.init(uuidString:)).asyncFlatMap {
            try await AcademicYear.query(on: req.db).filter(\.$id == $0).filter(\.$municipality.$id == municipalityID)
                .first()
        }
        if year == nil { errors.add("year", OrdersWords.chooseYear) }
        guard errors.isEmpty, let kind, let year,
            let municipality = try await Municipality.find(municipalityID, on: req.db)
        else {
            return req.render(
                try await newPage(req, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let o = Order()
        o.$municipality.id = municipalityID
        o.$academicYear.id = try year.requireID()
        o.kind = kind.rawValue
        o.title = kind.title(year: year.title)
        o.status = OrderStatus.draft.rawValue
        o.recipientsText = ""
        o.createdAt = Date()
        o.createdBy = req.currentUser?.fullName ?? ""
        o.version = 1
        try await Self.render(o, municipality: municipality, year: year, on: req.db)
        try await req.application.writeTransaction { db in
            try await o.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "order", entityID: o.id, title: o.title,
                municipalityID: municipalityID,
                organizationID: nil, after: OrdersWords.Audit.created(title: o.title))
        }
        return req.redirect(
            to: SiteURL.order(try o.requireID()).path,
            flash: OrdersWords.Flash.drafted(year: year.title))
    }

    /// Builds the order's document from the data now and keeps it (JSON and DOCX) in the record.
    static func render(_ o: Order, municipality: Municipality, year: AcademicYear, on db: any Database) async throws {
        let doc = try await OrderDocuments.build(
            .init(
                municipality: municipality, year: year, kind: o.orderKind, number: o.number,
                day: o.orderDay.map(CivilDay.init(number:)), recipients: o.recipients), on: db)
        o.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
        o.docx = try DOCXWriter.data(doc)
    }

    func find(_ req: Request, _ action: Domain.Action) async throws -> Order {
        guard let o = try await Order.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$academicYear).first()
        else { throw AppError.notFound(OrdersWords.notFound) }
        try req.authorize(action, .order(municipalityID: o.$municipality.id))
        if action != .read && action != .approve && o.isSigned { throw AppError.conflict(OrderRules.signedMessage) }
        return o
    }

    /// Whether the reader may open the order's text: an appendix naming students is for who sees the network's
    /// students (the coordinator, the administrator), not the methodologist.
    static func opensText(_ o: Order, req: Request) -> Bool {
        let probe = OrgRef(id: UUID(), municipalityID: o.$municipality.id)
        return !o.orderKind.namesStudents || req.can(.read, .groupStudent(school: probe, center: probe))
    }

    func text(_ req: Request) async throws -> Order {
        let o = try await find(req, .read)
        guard Self.opensText(o, req: req) else {
            throw AppError(
                status: .forbidden, code: "forbidden",
                reason: OrdersWords.namesStudents)
        }
        return o
    }

    func show(req: Request) async throws -> Response {
        let o = try await find(req, .read)
        let zone = try await MunicipalClock.zone(o.$municipality.id, on: req.db)
        let names = try await StaffMember.query(on: req.db).filter(\.$id ~~ o.recipients).sort(\.$sortKey).all().map(
            \.fullName)
        let mayChange = { (action: Domain.Action) in req.can(action, .order(municipalityID: o.$municipality.id)) }
        let card = OrderCardPage(
            title: o.title, kind: o.orderKind, year: o.academicYear.title, number: o.number,
            date: o.orderDay.map { CivilDay(number: $0).formatted }, status: OrderStatus(rawValue: o.status) ?? .draft,
            signed: o.signedAt.map { (RuDate.formatDateTime($0, timeZone: zone), o.signedBy ?? "") },
            createdBy: o.createdBy, createdAt: RuDate.formatDateTime(o.createdAt, timeZone: zone), recipients: names,
            baseURL: SiteURL.order(try o.requireID()).path, opensText: Self.opensText(o, req: req),
            mayUpdate: mayChange(.update), mayApprove: mayChange(.approve), mayDelete: mayChange(.archive)
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func document(req: Request) async throws -> Response {
        let o = try await text(req)
        guard let doc = o.doc else { throw AppError.notFound(OrdersWords.documentNotFound) }
        let page = DocumentPage(
            doc: doc,
            crumbs: [
                Crumb(OrdersWords.crumb, SiteURL.orders.path),
                Crumb(o.orderKind.short, SiteURL.order(try o.requireID()).path),
            ],
            docxURL: SiteURL.order(try o.requireID()).path + "/docx")
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func docx(req: Request) async throws -> Response {
        let o = try await text(req)
        let number = o.number.map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        let name = "prikaz-\(o.kind)-\(number ?? "proekt").docx"
        return Response.docx(o.docx, name: name)
    }
}
