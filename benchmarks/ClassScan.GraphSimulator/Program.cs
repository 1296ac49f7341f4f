using System.Text;
using ClassScan.GraphSimulator;

SimOptions options;
try
{
    options = SimOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine("graph-simulator: " + ex.Message);
    Console.Error.WriteLine(SimOptions.Usage);
    return 2;
}
if (args.Contains("-h") || args.Contains("--help"))
{
    Console.WriteLine(SimOptions.Usage);
    return 0;
}

var tenant = new TenantModel(options, TemplateSet.Load(options.Corpus));
if (options.SelfTest) return SelfTest.Run(tenant);

var server = new SimServer(tenant, new SimStats(TimeProvider.System), new ResourceBudget(options.RuPerMinute, TimeProvider.System));
await server.RunAsync(options.Port, options.PortFile, CancellationToken.None);
return 0;

/// <summary>Checks that need no scanner: quickXorHash against rclone's published vectors, and the model's rules.</summary>
internal static class SelfTest
{
    public static int Run(TenantModel tenant)
    {
        var failures = 0;
        void Check(bool ok, string what)
        {
            Console.WriteLine((ok ? "ok   " : "FAIL ") + what);
            if (!ok) failures++;
        }
        foreach (var (input, expected) in new[]
                 {
                     ("", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="), ("Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA="), ("tbQ=", "taAFAAAAAAAAAAAAAgAAAAAAAAA="),
                     ("0pZP", "0rDEEwAAAAAAAAAAAwAAAAAAAAA="), ("jRRDVA==", "jaDAEKgAAAAAAAAABAAAAAAAAAA="),
                     ("qaApEj66lw==", "qQBFCiTgA11cAgAABwAAAAAAAAA="), ("/aNzzCFPS/A=", "/RjFHJgRgicsAR4ACAAAAAAAAAA="),
                 })
            Check(QuickXorHash.Base64(Convert.FromBase64String(input)) == expected, $"quickXorHash({input}) = {expected}");
        // A long input exercises the wrap-around over 160 positions.
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Elevlista klass 3B. ", 200)));
        Check(QuickXorHash.Compute(big).Length == 20, "quickXorHash of 4 kB is 20 bytes");

        var d = tenant.Drives[0];
        var a = tenant.Item(d, 5, 3);
        var b = tenant.Item(d, 5, 3);
        Check(a == b && a is not null, "an item is a pure function of (drive, index, generation)");
        Check(tenant.Item(d, d.MaxIndex(0), 0) is null && tenant.Item(d, d.MaxIndex(1) - 1, 1) is not null || d.NewPerGeneration == 0,
            "new files appear only in later generations");
        Check(tenant.Drives.Sum(x => x.BaseCount) == tenant.Options.Items, "drive sizes sum to --items");
        long changed = 0, n = 0;
        foreach (var drive in tenant.Drives.Take(50))
            for (long i = 0; i < drive.BaseCount; i++, n++)
                if (tenant.Item(drive, i, 1) is { LastChange: 1 }) changed++;
        var share = (double)changed / Math.Max(1, n);
        Check(Math.Abs(share - 0.8 * tenant.Options.ChangeShare) < 0.8 * tenant.Options.ChangeShare * 0.5 + 0.002,
            $"generation 1 changes {share:P2} of existing files (expected {0.8 * tenant.Options.ChangeShare:P2})");
        return failures == 0 ? 0 : 1;
    }
}
