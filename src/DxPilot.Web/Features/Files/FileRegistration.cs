using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Files;

/// <summary>The blob store chosen by DxPilot:Blobs:Store (see <see cref="BlobStoreKinds.Parse"/>), and file serving.</summary>
public static class FileRegistration
{
    public static void AddServices(IServiceCollection s)
    {
        s.AddSingleton<BlobDatabase>();
        s.AddSingleton(sp => new FileSystemBlobStore(Path.Combine(sp.GetRequiredService<PlatformPaths>().DataFolder, "blobs"),
            sp.GetRequiredService<BlobDatabase>(), sp.GetRequiredService<ILogger<FileSystemBlobStore>>()));
        s.AddSingleton<DatabaseBlobStore>();
        s.AddSingleton<IBlobStore>(sp =>
            BlobStoreKinds.Parse(sp.GetRequiredService<IConfiguration>()["DxPilot:Blobs:Store"], sp.GetRequiredService<DatabaseOptions>().Provider) == BlobStoreKind.FileSystem
                ? sp.GetRequiredService<FileSystemBlobStore>()
                : sp.GetRequiredService<DatabaseBlobStore>());
        s.AddSingleton<BlobRelocation>();
        s.AddScoped<FileDownload>();
        s.AddSingleton<FileStartup>();
    }
}
