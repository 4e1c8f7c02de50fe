namespace DxPilot.Web.Features.Catalogue;

/// <summary>One form of the tree page as the browser posts it (each handler reads the fields it needs; the MIIT scenarios are read
/// from the raw form, one checkbox each).</summary>
public sealed class TreeFormInput
{
    /// <summary>The scenario acted on, or the parent of a new one.</summary>
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
    public string? Industry { get; set; }
    public string? Text { get; set; }
    /// <summary>A common need's id.</summary>
    public Guid? Id { get; set; }
}
