import Documents
import Domain
import Fluent
import Vapor
import Views

/// Pages of the student import: the form, templates, the preview of a file, its commit and its undoing (issue 3).
struct StudentImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let students = routes.grouped("students")
        students.get("import", use: start)
        students.on(.POST, "import", body: .collect(maxSize: ByteCount(value: AppLimits.uploadBytes)), use: upload)
        students.get("import", "template.csv", use: templateCSV)
        students.get("import", "template.xlsx", use: templateXLSX)
        students.get("imports", ":batch", use: show)
        students.post("imports", ":batch", "commit", use: commit)
        students.get("imports", ":batch", "revert", use: revertConfirm)
        students.post("imports", ":batch", "revert", use: revert)
    }

    /// Schools whose students the user may import (a school administrator: their own; the КМЦ: every school).
    static func schools(_ req: Request) async throws -> (UUID, [(value: String, title: String)]) {
        let municipalityID = try RegistrySupport.municipality(req)
        let schools = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) {
            .student(school: $0)
        }
        guard !schools.isEmpty else { throw AppError.forbidden }
        return (municipalityID, schools)
    }

    func start(req: Request) async throws -> Response {
        let (municipalityID, schools) = try await Self.schools(req)
        return try await renderStart(
            req, municipalityID: municipalityID, schools: schools, selected: schools.count == 1 ? schools[0].value : nil
        )
    }

    func renderStart(
        _ req: Request, municipalityID: UUID, schools: [(value: String, title: String)], selected: String?,
        errors: FieldErrors = FieldErrors(),
        fileProblem: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let zone = try await RegistrySupport.zone(req)
        let ids = schools.compactMap { UUID(uuidString: $0.value) }
        let batches = try await StudentImportBatch.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(
                \.$school.$id ~~ ids
            )
            .sort(\.$createdAt, .descending).with(\.$school).limit(30).all()
        let page = StudentImportStartPage(
            schools: schools, selectedSchool: selected, errors: errors, fileProblem: fileProblem,
            batches: try batches.map { batch in
                .init(
                    url: Self.url(try batch.requireID()), when: RuDate.formatDateTime(batch.createdAt, timeZone: zone),
                    fileName: batch.fileName, school: batch.school.shortName,
                    author: batch.createdByName, state: Self.stateTitle(batch), counts: Self.counts(batch))
            })
        return req.render(page.render(await req.pageContext(active: .registry(.students))), status: status)
    }

    static func url(_ id: UUID) -> String { "/students/imports/" + id.uuidString.lowercased() }

    static func stateTitle(_ batch: StudentImportBatch) -> String {
        StudentImportWords.state(
            StudentImportBatchPage.State(rawValue: batch.state), raw: batch.state, rowCount: batch.rowCount)
    }

    static func counts(_ batch: StudentImportBatch) -> String {
        StudentImportWords.counts(
            preview: batch.state == StudentImportBatch.State.preview.rawValue, rows: batch.rowCount,
            created: batch.createdCount,
            merged: batch.mergedCount, skipped: batch.skippedCount)
    }

    struct UploadForm: Content {
        var school: String?
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let (municipalityID, schools) = try await Self.schools(req)
        let form = try? req.content.decode(UploadForm.self)
        var errors = FieldErrors()
        let schoolValue = form?.school ?? (schools.count == 1 ? schools[0].value : nil)
        let schoolID = schoolValue.flatMap(UUID.init(uuidString:)).flatMap { id in
            schools.compactMap { UUID(uuidString: $0.value) }.first { $0 == id }
        }
        if schoolID == nil { errors.add("school", StudentImportWords.chooseSchool) }
        let file = form?.file
        let data = file.map { Data(buffer: $0.data) } ?? Data()
        if let file, !file.filename.isEmpty {
            if data.isEmpty { errors.add("file", StudentImportWords.emptyFile(file.filename)) }
        } else {
            errors.add("file", StudentImportWords.chooseFile)
        }
        guard errors.isEmpty, let schoolID, let file else {
            return try await renderStart(
                req, municipalityID: municipalityID, schools: schools, selected: schoolValue, errors: errors,
                status: .unprocessableEntity)
        }
        let zone = try await RegistrySupport.zone(req)
        let analysis: StudentImportService.Analysis
        do {
            analysis = try await StudentImportService.analyse(
                data, fileName: file.filename, schoolID: schoolID, municipalityID: municipalityID, zone: zone,
                canSee: Self.visibility(req, municipalityID), on: req.db)
        } catch let error as TableReadError {
            return try await renderStart(
                req, municipalityID: municipalityID, schools: schools, selected: schoolValue,
                fileProblem: error.message,
                status: .unprocessableEntity)
        }
        let user = try req.requireUser()
        let batch = StudentImportBatch()
        batch.$municipality.id = municipalityID
        batch.$school.id = schoolID
        batch.createdBy = user.userID
        batch.createdByName = user.username
        batch.createdAt = Date()
        batch.fileName =
            String(file.filename.prefix(200)).isEmpty ? StudentImportWords.unnamed : String(file.filename.prefix(200))
        batch.format = TableFormat.detect(fileName: file.filename, data: data)?.rawValue ?? "csv"
        // A file with errors is not kept: only its report is shown, and the batch records that it was refused.
        batch.content = analysis.isValid ? data : nil
        batch.state = StudentImportBatch.State.preview.rawValue
        batch.rowCount = analysis.isValid ? analysis.plan.rows.count : 0
        batch.createdCount = 0
        batch.mergedCount = 0
        batch.skippedCount = 0
        try await req.application.writeTransaction { db in
            // Previews nobody committed within a day are dropped with their files (personal data is not kept for
            // nothing).
            try await StudentImportBatch.query(on: db).filter(\.$state == StudentImportBatch.State.preview.rawValue)
                .filter(\.$createdAt < Date().addingTimeInterval(-86_400)).delete()
            try await batch.create(on: db)
        }
        if !analysis.isValid {
            return try await renderBatch(req, batch: batch, analysis: analysis, status: .unprocessableEntity)
        }
        return req.redirect(to: Self.url(try batch.requireID()), redirectType: .normal)
    }

    static func visibility(_ req: Request, _ municipalityID: UUID) -> StudentImportService.Visibility {
        let actor = req.currentUser?.actor
        let policy = req.policy
        return { school in
            guard let actor else { return false }
            return policy.allows(actor, .read, .student(school: OrgRef(id: school, municipalityID: municipalityID)))
        }
    }

}
