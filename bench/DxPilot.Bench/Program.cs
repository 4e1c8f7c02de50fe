using BenchmarkDotNet.Running;
using DxPilot.Bench;
using DxPilot.Bench.Auditing;
using DxPilot.Bench.Documents;
using DxPilot.Bench.Imports;
using DxPilot.Bench.Blobs;
using DxPilot.Bench.Diagnoses;
using DxPilot.Bench.Filings;
using DxPilot.Bench.Photos;
using DxPilot.Bench.Rescoring;
using DxPilot.Bench.Scoring;
using DxPilot.Bench.Text;

return args.FirstOrDefault() switch
{
    "generate" => await Generate.RunAsync(args[1..]),
    "sheet" => SheetGenerator.Run(args[1..]),
    "measure" => await Measure.RunAsync(args[1..]),
    "search" => await SearchBench.RunAsync(args[1..]),
    "rescore" => await RescoreBench.RunAsync(args[1..]),
    "blobs" => await BlobServeBench.RunAsync(args[1..]),
    "audit-import" => await AuditImportBench.RunAsync(args[1..]),
    "import-bombs" => await ImportBombBench.RunAsync(args[1..]),
    "diagnosis-overview" => await DiagnosisOverviewBench.RunAsync(args[1..]),
    "photos" => await PhotoBench.RunAsync(args[1..]),
    "photo-read" => BenchmarkRunner.Run<PhotoReadBenchmarks>(args: [.. args[1..], "--inProcess"]).HasCriticalValidationErrors ? 1 : 0,
    "filings" => await FilingBench.RunAsync(args[1..]),
    "projects" => await DxPilot.Bench.Projects.ProjectBench.RunAsync(args[1..]),
    // In-process: BenchmarkDotNet's generated project cannot restore every package from the registry here.
    "scoring" => BenchmarkRunner.Run<ScoringBenchmarks>(args: [.. args[1..], "--inProcess"]).HasCriticalValidationErrors ? 1 : 0,
    "report-docx" => ReportBench.Run(args[1..]),
    "documents" => BenchmarkRunner.Run<DocumentBenchmarks>(args: [.. args[1..], "--inProcess"]).HasCriticalValidationErrors ? 1 : 0,
    "awards" => await DxPilot.Bench.Awards.AwardListBench.RunAsync(args[1..]),
    "catalogue" => await DxPilot.Bench.Catalogue.CatalogueBench.RunAsync(args[1..]),
    "award-criteria" => BenchmarkRunner.Run<DxPilot.Bench.Awards.AwardCriteriaBenchmarks>(args: [.. args[1..], "--inProcess"]).HasCriticalValidationErrors ? 1 : 0,
    "capital-amounts" => BenchmarkRunner.Run<CapitalAmountBenchmarks>(args: [.. args[1..], "--inProcess"]).HasCriticalValidationErrors ? 1 : 0,
    "priced-plan" => BenchmarkRunner.Run<DxPilot.Bench.Catalogue.PricedPlanBenchmarks>(args: [.. args[1..], "--inProcess"]).HasCriticalValidationErrors ? 1 : 0,
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        DxPilot benchmarks (see bench/README.md):
          generate --provider postgresql|sqlite --connection "…" [--enterprises 100000] [--programme hangzhou-2024]
          sheet    --rows 10000 --out enterprises-10000.xlsx
          scoring  [BenchmarkDotNet options, e.g. --job short]   generic vs hand-written 2024 scorer
          documents [BenchmarkDotNet options]                    writing an assessment result as .docx (with its radar PNG)
          photo-read [BenchmarkDotNet options]                   a 5 MB JPEG's EXIF and pHash: as it was (libjpeg 1/8) and now (luma DC terms)
          capital-amounts [BenchmarkDotNet options]              中文大写金额: 1,000,000 amounts per operation
          priced-plan [BenchmarkDotNet options]                  cheapest cover and priced plan over 10,000 products; DP vs brute force
          report-docx [--runs 15] [--out report.docx]            the whole diagnosis report .docx with 20 photo thumbnails: median, peak memory
          rescore  --connection "…;Database=…" [--assessments 1000000] [--runs 3]   PostgreSQL re-scoring vs a plain read
          blobs    [--size 20] [--store FileSystem|Database] [--runs 20] [--collect] [--postgres "Host=…;Username=…"]   server memory while serving a large stored file
          audit-import [--rows 1000] [--rounds 7] [--warmup 3] [--warm] [--workstation-gc] [--postgres "Host=…;Username=…"]   an import with and without the audit interceptor
          import-bombs [--postgres "Host=…;Username=…"] [--port 5103] [--limit 300] [--seconds 10]   hostile sheets against a started server: peak memory, time
          diagnosis-overview [--postgres "Host=…;Username=…"] [--sizes 500,100000] [--requests 50] [--port 5114] [--keep | --database NAME]   咨询诊断 overview and list, in process and through HTTP
          filings  [--postgres "Host=…;Username=…"] [--filings 100000] [--requests 50] [--keep | --database NAME [--annex5-only]]   备案 queues, filtered list, 附件5 export
          projects [--postgres "Host=…;Username=…"] [--projects 100000] [--requests 20] [--keep | --database NAME] [--no-approval]   看板, batch approval
          awards   [--postgres "Host=…;Username=…"] [--applications 11100] [--requests 50] [--keep | --database NAME]   award lists of a county and the city, 附件1-5 and 附件2-2 exports
          catalogue [--postgres "Host=…;Username=…"] [--enterprises 100000] [--providers 2000] [--requests 50] [--keep | --database NAME]   供需适配: match list, demand map, catalogue list
          award-criteria [BenchmarkDotNet options]   every limit and criterion of one 数智 application with two directions
          photos   read [--runs 60] [--grain 40] | distances [--photos 40] | reuse --connection "…;Database=…" [--stored 1000000] [--runs 300]
          measure  --url http://127.0.0.1:5080 [--user hz-city] [--requests 200] [--import FILE.xlsx]
          search   --url http://127.0.0.1:5080 [--user hz-city] [--requests 40] [--seconds 20] [--edits-per-second 0]   search medians by fragment kind; wrk mix vs /health
        """);
    return 2;
}
