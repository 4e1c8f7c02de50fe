using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments.Rescoring;
using DxPilot.Web.Features.Assessments.Scoring;
using DxPilot.Web.Features.Auditing;
using DxPilot.Web.Features.Diagnoses.Photos;
using DxPilot.Web.Features.Operations.Backup;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web;

/// <summary>Entry point: a CLI verb when the first argument names one, otherwise the web platform.</summary>
public static class Platform
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            switch (args)
            {
                case ["schema", ..]: return SchemaScript(args);
                case [ScoreCommand.Verb, .. var files]: return ScoreCommand.ForConsole().Run(files);
                case ["rescore", .. var options]: return await RescoreCommand.RunAsync(options);
                case [AuditCommand.Verb, .. var options]: return await AuditCommand.RunAsync(options, Console.Out, Console.Error);
                case [Features.Catalogue.CatalogueCommand.Verb, .. var options]: return await Features.Catalogue.CatalogueCommand.RunAsync(options, Console.Out, Console.Error);
                case [BackupCommand.Verb, .. var options]: return await BackupCommand.RunAsync(options);
                case [Features.Files.BlobsCommand.Verb, .. var options]: return await Features.Files.BlobsCommand.RunAsync(options, Console.Out, Console.Error);
                case [PhotosCommand.Verb, .. var options]: return await PhotosCommand.RunAsync(options, Console.Out, Console.Error);
                case [RestoreCommand.Verb, .. var options]: return await RestoreCommand.RunAsync(options);
                case [Features.Operations.MigrateCommand.Verb, .. var options]: return await Features.Operations.MigrateCommand.RunAsync(options, Console.Out, Console.Error);
            }
            await PlatformHost.Build(args).RunAsync();
            return 0;
        }
        catch (ConfigurationFileException ex)
        {
            // A malformed programme file stops start-up with the file, the path inside it and the reason.
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (PendingMigrationsException ex)
        {
            // A copy that must not change the schema found it behind this build: it does not serve on an old schema.
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (InstrumentFormatException ex)
        {
            // So does a malformed instrument file: every problem with its JSON path.
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <summary>`schema --provider sqlite|postgresql`: the full create script of the current model, the starting point of the next migration script.</summary>
    private static int SchemaScript(string[] args)
    {
        var provider = DatabaseOptions.ParseProvider(args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault());
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost").Apply(options);
        using var db = new DxPilotDbContext(options.Options, new AuditContext());
        Console.WriteLine(db.Database.GenerateCreateScript());
        return 0;
    }
}
