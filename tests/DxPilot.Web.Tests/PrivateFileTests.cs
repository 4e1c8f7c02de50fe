using System.Net;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>Every export of the programme's data is sent so that no shared cache keeps it (one helper sends them all;
/// the registry's export did not say so before).</summary>
public sealed class PrivateFileTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("hz-city", "/api/enterprises/export")]
    [InlineData("hz-city", "/api/dashboard.xlsx")]
    [InlineData("cc-city", "/api/diagnoses/export")]
    [InlineData("hz-city", "/api/filings/annex5.xlsx")]
    public async Task An_export_is_private_and_not_stored(string user, string path)
    {
        var response = await (await app.As(user)).GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true }, $"{path}: {response.Headers.CacheControl}");
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileNameStar);
    }
}
