import Documents
import Domain
import Fluent
import Vapor
import Views

/// The registry of the authority's orders (issue 4, item 6): drafted from a year's data, edited (number, date, the
/// teachers named) and refreshed while a draft, signed once — after that neither the record nor its document changes.
struct OrdersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let orders = routes.grouped("orders")
        orders.get(use: index)
        orders.get("new", use: newForm)
        orders.post("new", use: create)
        orders.get(":id", use: show)
        orders.get(":id", "document", use: document)
        orders.get(":id", "docx", use: docx)
        orders.get(":id", "edit", use: editForm)
        orders.post(":id", "edit", use: update)
        orders.post(":id", "refresh", use: refresh)
        orders.get(":id", "sign", use: signForm)
        orders.post(":id", "sign", use: sign)
        orders.get(":id", "delete", use: deleteForm)
        orders.post(":id", "delete", use: delete)
    }

    var active: MenuArea { .orders }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .order(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(
            req, filters: ["year", "kind", "status"], sorts: ["date", "title"], defaultSort: "date")
        var builder = Order.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let yearID = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$academicYear.$id == yearID)
        }
        if let kind = query.filters["kind"].flatMap(OrderKind.init(rawValue:)) {
            builder = builder.filter(\.$kind == kind.rawValue)
        }
        if let status = query.filters["status"].flatMap(OrderStatus.init(rawValue:)) {
            builder = builder.filter(\.$status == status.rawValue)
        }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .ascending : .descending
        builder = query.sort == "title" ? builder.sort(\.$title, dir) : builder.sort(\.$createdAt, dir)
        let (rows, total) = try await builder.with(\.$academicYear).paged(query)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        let page = OrderListPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: try rows.map { order in
                OrderListPage.Row(
                    number: order.number ?? "", date: order.orderDay.map { CivilDay(number: $0).formatted } ?? "",
                    title: order.title,
                    url: SiteURL.order(try order.requireID()).path, year: order.academicYear.title,
                    signed: order.isSigned)
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
        let order = try await Self.draft(kind, municipality: municipality, year: year, req: req)
        return req.redirect(
            to: SiteURL.order(try order.requireID()).path,
            flash: OrdersWords.Flash.drafted(year: year.title))
    }

    /// Drafts an order of a kind for a year from the data now, saved and audited (the support measures' page drafts
    /// the order that awards them through here too).
    static func draft(_ kind: OrderKind, municipality: Municipality, year: AcademicYear, req: Request) async throws
        -> Order
    {
        let municipalityID = try municipality.requireID()
        let order = Order()
        // The id is known before the document is built: a draft naming support measures claims them by it.
        order.id = UUID()
        order.$municipality.id = municipalityID
        order.$academicYear.id = try year.requireID()
        order.kind = kind.rawValue
        order.title = kind.title(year: year.title)
        order.status = OrderStatus.draft.rawValue
        order.recipientsText = ""
        order.createdAt = Date()
        order.createdBy = req.currentUser?.fullName ?? ""
        order.version = 1
        try await Self.render(order, municipality: municipality, year: year, on: req.db)
        try await req.application.writeTransaction { db in
            try await order.create(on: db)
            if kind == .talentSupport { try await SupportOrders.attach(order, on: db) }
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "order", entityID: order.id, title: order.title,
                municipalityID: municipalityID,
                organizationID: nil, after: OrdersWords.Audit.created(title: order.title))
        }
        return order
    }

    /// Builds the order's document from the data now and keeps it (JSON and DOCX) in the record.
    static func render(_ order: Order, municipality: Municipality, year: AcademicYear, on db: any Database) async throws
    {
        if order.orderKind == .talentSupport {
            order.recipientsText = try await SupportOrders.measureIDs(for: order, on: db).map(\.uuidString).joined(
                separator: ",")
        }
        if let recipients = try await AwardOrders.recipients(
            kind: order.orderKind, yearID: order.$academicYear.id, on: db)
        {
            order.recipientsText = recipients.map(\.staffID.uuidString).joined(separator: ",")
        }
        let doc = try await OrderDocuments.build(
            .init(
                municipality: municipality, year: year, kind: order.orderKind, number: order.number,
                day: order.orderDay.map(CivilDay.init(number:)), recipients: order.recipients), on: db)
        order.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
        order.docx = try DOCXWriter.data(doc)
    }

    func find(_ req: Request, _ action: Domain.Action) async throws -> Order {
        guard
            let order = try await Order.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$academicYear)
                .first()
        else { throw AppError.notFound(OrdersWords.notFound) }
        try req.authorize(action, .order(municipalityID: order.$municipality.id))
        if action != .read && action != .approve && order.isSigned { throw AppError.conflict(OrderRules.signedMessage) }
        return order
    }

    /// Whether the reader may open the order's text: an appendix naming students is for who sees the network's
    /// students (the coordinator, the administrator), not the methodologist.
    static func opensText(_ order: Order, req: Request) -> Bool {
        let probe = OrgRef(id: UUID(), municipalityID: order.$municipality.id)
        return !order.orderKind.namesStudents || req.can(.read, .groupStudent(school: probe, center: probe))
    }

    func text(_ req: Request) async throws -> Order {
        let order = try await find(req, .read)
        guard Self.opensText(order, req: req) else {
            throw AppError(
                status: .forbidden, code: "forbidden",
                reason: OrdersWords.namesStudents)
        }
        return order
    }

    func show(req: Request) async throws -> Response {
        let order = try await find(req, .read)
        let zone = try await MunicipalClock.zone(order.$municipality.id, on: req.db)
        let names = try await StaffMember.query(on: req.db).filter(\.$id ~~ order.recipients).sort(\.$sortKey).all()
            .map(
                \.fullName)
        let mayChange = { (action: Domain.Action) in req.can(action, .order(municipalityID: order.$municipality.id)) }
        let card = OrderCardPage(
            title: order.title, kind: order.orderKind, year: order.academicYear.title, number: order.number,
            date: order.orderDay.map { CivilDay(number: $0).formatted },
            status: OrderStatus(rawValue: order.status) ?? .draft,
            signed: order.signedAt.map { (RuDate.formatDateTime($0, timeZone: zone), order.signedBy ?? "") },
            createdBy: order.createdBy, createdAt: RuDate.formatDateTime(order.createdAt, timeZone: zone),
            recipients: names,
            baseURL: SiteURL.order(try order.requireID()).path, opensText: Self.opensText(order, req: req),
            mayUpdate: mayChange(.update), mayApprove: mayChange(.approve), mayDelete: mayChange(.archive)
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func document(req: Request) async throws -> Response {
        let order = try await text(req)
        guard let doc = order.doc else { throw AppError.notFound(OrdersWords.documentNotFound) }
        let page = DocumentPage(
            doc: doc,
            crumbs: [
                Crumb(OrdersWords.crumb, SiteURL.orders.path),
                Crumb(order.orderKind.short, SiteURL.order(try order.requireID()).path),
            ],
            docxURL: SiteURL.order(try order.requireID()).path + "/docx")
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func docx(req: Request) async throws -> Response {
        let order = try await text(req)
        let number = order.number.map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        let name = "prikaz-\(order.kind)-\(number ?? "proekt").docx"
        return Response.docx(order.docx, name: name)
    }
}
