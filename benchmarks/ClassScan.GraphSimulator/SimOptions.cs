using System.Globalization;

namespace ClassScan.GraphSimulator;

/// <summary>The simulator's command line: the tenant's shape, the budget and where to listen.</summary>
internal sealed class SimOptions
{
    public int Drives { get; private set; } = 1000;
    public long Items { get; private set; } = 1_000_000;
    public ulong Seed { get; private set; } = 1;
    public double SensitiveShare { get; private set; } = 0.05;
    public double ChangeShare { get; private set; } = 0.005;
    public double OneDriveShare { get; private set; } = 0.5;
    public int PageSize { get; private set; } = 200;
    /// <summary>Resource units per minute (0 = unlimited), Microsoft's per-app-per-tenant budget by licence count.</summary>
    public int RuPerMinute { get; private set; } = 3750;
    public int Port { get; private set; }
    public int Generation { get; private set; }
    public string Corpus { get; private set; } = Path.Combine("..", "shared", "corpus", "dev");
    public string? PortFile { get; private set; }
    public bool SelfTest { get; private set; }

    public const string Usage = """
        ClassScan.GraphSimulator: a Graph-protocol tenant generated on the fly (load tests of classscan scan --source graph)
          --drives N            drives (document libraries of sites and OneDrives; default 1000)
          --items N             files at generation 0, spread unevenly over the drives (default 1000000)
          --seed N              the tenant (default 1)
          --sensitive F         share of files made from a must-leave template (default 0.05)
          --change F            share of files changed per generation, the "next night" (default 0.005)
          --onedrive-share F    share of drives that are OneDrives (default 0.5)
          --page-size N         delta entries per page (default 200)
          --ru-per-minute N     resource-unit budget per minute, 0 = unlimited (default 3750: 5k-15k licences)
          --generation N        the tenant's generation at start (default 0)
          --corpus DIR          the dev corpus with labels.csv (default ../shared/corpus/dev)
          --port N              Graph port on 127.0.0.1 (0 = any; the download host listens on another)
          --port-file FILE      write "GRAPH_URL DOWNLOAD_URL" there once listening
          --self-test           check quickXorHash against published vectors and the model's invariants, then exit
        Bearer token: "t". Control and statistics under /sim (see README in benchmarks/).
        """;

    public static SimOptions Parse(string[] args)
    {
        var o = new SimOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            switch (args[i])
            {
                case "--drives": o.Drives = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--items": o.Items = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": o.Seed = ulong.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sensitive": o.SensitiveShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--change": o.ChangeShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--onedrive-share": o.OneDriveShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--page-size": o.PageSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ru-per-minute": o.RuPerMinute = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--generation": o.Generation = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--corpus": o.Corpus = Next(); break;
                case "--port": o.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--port-file": o.PortFile = Next(); break;
                case "--self-test": o.SelfTest = true; break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }
        }
        if (o.Drives < 1 || o.Items < o.Drives) throw new ArgumentException("--items must be at least --drives, and --drives at least 1");
        return o;
    }
}
