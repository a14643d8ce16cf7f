import Documents
import Domain
import Fluent
import Vapor
import Views

/// The documents of an application and of a school–centre pair: printable pages and DOCX (issue 3).
extension ApplicationsController {
    func iupPage(req: Request) async throws -> Response {
        try await document(req, docx: false, file: "iup", NetworkDocuments.iup)
    }
    func iupDocx(req: Request) async throws -> Response {
        try await document(req, docx: true, file: "iup", NetworkDocuments.iup)
    }
    func agreementPage(req: Request) async throws -> Response {
        try await document(req, docx: false, file: "agreement", NetworkDocuments.guardianAgreement)
    }
    func agreementDocx(req: Request) async throws -> Response {
        try await document(req, docx: true, file: "agreement", NetworkDocuments.guardianAgreement)
    }

    /// A document of an application the user may read, as a printable page or as DOCX.
    func document(
        _ req: Request, docx: Bool, file: String,
        _ build: (CourseApplication, any Database, TimeZone) async throws -> DocModel
    ) async throws -> Response {
        let application = try await find(req)
        let doc = try await build(application, req.db, try await RegistrySupport.zone(req))
        if docx {
            return Response.docx(
                try DOCXWriter.data(doc),
                name: "\(file)-\(try application.requireID().uuidString.prefix(8).lowercased()).docx")
        }
        let page = DocumentPage(
            doc: doc,
            crumbs: MyApplicationsPage.documentCrumbs(
                student: application.student.fullName, url: Self.url(try application.requireID())),
            docxURL: Self.url(try application.requireID()) + "/\(file).docx")
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    /// The school and the centre of a contract, if the user may see their students' places (the school, the centre, the
    /// КМЦ).
    func contractParties(_ req: Request) async throws -> (Organization, Organization, AcademicYear) {
        guard let sid = req.parameters.get("school").flatMap(UUID.init(uuidString:)),
            let cid = req.parameters.get("center").flatMap(UUID.init(uuidString:)),
            let school = try await Organization.find(sid, on: req.db),
            let center = try await Organization.find(cid, on: req.db),
            school.$municipality.id == center.$municipality.id, school.orgKind == .school,
            req.can(.read, .contract(school: school.ref, center: center.ref))
        else {
            throw AppError.notFound(EnrollmentWords.Applications.contractNotFound)
        }
        guard
            let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == school.$municipality.id)
                .filter(\.$isCurrent == true).first()
        else {
            throw AppError.notFound(EnrollmentWords.Applications.noCurrentYear)
        }
        // A contract is between a school and another organisation that teaches network groups this year (a resource
        // centre, or one with active groups of the year): not with itself, not with any school of the town.
        let designated =
            try await ResourceCenter.query(on: req.db).filter(try \.$organization.$id == center.requireID()).filter(
                try \.$academicYear.$id == year.requireID()
            )
            .filter(\.$status == RecordStatus.active.rawValue).count() > 0
        let teaches =
            try await StudyGroup.query(on: req.db).filter(try \.$organization.$id == center.requireID()).filter(
                try \.$academicYear.$id == year.requireID()
            )
            .filter(\.$status == RecordStatus.active.rawValue).count() > 0
        guard school.id != center.id, designated || teaches else {
            throw AppError.notFound(
                EnrollmentWords.Applications.noNetworkGroups(
                    center: center.shortName, school: school.shortName, year: year.title))
        }
        return (school, center, year)
    }

    func contractPage(req: Request) async throws -> Response {
        let (school, center, year) = try await contractParties(req)
        let doc = try await NetworkDocuments.contract(
            school: school, center: center, year: year, on: req.db, zone: try await RegistrySupport.zone(req))
        let page = DocumentPage(
            doc: doc, crumbs: MyApplicationsPage.contractCrumbs,
            docxURL:
                "/contracts/\(try school.requireID().uuidString.lowercased())/\(try center.requireID().uuidString.lowercased())/docx"
        )
        return req.render(page.render(await req.pageContext(active: .enrollments)))
    }

    func contractDocx(req: Request) async throws -> Response {
        let (school, center, year) = try await contractParties(req)
        let doc = try await NetworkDocuments.contract(
            school: school, center: center, year: year, on: req.db, zone: try await RegistrySupport.zone(req))
        return Response.docx(
            try DOCXWriter.data(doc),
            name: "dogovor-\(Self.shortID(try school.requireID()))-\(Self.shortID(try center.requireID())).docx"
        )
    }

    /// The first six hex digits of an id, for a file name.
    static func shortID(_ id: UUID) -> String { id.uuidString.prefix(6).lowercased() }

}
