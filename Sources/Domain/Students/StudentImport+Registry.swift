import Foundation

/// The rows of an import against the municipality's registry: which child of the file is already registered, what a
/// merge changes, which guardians are new. Pure: the application reads the registered children (`RegisteredChild`)
/// by the file's identity keys on whichever database, and asks these functions.
extension StudentImport {
    /// A child of the municipality's registry whose identity key is in the file, with what a merge changes.
    public struct RegisteredChild: Sendable, Equatable {
        public var id: UUID
        public var identityKey: String
        public var schoolID: UUID
        public var schoolName: String
        public var fullName: String
        public var grade: Int
        public var letter: String?
        public var sex: String?
        public var specialNeeds: Bool
        public var consentOn: Date?
        public var consentBy: String?
        public var status: String
        public var version: Int

        public init(
            id: UUID, identityKey: String, schoolID: UUID, schoolName: String, fullName: String, grade: Int,
            letter: String?, sex: String?, specialNeeds: Bool, consentOn: Date?, consentBy: String?, status: String,
            version: Int
        ) {
            self.id = id
            self.identityKey = identityKey
            self.schoolID = schoolID
            self.schoolName = schoolName
            self.fullName = fullName
            self.grade = grade
            self.letter = letter
            self.sex = sex
            self.specialNeeds = specialNeeds
            self.consentOn = consentOn
            self.consentBy = consentBy
            self.status = status
            self.version = version
        }
    }

    /// A row of the file that is a child of the importing school: merged unless the user skips it.
    public struct Match: Sendable {
        public var record: RegisteredChild
        public var id: UUID { record.id }
        public var fullName: String { record.fullName }
        public var grade: String { "\(record.grade)\(record.letter ?? "")" }
        public var archived: Bool { record.status == RecordStatus.archived.rawValue }
        public var version: Int { record.version }
    }

    /// The preview of a file: its plan, the rows that match this school's children, and every refusal.
    public struct Analysis: Sendable {
        public var plan: Plan
        /// Index in `plan.rows` → the registry record of this school it matches.
        public var matches: [Int: Match]
        public var errors: [RowError]
        public var isValid: Bool { errors.isEmpty && plan.fileErrors.isEmpty }
        public var newCount: Int { plan.rows.count - matches.count }
        public var repeatedCount: Int { plan.rows.reduce(0) { $0 + $1.repeatedOn.count } }

        public init(plan: Plan, matches: [Int: Match], errors: [RowError]) {
            self.plan = plan
            self.matches = matches
            self.errors = errors
        }
    }

    /// Each row against the registry: a child of this school is a match (merged unless skipped), a child of another
    /// school an error that names the school only to those who may see it (`canSee`).
    public static func classify(
        _ plan: Plan, found: [RegisteredChild], schoolID: UUID, canSee: (UUID) -> Bool
    ) -> Analysis {
        var analysis = Analysis(plan: plan, matches: [:], errors: plan.errors)
        var positions: [ByteKey: Int] = [:]
        positions.reserveCapacity(plan.rows.count)
        for (i, row) in plan.rows.enumerated() where positions[ByteKey(row.identityKey)] == nil {
            positions[ByteKey(row.identityKey)] = i
        }
        for child in found {
            guard let i = positions[ByteKey(child.identityKey)] else { continue }
            let line = plan.rows[i].line
            if child.schoolID == schoolID {
                analysis.matches[i] = Match(record: child)
            } else if canSee(child.schoolID) {
                analysis.errors.append(
                    .init(
                        line: line, column: "Фамилия",
                        message: "Уже "
                            + Sex.agree(
                                child.sex.flatMap(Sex.init(rawValue:)), masculine: "зарегистрирован",
                                feminine: "зарегистрирована")
                            + " в \(child.schoolName). Перевод между школами оформляет КМЦ.")
                )
            } else {
                analysis.errors.append(
                    .init(
                        line: line, column: "Фамилия",
                        message: "Учащийся уже зарегистрирован в другой школе — обратитесь в КМЦ."))
            }
        }
        analysis.errors.sort {
            ($0.line, header.firstIndex(of: $0.column) ?? 99) < ($1.line, header.firstIndex(of: $1.column) ?? 99)
        }
        return analysis
    }

    /// A matched child after the merge: the file's values where it has them, the registry's otherwise; active again.
    public static func merged(_ child: RegisteredChild, with row: Row) -> RegisteredChild {
        var merged = child
        merged.grade = row.grade
        merged.letter = row.letter ?? child.letter
        merged.sex = row.sex ?? child.sex
        merged.specialNeeds = row.specialNeeds || child.specialNeeds
        merged.consentOn = row.consentOn ?? child.consentOn
        merged.consentBy = row.consentBy ?? child.consentBy
        merged.status = RecordStatus.active.rawValue
        merged.version = child.version + 1
        return merged
    }

    /// The guardians to add: a merged child may already have this guardian (`existing`, by `guardianKey`), and the
    /// same name is not added twice.
    public static func freshGuardians(_ rows: [(UUID, Row)], existing: Set<String>) -> [(UUID, Row)] {
        rows.filter { id, row in row.guardianName.map { !existing.contains(guardianKey(id, $0)) } ?? false }
    }

    /// A child's guardian as the import compares them: the child and the name, ignoring case and «ё».
    public static func guardianKey(_ studentID: UUID, _ name: String) -> String {
        studentID.uuidString + "|" + TextKey.normalize(name)
    }
}
