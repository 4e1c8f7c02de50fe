using DxPilot.Domain.Imports;

namespace DxPilot.Web.Features.Enterprises.Import;

public static class ImportLabels
{
    public static string Status(ImportStatus s) => s switch
    {
        ImportStatus.Queued => "排队中",
        ImportStatus.Running => "导入中",
        ImportStatus.Completed => "已完成",
        ImportStatus.Failed => "未能导入",
        _ => "",
    };
}
