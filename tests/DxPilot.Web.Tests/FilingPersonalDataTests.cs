using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// DOMAIN §8 "personal data (phones, ID numbers) is shown only to roles that need it and masked elsewhere": the enterprise's
/// contact phone and the provider's phone of a filing reach the think tank masked on every way out (the page, the filing and
/// its submitted round through the API, the contract, both .docx), and the city reads them whole.
/// </summary>
public abstract class FilingPersonalDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    // HangzhouFiling's enterprise file and contract.
    private const string EnterprisePhone = "13900002222", ProviderPhone = "0571-88886666";
    private const string EnterpriseMasked = "139****2222", ProviderMasked = "057******6666";

    [Fact]
    public async Task The_think_tank_reads_the_phones_of_a_filing_masked_everywhere_and_the_city_whole()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var (thinkTank, city) = (await app.As(h.Users["thinktank"]), await app.As(h.Users["city"]));
        var contract = (await city.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts"))[0].GetProperty("id").GetGuid();

        foreach (var path in new[] { $"/api/filings/{id}", $"/api/filings/{id}/versions/1", $"/api/filings/{id}/contracts/{contract}" })
        {
            var masked = await thinkTank.GetStringAsync(path);
            Assert.Contains(EnterpriseMasked, masked);
            Assert.Contains(ProviderMasked, masked);
            Assert.DoesNotContain(EnterprisePhone, masked);
            Assert.DoesNotContain(ProviderPhone, masked);
            var whole = await city.GetStringAsync(path);
            Assert.Contains(EnterprisePhone, whole);
            Assert.Contains(ProviderPhone, whole);
        }
        foreach (var path in new[] { $"/api/filings/{id}.docx", $"/api/filings/{id}/versions/1.docx", $"/api/filings/{id}/contracts/{contract}.docx" })
        {
            var masked = OfficeFiles.Text(await thinkTank.GetByteArrayAsync(path));
            Assert.Contains(EnterpriseMasked, masked);
            Assert.DoesNotContain(EnterprisePhone, masked);
            Assert.DoesNotContain(ProviderPhone, masked);
            Assert.Contains(EnterprisePhone, OfficeFiles.Text(await city.GetByteArrayAsync(path)));
        }
        // 附件5, the summary sheet the think tank exports with the bureaus.
        var sheet = XmlText(await thinkTank.GetByteArrayAsync("/api/filings/annex5.xlsx"));
        Assert.Contains(EnterpriseMasked, sheet);
        Assert.Contains(ProviderMasked, sheet);
        Assert.DoesNotContain(EnterprisePhone, sheet);
        Assert.DoesNotContain(ProviderPhone, sheet);
        Assert.Contains(EnterprisePhone, XmlText(await city.GetByteArrayAsync("/api/filings/annex5.xlsx")));
        var page = await (await app.SignedIn(h.Users["thinktank"])).GetStringAsync($"/filings/{id}");
        Assert.Contains(ProviderMasked, page);
        Assert.DoesNotContain(EnterprisePhone, page);
        Assert.DoesNotContain(ProviderPhone, page);
    }

    /// <summary>Every part of an .xlsx as text: wherever the sheet keeps a cell's string, a phone is found in it.</summary>
    private static string XmlText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Select(e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); }));
    }
}

public sealed class FilingPersonalDataTestsOnSqlite(SqliteApp app) : FilingPersonalDataTests<SqliteApp>(app);

public sealed class FilingPersonalDataTestsOnPostgres(PostgresApp app) : FilingPersonalDataTests<PostgresApp>(app);
