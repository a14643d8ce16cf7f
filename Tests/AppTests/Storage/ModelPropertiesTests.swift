import Fluent
import Foundation
import Testing

@testable import App

extension AppTests {
    /// Every model lists its property wrappers (`var properties`) instead of leaving FluentKit to find them by
    /// reflection on every row it decodes and every query it builds — a quarter of a list page's CPU in issue 20's
    /// profile. The list must be exactly what reflection finds, in the same order: a wrapper left out would be neither
    /// saved nor loaded, silently. This suite compares the two for every model declared in `Sources/App`.
    @Suite struct ModelPropertiesTests {
        static let models: [String: any Fields.Type] = [
            "AcademicYear": AcademicYear.self, "ApiToken": ApiToken.self, "ApplicationChoice": ApplicationChoice.self,
            "AttendanceMark": AttendanceMark.self, "AuditEntry": AuditEntry.self, "BusySlotRecord": BusySlotRecord.self,
            "CalendarFeed": CalendarFeed.self, "CampaignProgram": CampaignProgram.self, "Certificate": Certificate.self,
            "CertificateCounter": CertificateCounter.self, "CourseApplication": CourseApplication.self,
            "DiagnosticScore": DiagnosticScore.self, "DiagnosticWork": DiagnosticWork.self,
            "Enrollment": Enrollment.self,
            "EnrollmentCampaign": EnrollmentCampaign.self, "EnrollmentList": EnrollmentList.self,
            "EnrollmentListItem": EnrollmentListItem.self, "FinalResult": FinalResult.self, "Guardian": Guardian.self,
            "HolidayPeriodRecord": HolidayPeriodRecord.self, "KmcMember": KmcMember.self, "Lesson": Lesson.self,
            "LessonPattern": LessonPattern.self, "LessonRecord": LessonRecord.self, "LoginFailure": LoginFailure.self,
            "Municipality": Municipality.self, "NetworkAgreement": NetworkAgreement.self,
            "NetworkProgram": NetworkProgram.self, "Order": Order.self, "Organization": Organization.self,
            "Partner": Partner.self, "ProgramTeacher": ProgramTeacher.self, "ProgramVersion": ProgramVersion.self,
            "ResourceCenter": ResourceCenter.self, "ResourceCenterSubject": ResourceCenterSubject.self,
            "RoleAssignment": RoleAssignment.self, "Room": Room.self, "SchoolHeadcount": SchoolHeadcount.self,
            "StaffMember": StaffMember.self, "StaffOrganization": StaffOrganization.self,
            "StaffSubject": StaffSubject.self,
            "Student": Student.self, "StudentImportBatch": StudentImportBatch.self, "StudyGroup": StudyGroup.self,
            "Subject": Subject.self, "OlympiadSubject": OlympiadSubject.self, "Contest": Contest.self,
            "ContestEdition": ContestEdition.self, "Achievement": Achievement.self,
            "AchievementDocument": AchievementDocument.self, "AchievementPreparer": AchievementPreparer.self,
            "OlympiadStage": OlympiadStage.self,
            "OlympiadStageGrade": OlympiadStageGrade.self, "OlympiadParticipant": OlympiadParticipant.self,
            "OlympiadAppeal": OlympiadAppeal.self, "OlympiadTrainingSession": OlympiadTrainingSession.self,
            "GiftedRuleRecord": GiftedRuleRecord.self, "GiftedDecision": GiftedDecision.self,
            "SupportMeasure": SupportMeasure.self, "SupportWeightsRecord": SupportWeightsRecord.self,
            "IndividualRoute": IndividualRoute.self, "IndividualRouteStep": IndividualRouteStep.self,
            "RouteSupportNote": RouteSupportNote.self,
            "TravelTimeRecord": TravelTimeRecord.self, "User": User.self,
            "UserSession": UserSession.self, "Plan": Plan.self, "PlanItem": PlanItem.self,
            "PlanItemFile": PlanItemFile.self, "ReportCampaign": ReportCampaign.self, "Report": Report.self,
            "Meeting": Meeting.self, "MeetingParticipant": MeetingParticipant.self,
            "MeetingDecisionRecord": MeetingDecisionRecord.self,
            "ActivityProgram": ActivityProgram.self, "ActivityProgramVersion": ActivityProgramVersion.self,
            "TechnicalAssignment": TechnicalAssignment.self, "AnalyticNote": AnalyticNote.self,
            "DesignationHearing": DesignationHearing.self, "CustomTemplate": CustomTemplate.self,
            "CustomTemplateVersion": CustomTemplateVersion.self, "CustomReportForm": CustomReportForm.self,
            "CustomReportFormVersion": CustomReportFormVersion.self, "Event": Event.self,
            "EventRegistration": EventRegistration.self, "DevelopmentCourse": DevelopmentCourse.self,
            "AwardRound": AwardRound.self, "TeacherAward": TeacherAward.self, "BudgetLine": BudgetLine.self,
            "BudgetEntry": BudgetEntry.self,
        ]

        /// The model classes declared in the sources, by name: a new model must join `models` to be checked.
        @Test func everyModelIsChecked() throws {
            let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../../Sources/App"
            ).standardizedFileURL
            var declared: Set<String> = []
            let pattern = try Regex(#"final class (\w+): (?:Model|RegistryRecord)\b"#)
            let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(of: pattern) {
                    if let name = match.output[1].substring { declared.insert(String(name)) }
                }
            }
            #expect(declared.count > 40)
            #expect(declared.subtracting(Self.models.keys).sorted() == [], "add these models to ModelPropertiesTests")
            #expect(Set(Self.models.keys).subtracting(declared).sorted() == [])
        }

        @Test(arguments: models.keys.sorted())
        func listedAsReflected(_ name: String) throws {
            let model = try #require(Self.models[name]).init()
            let listed = model.properties.map { ObjectIdentifier($0) }
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map {
                ObjectIdentifier($0)
            }
            #expect(!reflected.isEmpty)
            #expect(listed == reflected, "\(name).properties must list every property wrapper, in declaration order")
        }
    }
}
