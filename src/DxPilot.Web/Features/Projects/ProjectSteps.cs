using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;

namespace DxPilot.Web.Features.Projects;

/// <summary>Which of the project's forms a viewer is offered now: the policy's answer for the viewer and the workflow's for the
/// state. The service asks both again on post; the page only spares a user a form it would refuse.</summary>
public static class ProjectSteps
{
    public static bool Reports(ProjectView v, Actor a) =>
        ProjectPolicy.ReportCompletion(a, v.Project, v.Viewer.Provider) is null && ProjectWorkflow.CompletionEditable(v.Project.Status);

    public static bool Evaluates(ProjectView v, Actor a) =>
        ProjectPolicy.Continue(a, v.Project, v.Viewer.Agency) is null && ProjectWorkflow.EvaluationEditable(v.Project.Status);

    public static bool Accepts(ProjectView v, Actor a) =>
        ProjectPolicy.Continue(a, v.Project, v.Viewer.Agency) is null && ProjectWorkflow.AcceptanceEditable(v.Project.Status);

    public static bool Audits(ProjectView v, Actor a) =>
        ProjectPolicy.Audit(a, v.Viewer.AuditFirm) is null && ProjectWorkflow.AuditEditable(v.Project.Status);

    public static bool Approves(ProjectView v, Actor a) => ProjectPolicy.Pay(a) is null && v.Project.Status == ProjectStatus.Audited;

    public static bool Pays(ProjectView v, Actor a) => ProjectPolicy.Pay(a) is null && v.Project.Status == ProjectStatus.Approved;

    /// <summary>A scan's download, served in scope and audited by the API.</summary>
    public static string FileUrl(Guid fileId) => $"/api/projects/files/{fileId}";

    /// <summary>A posted date (yyyy-MM-dd from a date input), null when empty or unreadable.</summary>
    public static DateOnly? Date(string? text) => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", out var d) ? d : null;

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many repeated rows a form posted (its hidden count), within a bound.</summary>
    public static int Rows(IFormCollection form, int max) => Math.Clamp(int.TryParse(form["Rows"].ToString(), out var n) ? n : 0, 0, max);
}
