using System.Runtime;

/// <summary>
/// Loaded into the platform's process by the blobs bench only (DOTNET_STARTUP_HOOKS, with DXPILOT_BENCH_HEAP naming a
/// folder): on request it reports the managed heap and, asked to, forces a full blocking collection first. It tells
/// uncollected garbage from memory really held, without adding anything to the platform itself. The runtime looks the
/// type up by this exact name, outside any namespace.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("DXPILOT_BENCH_HEAP") is not { Length: > 0 } folder) return;
        new Thread(() => Serve(folder)) { IsBackground = true, Name = "bench heap probe" }.Start();
    }

    private static void Serve(string folder)
    {
        var request = Path.Combine(folder, "request");
        while (true)
        {
            Thread.Sleep(10);
            if (!File.Exists(request)) continue;
            var collect = File.ReadAllText(request).Trim() == "collect";
            if (collect)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            var info = GC.GetGCMemoryInfo();
            var reply = Path.Combine(folder, "reply");
            File.WriteAllText(reply + ".tmp", string.Join(' ', GC.GetTotalMemory(false), info.HeapSizeBytes, info.TotalCommittedBytes,
                GC.CollectionCount(0), GC.CollectionCount(2), GCSettings.IsServerGC ? "server" : "workstation"));
            File.Move(reply + ".tmp", reply, overwrite: true);
            File.Delete(request);
        }
    }
}
