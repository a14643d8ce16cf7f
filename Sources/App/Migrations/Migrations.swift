import Fluent

/// Every migration, in order. Migrations are history: never edit one that has shipped.
enum SetkaMigrations {
    static let all: [any Migration] = [
        CreateMunicipality(),
        CreateOrganization(),
        CreateAcademicYear(),
        CreateSubject(),
        CreateResourceCenter(),
        CreateUser(),
        CreateSecurityTables(),
        CreateAuditEntry(),
        CreateNetworkRegistry(),
        CreateEnrollmentCore(),
        CreateImportsAndGuardians(),
        CreateEnrollmentLists(),
        CreateCampaigns(),
        CreateHeadcounts(),
        CreateTimetable(),
        CreateCalendarFeeds(),
        CreateJournal(),
        CreateResultsAndCertificates(),
        CreateOrders(),
        CreateDiagnostics(),
        CreateLookupIndexes(),
        AddStudentRegistryNumbers(),
        AddGroupAndCertificateSearchKeys(),
        AddLoginFailureSources(),
        AddPageIndexes(),
        AddCertificatesDue(),
        AddCoverageIndexes(),
        CreateTalent(),
        CreateAchievementDocuments(),
        AddPublicationConsent(),
        CreateOlympiadStages(),
        AddRegionalStage(),
    ]
}
